import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useUpdateComment } from '../../api/comments';
import type { Comment } from '../../api/contract';
import { ApiError } from '../../api/http';
import { useAnnounce } from '../../components/announcer';
import { useFocusFirstInvalid } from '../../components/field';
import { SubmitError } from '../../components/submit-error';
import { useHere } from '../../lib/return-to';
import { CommentTextField } from './comment-text';

/** The author changes a comment that still waits for a moderator, in place. */
export function CommentEditForm({ comment, onDone }: { comment: Comment; onDone: () => void }) {
  const [text, setText] = useState(comment.body);
  const update = useUpdateComment(comment.discussionSlug);
  const announce = useAnnounce();
  const here = useHere();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const form = useRef<HTMLFormElement>(null);
  // The text as it is now, read when a save settles that was sent before the person typed on.
  const latest = useRef(text);

  useEffect(() => {
    textarea.current?.focus();
  }, []);

  const save = () => {
    const body = text;
    update.mutate(
      { id: comment.id, body },
      {
        onSuccess: () => {
          if (latest.current !== body) {
            // Words typed while it was saving stay open to be saved too.
            announce('Your changes are saved. What you wrote since is still here to save.');
            return;
          }
          announce('Your changes are saved');
          onDone();
        },
      },
    );
  };
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    save();
  };

  const error = update.error;
  const bodyError = error instanceof ApiError ? error.fields.body : undefined;
  useFocusFirstInvalid(form, error);
  return (
    <form ref={form} className="comment-form" onSubmit={onSubmit} noValidate>
      <CommentTextField
        id={`edit-${comment.id}`}
        label="Edit your comment"
        text={text}
        onChange={(value) => {
          latest.current = value;
          setText(value);
        }}
        error={bodyError}
        textareaRef={textarea}
      />
      {error && !bodyError && (
        <SubmitError
          error={error}
          failed="Your changes were not saved"
          here={here}
          onRetry={save}
          retryPending={update.isPending}
        />
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save changes'}
        </button>
        <button type="button" className="button button-quiet" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
