import { useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import { useThreadEndOutOfSight } from '../../api/comments';
import type { Discussion } from '../../api/contract';
import { useSession } from '../../api/session';
import { useAnnounce } from '../../components/announcer';
import { useNotOpenYet } from '../../components/use-not-open-yet';
import { Field } from '../../components/field';
import { formatMoment } from '../../lib/dates';
import { draftKey, useDraft } from '../../lib/drafts';
import { useHere } from '../../lib/return-to';
import { CommentForm } from './comment-form';
import { commentPath } from './comment-item';
import { COMPOSER_TEXTAREA_ID } from './comment-thread';
import { paths } from '../../lib/paths';

export const composerDraftKey = (slug: string) => draftKey(slug, 'comment');

/** The composer under the thread; a closed discussion says so instead. */
export function CommentComposer({ discussion }: { discussion: Discussion }) {
  const user = useSession().data?.user;
  const signedOut = user === null;
  const here = useHere();
  const endOutOfSight = useThreadEndOutOfSight(discussion.slug);
  const navigate = useNavigate();
  const notOpenYet = useNotOpenYet(discussion.opensAt);

  // A new comment goes to the end of the thread; when the end is not loaded yet,
  // take the person to it, as a forum does, rather than leave it out of sight.
  const showIfOutOfSight = (comment: { id: string; discussionSlug: string }) => {
    if (endOutOfSight()) void navigate(commentPath(comment));
  };

  if (discussion.status === 'closed') {
    const reason = discussion.closedReason?.trim();
    return (
      <section className="composer" aria-labelledby="composer-heading">
        <h2 id="composer-heading">Add a comment</h2>
        <p className="notice">
          This discussion is closed
          {reason ? `: ${reason.replace(/([^.!?])$/, '$1.')}` : '.'} It no longer takes new
          comments.
        </p>
        <UnsentDraft slug={discussion.slug} />
      </section>
    );
  }
  return (
    <section className="composer" aria-labelledby="composer-heading">
      <h2 id="composer-heading">Add a comment</h2>
      {signedOut && (
        <p className="composer-invite">
          <Link to={paths.signIn(here)}>Sign in to comment</Link> or{' '}
          <Link to={paths.join(here)}>Join</Link> to take part. You can start writing now: your text
          is kept.
        </p>
      )}
      {notOpenYet && (
        <p className="notice">
          This discussion opens on {formatMoment(discussion.opensAt)}. You can start writing now:
          your text is kept here until you post it.
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
        id={COMPOSER_TEXTAREA_ID}
        label="Your comment"
        submitLabel="Post comment"
        onPosted={showIfOutOfSight}
      />
    </section>
  );
}

/**
 * A comment being written when the discussion closed: its saved text stays to be
 * read and copied, where the composer was, until the person removes it.
 */
function UnsentDraft({ slug }: { slug: string }) {
  const [text, , settle] = useDraft(composerDraftKey(slug), '');
  const box = useRef<HTMLTextAreaElement>(null);
  const announce = useAnnounce();
  if (text === '') return null;

  const copy = () => {
    box.current?.select();
    void navigator.clipboard.writeText(text).then(
      () => announce('Your text is copied.'),
      // Without the clipboard, the text stays selected, ready for Ctrl+C.
      () => announce('Your text is selected: copy it with Ctrl+C or ⌘+C.'),
    );
  };
  return (
    <div className="unsent-draft">
      <Field
        id="unsent-draft"
        label="Your comment, not sent"
        hint="It was not posted before the discussion closed. Copy it to keep it elsewhere."
      >
        {(control) => <textarea {...control} ref={box} readOnly rows={5} value={text} />}
      </Field>
      <div className="actions">
        <button type="button" className="button button-small" onClick={copy}>
          Copy your text
        </button>
        <button
          type="button"
          className="button button-quiet button-small"
          onClick={() => settle(text)}
        >
          Remove it
        </button>
      </div>
    </div>
  );
}
