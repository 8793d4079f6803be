import { useRef, type SubmitEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type {
  Discussion,
  RESOURCE_DESCRIPTION_MAX as CONTRACT_DESCRIPTION_MAX,
  ResourceKind,
} from '../../api/contract';
import { ApiError, newIdempotencyKey } from '../../api/http';
import { useShareResource } from '../../api/resources';
import { useSession } from '../../api/session';
import { useAnnounce } from '../../components/announcer';
import { Field, useFocusFirstInvalid } from '../../components/field';
import { SubmitError } from '../../components/submit-error';
import { draftKey, useDraft } from '../../lib/drafts';
import { plural } from '../../lib/plural';
import { useHere } from '../../lib/return-to';
import { KIND_LABEL } from './resource-item';
import { paths } from '../../lib/paths';

interface ResourceDraft {
  url: string;
  title: string;
  kind: ResourceKind | '';
  description: string;
}

/** The contract's limit, restated so that zod stays out of this bundle; tsc keeps them equal. */
const RESOURCE_DESCRIPTION_MAX: typeof CONTRACT_DESCRIPTION_MAX = 500;
const KINDS = Object.keys(KIND_LABEL) as ResourceKind[];

const EMPTY: ResourceDraft = { url: '', title: '', kind: '', description: '' };
const FIELDS = ['url', 'title', 'kind', 'description'] as const;

/** "Share a resource": kept as a draft while typed, checked by the backend when sent. */
/** The form's place on the page, for the link above the list. */
export const SHARE_ID = 'share-resource';

export function ShareResource({ discussion }: { discussion: Discussion }) {
  const [draft, setDraft, settleDraft] = useDraft(draftKey(discussion.slug, 'resource'), EMPTY);
  const share = useShareResource(discussion.slug);
  const signedOut = useSession().data?.user === null;
  const announce = useAnnounce();
  const navigate = useNavigate();
  const here = useHere();
  const [params, setParams] = useSearchParams();
  const idempotencyKey = useRef<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, share.error);

  if (discussion.status === 'closed') {
    return (
      <section id={SHARE_ID} className="panel share-resource" aria-labelledby="share-heading">
        <h2 id="share-heading">Share a resource</h2>
        <p className="notice">This discussion is closed. It no longer takes new resources.</p>
      </section>
    );
  }

  const send = () => {
    if (share.isPending) return;
    if (signedOut) {
      void navigate(paths.signIn(here));
      return;
    }
    idempotencyKey.current ??= newIdempotencyKey();
    const sent = draft;
    share.mutate(
      { ...sent, idempotencyKey: idempotencyKey.current },
      {
        onSuccess: (resource) => {
          idempotencyKey.current = null;
          // A field changed while it was on its way keeps the new words.
          settleDraft(sent);
          announce(
            resource.status === 'published'
              ? 'Your resource is published'
              : 'Your resource was sent to the moderators',
          );
        },
      },
    );
  };
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    send();
  };
  const set = (field: keyof ResourceDraft, value: string) => {
    setDraft({ ...draft, [field]: value });
    if (share.error instanceof ApiError && share.error.fields[field]) share.reset();
  };

  const error = share.error;
  const fields = error instanceof ApiError ? error.fields : {};
  const duplicate = error instanceof ApiError && error.code === 'duplicate' ? error : null;
  const existingId = duplicate?.details.visible === true ? duplicate.details.resourceId : null;
  const fieldError = FIELDS.some((f) => fields[f]);
  const descriptionLeft = RESOURCE_DESCRIPTION_MAX - draft.description.trim().length;

  const showExisting = (id: string) => {
    const next = new URLSearchParams(params);
    next.delete('kind');
    next.set('entry', id);
    setParams(next, { replace: true });
  };

  return (
    <section id={SHARE_ID} className="panel share-resource" aria-labelledby="share-heading">
      <h2 id="share-heading">Share a resource</h2>
      {signedOut && (
        <p className="composer-invite">
          <Link to={paths.signIn(here)}>Sign in to share</Link> or{' '}
          <Link to={paths.join(here)}>Join</Link> to take part. You can fill in the form now: it is
          kept.
        </p>
      )}
      <form ref={form} onSubmit={onSubmit} noValidate className="share-form">
        <Field
          id="share-url"
          label="Address"
          hint="The full web address, starting with http:// or https://."
          error={fields.url}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              inputMode="url"
              autoComplete="url"
              value={draft.url}
              onChange={(e) => set('url', e.target.value)}
            />
          )}
        </Field>
        <Field id="share-title" label="Title" error={fields.title}>
          {(control) => (
            <input
              {...control}
              type="text"
              value={draft.title}
              onChange={(e) => set('title', e.target.value)}
            />
          )}
        </Field>
        <Field id="share-kind" label="Kind of resource" error={fields.kind}>
          {(control) => (
            <select {...control} value={draft.kind} onChange={(e) => set('kind', e.target.value)}>
              <option value="">Choose a kind</option>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABEL[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="share-description"
          label="Description (optional)"
          hint={
            descriptionLeft >= 0
              ? `${plural(descriptionLeft, 'character')} left.`
              : `${plural(-descriptionLeft, 'character')} too many.`
          }
          error={fields.description}
        >
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={draft.description}
              onChange={(e) => set('description', e.target.value)}
            />
          )}
        </Field>
        {duplicate ? (
          <div className="notice notice-error" role="alert">
            <p>{duplicate.message}</p>
            {typeof existingId === 'string' && (
              <button
                type="button"
                className="button button-small"
                onClick={() => showExisting(existingId)}
              >
                Show the existing entry
              </button>
            )}
          </div>
        ) : (
          error &&
          !fieldError && (
            <SubmitError
              error={error}
              failed="Your resource was not shared"
              here={here}
              onRetry={send}
              retryPending={share.isPending}
            />
          )
        )}
        <div className="actions">
          <button type="submit" className="button" disabled={share.isPending}>
            {share.isPending ? 'Sharing…' : 'Share resource'}
          </button>
        </div>
      </form>
    </section>
  );
}
