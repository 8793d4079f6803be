import { Link } from 'react-router';
import type { Discussion } from '../../api/contract';
import { useSession } from '../../api/session';
import { draftKey } from '../../lib/drafts';
import { joinPath, signInPath, useHere } from '../../lib/return-to';
import { CommentForm } from './comment-form';

export const composerDraftKey = (slug: string) => draftKey(slug, 'comment');

/** The composer under the thread; a closed discussion says so instead. */
export function CommentComposer({ discussion }: { discussion: Discussion }) {
  const user = useSession().data?.user;
  const signedOut = user === null;
  const here = useHere();

  if (discussion.status === 'closed') {
    return (
      <section className="composer" aria-labelledby="composer-heading">
        <h2 id="composer-heading">Add a comment</h2>
        <p className="notice">This discussion is closed. It no longer takes new comments.</p>
      </section>
    );
  }
  return (
    <section className="composer" aria-labelledby="composer-heading">
      <h2 id="composer-heading">Add a comment</h2>
      {signedOut && (
        <p className="composer-invite">
          <Link to={signInPath(here)}>Sign in to comment</Link> or{' '}
          <Link to={joinPath(here)}>Join</Link> to take part. You can start writing now: your text
          is kept.
        </p>
      )}
      <p className="hint">
        {user?.role === 'moderator' || discussion.approvalMode === 'none'
          ? 'Your comments are published at once.'
          : discussion.approvalMode === 'first'
            ? 'Your first entry in this discussion is read by a moderator before it is published.'
            : 'Every comment is read by a moderator before it is published.'}
      </p>
      <CommentForm
        slug={discussion.slug}
        draftKey={composerDraftKey(discussion.slug)}
        id="comment-composer-body"
        label="Your comment"
        submitLabel="Post comment"
      />
    </section>
  );
}
