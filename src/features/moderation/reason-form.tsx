import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import type { REJECTION_PRESETS as CONTRACT_PRESETS } from '../../api/contract';

/**
 * Restated so that the queue's first render does not wait for the contract's zod
 * schemas to be built; the type keeps the two lists the same, in the same order.
 */
const REJECTION_PRESETS: typeof CONTRACT_PRESETS = [
  'Off-topic',
  'Abusive',
  'Spam',
  'Duplicate',
  'Personal information',
];

const OTHER = 'other';

interface ReasonFormProps {
  /** What the reason is for, e.g. "Why reject the comment by Amina Diallo?" */
  legend: string;
  submitLabel: string;
  pending?: boolean;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}

/**
 * A reason for rejecting or hiding: one of the presets, or the moderator's own
 * words. The author sees it on their entry; for a hidden entry, every reader does.
 */
export function ReasonForm({ legend, submitLabel, pending, onSubmit, onCancel }: ReasonFormProps) {
  const id = useId();
  const [choice, setChoice] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => first.current?.focus(), []);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const reason = choice === OTHER ? text.trim() : choice;
    if (!reason) {
      setError(choice === OTHER ? 'Write the reason.' : 'Choose a reason or write one.');
      return;
    }
    onSubmit(reason);
  };

  return (
    <form className="reason-form" onSubmit={submit} noValidate>
      <fieldset aria-describedby={error ? `${id}-error` : undefined}>
        <legend>{legend}</legend>
        <div className="choices">
          {[...REJECTION_PRESETS, OTHER].map((preset, i) => (
            <label key={preset} className="choice">
              <input
                ref={i === 0 ? first : undefined}
                type="radio"
                name={`${id}-reason`}
                value={preset}
                checked={choice === preset}
                onChange={() => {
                  setChoice(preset);
                  setError('');
                }}
              />
              {preset === OTHER ? 'Another reason' : preset}
            </label>
          ))}
        </div>
        {choice === OTHER && (
          <div className="field">
            <label htmlFor={`${id}-text`}>Reason in your words</label>
            <input
              id={`${id}-text`}
              value={text}
              maxLength={500}
              onChange={(e) => {
                setText(e.target.value);
                setError('');
              }}
              aria-invalid={error ? true : undefined}
            />
          </div>
        )}
        {error && (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        )}
      </fieldset>
      <div className="actions">
        <button type="submit" className="button button-danger button-small" disabled={pending}>
          {submitLabel}
        </button>
        <button type="button" className="button button-quiet button-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
