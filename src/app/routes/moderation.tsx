import { Link } from 'react-router';
import { useDocumentTitle } from '../../components/document-title';
import { CommentItem } from '../../features/comments/comment-item';
import { ModerationQueue } from '../../features/moderation/moderation-queue';
import { ModeratorsOnly } from '../../features/moderation/moderators-only';
import { ResourceItem } from '../../features/resources/resource-item';
import { paths } from '../../lib/paths';

export function ModerationRoute() {
  useDocumentTitle('Moderation');
  return (
    <>
      <div className="page-intro">
        <h1>Moderation</h1>
        <p className="lede">
          New comments and resources, oldest first, then entries that participants flagged.
        </p>
        <p>
          <Link to={paths.moderationLog()}>Moderation log</Link> ·{' '}
          <Link to={paths.newDiscussion()}>Create a discussion</Link>
        </p>
      </div>
      <ModeratorsOnly what="see the moderation queue">
        <ModerationQueue
          renderComment={(comment, controls) => (
            <CommentItem comment={comment}>{controls}</CommentItem>
          )}
          renderResource={(resource, controls) => (
            <ResourceItem resource={resource}>{controls}</ResourceItem>
          )}
        />
      </ModeratorsOnly>
    </>
  );
}
