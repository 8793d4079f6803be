import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import type {
  ApprovalMode,
  CreateDiscussionBody,
  Discussion,
  UpdateDiscussionBody,
} from '../../api/contract';
import { ApiError } from '../../api/http';
import { errorMessage } from '../../components/error-state';
import { Field } from '../../components/field';

export const APPROVAL_LABEL: Record<ApprovalMode, string> = {
  all: 'Every entry waits for approval',
  first: 'A participant’s first entry waits',
  none: 'Nothing waits: entries publish at once',
};

/** The approval modes as radio buttons: each choice reads in full, however narrow the column. */
export function ApprovalChoices({
  legend,
  value,
  onChange,
}: {
  legend: string;
  value: ApprovalMode;
  onChange: (mode: ApprovalMode) => void;
}) {
  const name = useId();
  return (
    <fieldset className="form-group approval-choices">
      <legend>{legend}</legend>
      {(Object.entries(APPROVAL_LABEL) as [ApprovalMode, string][]).map(([mode, label]) => (
        <label key={mode} className="choice">
          <input
            type="radio"
            name={name}
            value={mode}
            checked={value === mode}
            onChange={() => onChange(mode)}
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

interface Values {
  title: string;
  introduction: string;
  organiser: string;
  partners: { name: string; url: string }[];
  startsOn: string;
  endsOn: string;
  hasEvent: boolean;
  event: { title: string; date: string; place: string; description: string };
  approvalMode: ApprovalMode;
}

const blankEvent = { title: '', date: '', place: '', description: '' };

function initialValues(d: Discussion | undefined): Values {
  return {
    title: d?.title ?? '',
    introduction: d?.introduction ?? '',
    organiser: d?.organiser ?? '',
    partners: d?.partners.map((p) => ({ name: p.name, url: p.url ?? '' })) ?? [],
    startsOn: d?.startsOn ?? '',
    endsOn: d?.endsOn ?? '',
    hasEvent: Boolean(d?.event),
    event: d?.event ?? blankEvent,
    approvalMode: d?.approvalMode ?? 'all',
  };
}

const LABELS: Record<string, string> = {
  title: 'Title',
  introduction: 'Introduction',
  organiser: 'Organiser',
  startsOn: 'Opens on',
  endsOn: 'Ends on',
  approvalMode: 'Approval',
  'event.title': 'Event title',
  'event.date': 'Event date',
  'event.place': 'Place',
  'event.description': 'About the event',
};

/** The visible label of a field the backend names by its path, e.g. "partners.0.url". */
function labelOf(name: string): string {
  const partner = /^partners\.(\d+)\.(name|url)$/.exec(name);
  if (partner)
    return `Partner ${Number(partner[1]) + 1} ${partner[2] === 'url' ? 'web address' : 'name'}`;
  return LABELS[name] ?? name;
}

function toBody(v: Values) {
  return {
    title: v.title,
    introduction: v.introduction,
    organiser: v.organiser,
    partners: v.partners.map((p) => ({ name: p.name, url: p.url.trim() || null })),
    startsOn: v.startsOn,
    endsOn: v.endsOn,
    event: v.hasEvent ? v.event : null,
  } satisfies UpdateDiscussionBody;
}

interface DiscussionFormProps {
  /** The discussion to edit; a new one when absent. */
  discussion?: Discussion;
  submitLabel: string;
  pending: boolean;
  error: Error | null;
  /** What did not happen, for the error summary: "The discussion was not created". */
  failed: string;
  onSubmit: (body: CreateDiscussionBody) => void;
  /** Where "Cancel" leads. */
  cancelTo: string;
}

/** A discussion's content, for creating one or editing it; the backend's field errors show at each field. */
export function DiscussionForm({
  discussion,
  submitLabel,
  pending,
  error,
  failed,
  onSubmit,
  cancelTo,
}: DiscussionFormProps) {
  const id = useId();
  const [v, setV] = useState(() => initialValues(discussion));
  const summary = useRef<HTMLDivElement>(null);
  const fields = error instanceof ApiError ? error.fields : {};
  const fieldId = (name: string) => `${id}-${name.replace(/\./g, '-')}`;

  useEffect(() => {
    if (error) summary.current?.focus();
  }, [error]);

  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setV((old) => ({ ...old, [key]: value }));
  const setPartner = (i: number, key: 'name' | 'url', value: string) =>
    set(
      'partners',
      v.partners.map((p, j) => (j === i ? { ...p, [key]: value } : p)),
    );
  const setEvent = (key: keyof Values['event'], value: string) =>
    set('event', { ...v.event, [key]: value });

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(discussion ? toBody(v) : { ...toBody(v), approvalMode: v.approvalMode });
  };

  const text = (
    name: string,
    label: string,
    value: string,
    onChange: (s: string) => void,
    type = 'text',
    hint?: string,
  ) => (
    <Field id={fieldId(name)} label={label} hint={hint} error={fields[name]}>
      {(control) => (
        <input {...control} type={type} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );

  return (
    <form className="discussion-form" onSubmit={submit} noValidate>
      {error && (
        <div ref={summary} tabIndex={-1} className="notice notice-error" role="alert">
          <p className="notice-title">
            {failed}.{' '}
            {Object.keys(fields).length > 1 ? 'Correct these fields:' : errorMessage(error)}
          </p>
          {Object.keys(fields).length > 1 && (
            <ul>
              {Object.entries(fields).map(([name, message]) => (
                <li key={name}>
                  <a href={`#${fieldId(name)}`}>
                    {labelOf(name)}: {message}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      {text('title', 'Title', v.title, (s) => set('title', s))}
      <Field
        id={fieldId('introduction')}
        label="Introduction"
        hint="What the discussion is about. Separate paragraphs with a blank line."
        error={fields.introduction}
      >
        {(control) => (
          <textarea
            {...control}
            value={v.introduction}
            onChange={(e) => set('introduction', e.target.value)}
          />
        )}
      </Field>
      {text('organiser', 'Organiser', v.organiser, (s) => set('organiser', s))}

      <fieldset className="form-group">
        <legend>Partners</legend>
        {v.partners.length === 0 && <p className="hint">No partners.</p>}
        {v.partners.map((p, i) => (
          <div key={i} className="partner-row">
            {text(`partners.${i}.name`, `Partner ${i + 1} name`, p.name, (s) =>
              setPartner(i, 'name', s),
            )}
            {text(
              `partners.${i}.url`,
              `Partner ${i + 1} web address (optional)`,
              p.url,
              (s) => setPartner(i, 'url', s),
              'url',
            )}
            <button
              type="button"
              className="button button-quiet button-small"
              onClick={() =>
                set(
                  'partners',
                  v.partners.filter((_, j) => j !== i),
                )
              }
            >
              Remove partner {i + 1}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button-quiet button-small"
          onClick={() => set('partners', [...v.partners, { name: '', url: '' }])}
        >
          Add a partner
        </button>
      </fieldset>

      <fieldset className="form-group">
        <legend>Period</legend>
        <div className="field-row">
          {text(
            'startsOn',
            'Opens on',
            v.startsOn,
            (s) => set('startsOn', s),
            'date',
            'It takes comments from 00:00 UTC that day.',
          )}
          {text(
            'endsOn',
            'Ends on',
            v.endsOn,
            (s) => set('endsOn', s),
            'date',
            'It closes by itself at 23:59 UTC that day, unless a moderator sets another time.',
          )}
        </div>
      </fieldset>

      <fieldset className="form-group">
        <legend>Related event</legend>
        <label className="choice">
          <input
            type="checkbox"
            checked={v.hasEvent}
            onChange={(e) => set('hasEvent', e.target.checked)}
          />
          This discussion leads to an event
        </label>
        {v.hasEvent && (
          <>
            {text('event.title', 'Event title', v.event.title, (s) => setEvent('title', s))}
            {text('event.date', 'Event date', v.event.date, (s) => setEvent('date', s), 'date')}
            {text('event.place', 'Place', v.event.place, (s) => setEvent('place', s))}
            <Field
              id={fieldId('event.description')}
              label="About the event"
              error={fields['event.description']}
            >
              {(control) => (
                <textarea
                  {...control}
                  value={v.event.description}
                  onChange={(e) => setEvent('description', e.target.value)}
                />
              )}
            </Field>
          </>
        )}
      </fieldset>

      {!discussion && (
        <ApprovalChoices
          legend="Approval"
          value={v.approvalMode}
          onChange={(mode) => set('approvalMode', mode)}
        />
      )}

      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
        <Link to={cancelTo} className="button button-quiet">
          Cancel
        </Link>
      </div>
    </form>
  );
}
