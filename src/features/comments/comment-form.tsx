import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useNavigate } from 'react-router';
import { useCreateComment } from '../../api/comments';
import type { Comment } from '../../api/contract';
import { ApiError, newIdempotencyKey } from '../../api/http';
import { useSession } from '../../api/session';
import { useAnnounce } from '../../components/announcer';
import { useFocusFirstInvalid } from '../../components/field';
import { SubmitError } from '../../components/submit-error';
import { useDraft } from '../../lib/drafts';
import { useHere } from '../../lib/return-to';
import { UserHtml } from '../../components/user-html';
import { CommentTextField } from './comment-text';
import { paths } from '../../lib/paths';

interface CommentFormProps {
  slug: string;
  /** The comment this one replies to; none for a new thread. */
  parentId?: string | null;
  draftKey: string;
  id: string;
  label: string;
  submitLabel: string;
  focusOnMount?: boolean;
  /** After a post; `textLeft` when the person wrote on meanwhile, and the box still holds it. */
  onPosted?: (comment: Comment, textLeft: boolean) => void;
  onCancel?: () => void;
}

/**
 * Writing a comment or a reply: the text is a draft until it is posted, a
 * preview shows how it will look, and a failed post keeps it and offers a retry.
 */
export function CommentForm({
  slug,
  parentId = null,
  draftKey,
  id,
  label,
  submitLabel,
  focusOnMount = false,
  onPosted,
  onCancel,
}: CommentFormProps) {
  const [text, setText, settleDraft] = useDraft(draftKey, '');
  const [previewing, setPreviewing] = useState(false);
  const post = useCreateComment(slug);
  const signedOut = useSession().data?.user === null;
  const announce = useAnnounce();
  const navigate = useNavigate();
  const here = useHere();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const form = useRef<HTMLFormElement>(null);
  // One key per intended comment, kept across retries until it is posted.
  const idempotencyKey = useRef<string | null>(null);
  const sending = useRef(false);

  useEffect(() => {
    if (!focusOnMount) return;
    // After this render's other effects, which may focus a heading or a permalinked comment.
    const timer = setTimeout(() => textarea.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, [focusOnMount]);

  const send = () => {
    if (sending.current) return;
    if (signedOut) {
      void navigate(paths.signIn(here));
      return;
    }
    sending.current = true;
    idempotencyKey.current ??= newIdempotencyKey();
    const body = text;
    post.mutate(
      { body, parentId, idempotencyKey: idempotencyKey.current },
      {
        onSuccess: (comment) => {
          idempotencyKey.current = null;
          // Words typed while it was on its way stay in the box, and in the draft.
          const left = settleDraft(body);
          setPreviewing(false);
          const what = parentId ? 'Your reply' : 'Your comment';
          announce(
            comment.status === 'published'
              ? `${what} is published`
              : `${what} was sent to the moderators`,
          );
          onPosted?.(comment, left !== '');
        },
        onSettled: () => {
          sending.current = false;
        },
      },
    );
  };

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    send();
  };

  const error = post.error;
  const bodyError = error instanceof ApiError ? error.fields.body : undefined;
  useFocusFirstInvalid(form, error);

  return (
    <form ref={form} className="comment-form" onSubmit={onSubmit} noValidate>
      <div className="comment-form-modes" role="group" aria-label="Write or preview">
        <button
          type="button"
          className="button button-quiet button-small"
          aria-pressed={!previewing}
          onClick={() => setPreviewing(false)}
        >
          Write
        </button>
        <button
          type="button"
          className="button button-quiet button-small"
          aria-pressed={previewing}
          onClick={() => setPreviewing(true)}
        >
          Preview
        </button>
      </div>
      {previewing ? (
        <Preview text={text} slug={slug} />
      ) : (
        <CommentTextField
          id={id}
          label={label}
          text={text}
          onChange={(value) => {
            setText(value);
            if (bodyError) post.reset();
          }}
          error={bodyError}
          textareaRef={textarea}
          onEscape={onCancel}
        />
      )}
      {error && !bodyError && (
        <SubmitError
          error={error}
          failed={parentId ? 'Your reply was not sent' : 'Your comment was not sent'}
          here={here}
          onRetry={send}
          retryPending={post.isPending}
        />
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={post.isPending}>
          {post.isPending ? 'Posting…' : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button-quiet" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

/** markdown-it loads only when someone asks for a preview, so readers never download it. */
function Preview({ text, slug }: { text: string; slug: string }) {
  const [html, setHtml] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void import('../../lib/markdown').then(({ renderMarkdown }) => {
      if (current) setHtml(renderMarkdown(text, slug).html);
    });
    return () => {
      current = false;
    };
  }, [text, slug]);

  return (
    <section className="comment-preview" aria-label="Preview">
      {text.trim() === '' ? (
        <p className="empty">Nothing to preview yet.</p>
      ) : html === null ? (
        <p className="hint">Preparing the preview…</p>
      ) : (
        <UserHtml html={html} />
      )}
    </section>
  );
}
