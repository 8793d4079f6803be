import { Fragment, useId, useRef, useState, type SubmitEvent } from 'react';
import type { ModerationAction } from '../../api/contract';
import { ApiError } from '../../api/http';
import type { DecisionVars, ModeratedEntry } from '../../api/moderation';
import { useDecision } from '../../api/moderation-decisions';
import { useAnnounce } from '../../components/announcer';
import { errorMessage } from '../../components/error-state';
import { formatDateTime } from '../../lib/dates';
import { plural } from '../../lib/plural';
import { ReasonForm } from './reason-form';
import { Field } from '../../components/field';

type Form = 'reject' | 'hide' | 'edit' | null;

export const describeEntry = (m: ModeratedEntry) =>
  m.kind === 'comment'
    ? `the comment by ${m.entry.author.name}`
    : `the resource “${m.entry.title}”`;

const DONE: Record<ModerationAction, string> = {
  approve: 'Approved',
  'edit-approve': 'Edited and approved',
  reject: 'Rejected',
  hide: 'Hid',
  restore: 'Restored',
  'dismiss-flags': 'Dismissed the flags on',
  feature: 'Featured as an extract',
  unfeature: 'Removed from the extracts',
};

/** What a decision made of an entry: "Approved by Ada.", "Hidden by you.". */
export const DECIDED_WORDS: Record<ModerationAction, string> = {
  approve: 'Approved',
  'edit-approve': 'Edited and approved',
  reject: 'Rejected',
  hide: 'Hidden',
  restore: 'Restored',
  'dismiss-flags': 'Flags dismissed',
  feature: 'Featured as an extract',
  unfeature: 'Removed from the extracts',
};

/** A moderator's decisions on one entry, wherever it shows: the queue or the thread. */
export function EntryControls(m: ModeratedEntry) {
  const announce = useAnnounce();
  const decision = useDecision((_, v) => announce(`${DONE[v.action]} ${describeEntry(v)}.`));
  const [form, setForm] = useState<Form>(null);
  // The last decision this moderator made here, shown until the next one: the live region
  // tells a screen reader, this tells everyone else.
  const [outcome, setOutcome] = useState<ModerationAction | null>(null);
  const openers = useRef<Partial<Record<Exclude<Form, null>, HTMLButtonElement | null>>>({});
  const group = useRef<HTMLDivElement>(null);
  const { entry, kind } = m;
  const who = describeEntry(m);
  const isComment = m.kind === 'comment';

  const close = (which: Form) => {
    setForm(null);
    if (which) requestAnimationFrame(() => openers.current[which]?.focus());
  };

  const decide = (action: ModerationAction, extra: Partial<DecisionVars> = {}) => {
    setForm(null);
    setOutcome(null);
    // The pressed button goes away with the entry's old state; keep the keyboard user here.
    group.current?.focus();
    decision.mutate({ ...m, action, ...extra } as DecisionVars, {
      onSuccess: () => setOutcome(action),
    });
  };

  const opener = (which: Exclude<Form, null>, label: string, danger = false) => (
    <button
      type="button"
      ref={(el) => {
        openers.current[which] = el;
      }}
      className={`button button-small ${danger ? 'button-danger' : 'button-quiet'}`}
      aria-expanded={form === which}
      onClick={() => setForm(form === which ? null : which)}
    >
      {label}
    </button>
  );
  const button = (action: ModerationAction, label: string, quiet = true) => (
    <button
      type="button"
      className={`button button-small${quiet ? ' button-quiet' : ''}`}
      disabled={decision.isPending}
      onClick={() => decide(action)}
    >
      {label}
    </button>
  );

  const control = (action: ModerationAction) => {
    switch (action) {
      case 'approve':
        return button('approve', 'Approve', false);
      case 'edit-approve':
        return isComment && opener('edit', 'Edit and approve');
      case 'reject':
        return opener('reject', 'Reject', true);
      case 'hide':
        return opener('hide', 'Hide');
      case 'restore':
        return button('restore', 'Restore', false);
      case 'dismiss-flags':
        return button('dismiss-flags', 'Dismiss flags');
      case 'feature':
        return button('feature', 'Feature as extract');
      case 'unfeature':
        return button('unfeature', 'Unfeature');
    }
  };

  const flagged = entry.flagCount > 0;
  return (
    <div
      ref={group}
      className="moderation-controls"
      role="group"
      aria-label={`Moderate ${who}`}
      tabIndex={-1}
    >
      {flagged && (
        <p className="entry-flags">
          Flagged by {plural(entry.flagCount, 'participant')}
          {entry.status === 'hidden' ? ', and hidden until a moderator decides.' : '.'}
        </p>
      )}
      <div className="actions">
        {/* The backend offers the decisions that apply to the entry as it stands, in order. */}
        {entry.viewer.moderation.map((action) => (
          <Fragment key={action}>{control(action)}</Fragment>
        ))}
      </div>

      {(form === 'reject' || form === 'hide') && (
        <ReasonForm
          legend={`Why ${form} ${who}?`}
          submitLabel={form === 'reject' ? 'Reject with this reason' : 'Hide with this reason'}
          pending={decision.isPending}
          onSubmit={(reason) => decide(form, { reason })}
          onCancel={() => close(form)}
        />
      )}
      {form === 'edit' && m.kind === 'comment' && (
        <EditForm
          initial={m.entry.body}
          pending={decision.isPending}
          onSubmit={(body) => decide('edit-approve', { body })}
          onCancel={() => close('edit')}
        />
      )}

      {outcome && <p className="decision-outcome">{DECIDED_WORDS[outcome]} by you.</p>}
      {decision.isError && <DecisionError error={decision.error} noun={kind} />}

      {m.kind === 'comment' && m.entry.revisions && m.entry.revisions.length > 0 && (
        <details className="revisions">
          <summary>Text before a moderator’s edit</summary>
          <ol>
            {m.entry.revisions.map((r) => (
              <li key={r.editedAt}>
                <p className="hint">
                  Replaced by {r.editedBy} on {formatDateTime(r.editedAt)}
                </p>
                <blockquote className="revision-text">{r.body}</blockquote>
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}

function DecisionError({ error, noun }: { error: Error; noun: string }) {
  const conflict = error instanceof ApiError && error.code === 'conflict';
  return (
    <div className="notice notice-error" role="alert">
      {conflict ? (
        <p>{error.message} It now shows as it stands; decide again if needed.</p>
      ) : (
        <p>
          Your decision was not saved, and the {noun} is back as it was. {errorMessage(error)}
        </p>
      )}
    </div>
  );
}

interface EditFormProps {
  initial: string;
  pending: boolean;
  onSubmit: (body: string) => void;
  onCancel: () => void;
}

function EditForm({ initial, pending, onSubmit, onCancel }: EditFormProps) {
  const [body, setBody] = useState(initial);
  const id = useId();
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    onSubmit(body);
  };
  return (
    <form className="edit-form" onSubmit={submit}>
      <Field
        id={id}
        label="Edited text"
        hint="The original text is kept as a revision that moderators can see."
      >
        {(control) => (
          <textarea
            {...control}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            // The moderator asked to edit: the text is where they will type.
            // eslint-disable-next-line jsx-a11y/no-autofocus
            autoFocus
          />
        )}
      </Field>
      <div className="actions">
        <button type="submit" className="button button-small" disabled={pending}>
          Save and approve
        </button>
        <button type="button" className="button button-quiet button-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
