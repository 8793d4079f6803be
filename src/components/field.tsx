import { useEffect, type ReactNode, type RefObject } from 'react';
import { ApiError } from '../api/http';

export interface FieldControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

interface FieldProps {
  id: string;
  label: ReactNode;
  /** Help or a character counter, read out with the field. */
  hint?: ReactNode;
  error?: string | undefined;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/** A labelled form control with its hint and its error, both tied to it for screen readers. */
export function Field({ id, label, hint, error, className = 'field', children }: FieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-describedby': describedBy || undefined,
        'aria-invalid': error ? true : undefined,
      })}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** After the backend refuses some fields, focus goes to the first, which reads out its message. */
export function useFocusFirstInvalid(form: RefObject<HTMLFormElement | null>, error: unknown) {
  useEffect(() => {
    if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
      const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      // A group of choices is invalid as a whole: focus its first choice.
      const control = invalid?.matches('input, select, textarea')
        ? invalid
        : invalid?.querySelector<HTMLElement>('input, select, textarea');
      control?.focus();
    }
  }, [form, error]);
}
