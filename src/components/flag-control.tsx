import { useEffect, useId, useRef, useState, type KeyboardEvent, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import type { EntryKind, EntryPermissions, EntryStatus, FlagReason } from '../api/contract';
import { useFlagEntry } from '../api/flags';
import { ApiError } from '../api/http';
import { useSession } from '../api/session';
import { useHere } from '../lib/return-to';
import { useAnnounce } from './announcer';
import { Field, useFocusFirstInvalid } from './field';
import { SubmitError } from './submit-error';
import { paths } from '../lib/paths';

const REASONS: { value: FlagReason; label: string }[] = [
  { value: 'spam', label: 'Spam' },
  { value: 'abusive', label: 'Abusive' },
  { value: 'off-topic', label: 'Off-topic' },
  { value: 'other', label: 'Something else' },
];

interface FlagControlProps {
  kind: EntryKind;
  entry: { id: string; discussionSlug: string; status: EntryStatus; viewer: EntryPermissions };
}

interface Draft {
  reason: FlagReason | '';
  note: string;
}

const EMPTY: Draft = { reason: '', note: '' };

/** Asks the moderators to look at a published comment or resource; once per person. */
export function FlagControl({ kind, entry }: FlagControlProps) {
  const [open, setOpen] = useState(false);
  const signedOut = useSession().data?.user === null;
  const here = useHere();
  // Owned here, not by the form: the form goes away as soon as the entry shows as flagged,
  // and comes back with the person's choices and the backend's answer if it refuses.
  const flag = useFlagEntry(entry.discussionSlug);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);

  if (entry.viewer.hasFlagged) {
    return <p className="hint flag-done">You flagged this for the moderators.</p>;
  }
  if (signedOut && entry.status === 'published') {
    return (
      <Link to={paths.signIn(here)} className="button button-quiet button-small">
        Flag
      </Link>
    );
  }
  if (!entry.viewer.canFlag) return null;
  if (!open) {
    return (
      <button
        ref={button}
        type="button"
        className="button button-quiet button-small"
        aria-expanded={false}
        onClick={() => setOpen(true)}
      >
        Flag
      </button>
    );
  }
  return (
    <FlagForm
      kind={kind}
      entry={entry}
      flag={flag}
      draft={draft}
      onDraft={setDraft}
      onClose={() => {
        setOpen(false);
        setDraft(EMPTY);
      }}
      // Escape puts the form away as it is: opening it again brings the choices back.
      onDismiss={() => setOpen(false)}
    />
  );
}

interface FlagFormProps extends FlagControlProps {
  flag: ReturnType<typeof useFlagEntry>;
  draft: Draft;
  onDraft: (draft: Draft) => void;
  onClose: () => void;
  onDismiss: () => void;
}

function FlagForm({ kind, entry, flag, draft, onDraft, onClose, onDismiss }: FlagFormProps) {
  const { reason, note } = draft;
  const announce = useAnnounce();
  const here = useHere();
  const id = useId();
  const what = kind === 'comment' ? 'comment' : 'resource';
  const firstChoice = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    firstChoice.current?.focus();
  }, []);

  const send = () => {
    flag.mutate(
      // An empty reason goes to the backend, which names the missing field.
      { kind, id: entry.id, reason: reason as FlagReason, note },
      { onSuccess: () => announce('Thank you. The moderators will look at it.') },
    );
  };
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    send();
  };

  const fields = flag.error instanceof ApiError ? flag.error.fields : {};
  const fieldError = fields.reason ?? fields.note;
  useFocusFirstInvalid(form, flag.error);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    onDismiss();
  };
  return (
    <form ref={form} className="flag-form" onSubmit={onSubmit} noValidate>
      <fieldset
        role="radiogroup"
        onKeyDown={onKeyDown}
        aria-invalid={fields.reason ? true : undefined}
        aria-describedby={fields.reason ? `${id}-reason-error` : undefined}
      >
        <legend>Why should the moderators look at this {what}?</legend>
        {REASONS.map((r, i) => (
          <label key={r.value} className="choice">
            <input
              ref={i === 0 ? firstChoice : undefined}
              type="radio"
              name={`${id}-reason`}
              value={r.value}
              checked={reason === r.value}
              onChange={() => onDraft({ ...draft, reason: r.value })}
            />
            {r.label}
          </label>
        ))}
        {fields.reason && (
          <p id={`${id}-reason-error`} className="field-error">
            {fields.reason}
          </p>
        )}
      </fieldset>
      <Field
        id={`${id}-note`}
        label={`Note for the moderators ${reason === 'other' ? '(required)' : '(optional)'}`}
        error={fields.note}
      >
        {(control) => (
          <textarea
            {...control}
            rows={2}
            value={note}
            maxLength={500}
            onChange={(e) => onDraft({ ...draft, note: e.target.value })}
            onKeyDown={onKeyDown}
          />
        )}
      </Field>
      {flag.error && !fieldError && (
        <SubmitError
          error={flag.error}
          failed="Your flag was not sent"
          here={here}
          onRetry={send}
          retryPending={flag.isPending}
        />
      )}
      <div className="actions">
        <button type="submit" className="button button-small" disabled={flag.isPending}>
          Flag {what}
        </button>
        <button type="button" className="button button-quiet button-small" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
