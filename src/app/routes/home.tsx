import { useDocumentTitle } from '../../components/document-title';
import { DiscussionList } from '../../features/threads/discussion-list';

export function HomeRoute() {
  useDocumentTitle('Discussions');
  return (
    <>
      <div className="page-intro">
        <h1>Discussions</h1>
        <p className="lede">
          Time-boxed, moderated conversations: read what participants said, share resources and take
          part while a discussion is open.
        </p>
      </div>
      <DiscussionList />
    </>
  );
}
