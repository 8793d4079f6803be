import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useWithdrawComment } from '../../api/comments';
import type { Comment } from '../../api/contract';
import { discussionQueries } from '../../api/discussions';
import { useSession } from '../../api/session';
import { useAnnounce } from '../../components/announcer';
import { errorMessage } from '../../components/error-state';
import { FlagControl } from '../../components/flag-control';
import { draftKey, hasDraft } from '../../lib/drafts';
import { paths } from '../../lib/paths';
import { CommentEditForm } from './comment-edit-form';
import { CommentForm } from './comment-form';
import { commentPath } from './comment-item';
import { THREAD_COUNT_ID } from './comment-thread';

export const replyDraftKey = (c: Comment) => draftKey(c.discussionSlug, 'reply', c.id);

/** Participant actions on a comment: reply, edit and withdraw while pending, flag. */
export function CommentActions({ comment: c }: { comment: Comment }) {
  const open = useQuery(discussionQueries.detail(c.discussionSlug)).data?.status === 'open';
  const signedOut = useSession().data?.user === null;
  const [params] = useSearchParams();
  // Back from signing in to reply, or with a reply draft from before a reload: carry on.
  const [replying, setReplying] = useState(
    () => params.get('reply') === c.id || hasDraft(replyDraftKey(c)),
  );
  const [editing, setEditing] = useState(false);
  const replyButton = useRef<HTMLButtonElement>(null);
  const wasReplying = useRef(replying);
  useEffect(() => {
    if (wasReplying.current && !replying) replyButton.current?.focus();
    wasReplying.current = replying;
  }, [replying]);
  const closeReply = () => setReplying(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  if (editing) return <CommentEditForm comment={c} onDone={() => setEditing(false)} />;

  const canReply = open && c.status === 'published';
  return (
    <div className="entry-actions">
      <div className="actions">
        {canReply &&
          !replying &&
          (signedOut ? (
            <Link
              to={paths.signIn(`${commentPath(c)}?reply=${c.id}`)}
              className="button button-quiet button-small"
            >
              Reply
            </Link>
          ) : (
            <button
              ref={replyButton}
              type="button"
              className="button button-quiet button-small"
              aria-expanded={false}
              onClick={() => setReplying(true)}
            >
              Reply
            </button>
          ))}
        {c.viewer.canEdit && (
          <button
            ref={editButton}
            type="button"
            className="button button-quiet button-small"
            onClick={() => setEditing(true)}
          >
            Edit
          </button>
        )}
        {c.viewer.canWithdraw && <WithdrawControl comment={c} />}
        <FlagControl kind="comment" entry={c} />
      </div>
      {canReply && replying && (
        <CommentForm
          slug={c.discussionSlug}
          parentId={c.id}
          draftKey={replyDraftKey(c)}
          id={`reply-to-${c.id}`}
          label={`Your reply to ${c.author.name}`}
          submitLabel="Post reply"
          focusOnMount
          onPosted={(_reply, textLeft) => !textLeft && closeReply()}
          onCancel={closeReply}
        />
      )}
    </div>
  );
}

function WithdrawControl({ comment }: { comment: Comment }) {
  const [confirming, setConfirming] = useState(false);
  const withdraw = useWithdrawComment(comment.discussionSlug);
  const announce = useAnnounce();
  const keep = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) keep.current?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <button
        type="button"
        className="button button-quiet button-small"
        onClick={() => setConfirming(true)}
      >
        Withdraw
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-label="Withdraw this comment?">
      <span>Withdraw this comment? Nobody will see it, and it cannot be brought back.</span>
      <button
        type="button"
        className="button button-danger button-small"
        disabled={withdraw.isPending}
        onClick={() => {
          // The comment leaves the thread on success, taking this control with it.
          withdraw
            .mutateAsync(comment.id)
            .then(() => {
              announce('Your comment was withdrawn');
              document.getElementById(THREAD_COUNT_ID)?.focus();
            })
            .catch(() => undefined);
        }}
      >
        Withdraw comment
      </button>
      <button
        ref={keep}
        type="button"
        className="button button-quiet button-small"
        onClick={() => setConfirming(false)}
      >
        Keep it
      </button>
      {withdraw.isError && <p role="alert">{errorMessage(withdraw.error)}</p>}
    </div>
  );
}
