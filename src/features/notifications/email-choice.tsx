import { useQuery } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import type { EmailChoice as Choice } from '../../api/contract';
import { ApiError } from '../../api/http';
import { notificationQueries, useEmailChoice } from '../../api/notifications';
import { errorMessage, ErrorState } from '../../components/error-state';
import { LoadingRegion, Skeleton } from '../../components/skeleton';

const CHOICES: { value: Choice; label: string }[] = [
  { value: 'never', label: 'Never: I read them here' },
  { value: 'at-once', label: 'At once, one email each' },
  { value: 'daily', label: 'Once a day, as a digest' },
];

function ChoiceForm({ current }: { current: Choice }) {
  const [choice, setChoice] = useState(current);
  const save = useEmailChoice();
  const fieldError = save.error instanceof ApiError ? save.error.fields.email : undefined;
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    save.mutate({ email: choice });
  };
  return (
    <form className="account-form" onSubmit={onSubmit} noValidate>
      <fieldset aria-describedby={fieldError ? 'email-choice-error' : undefined}>
        <legend>Email me my notifications</legend>
        <div className="choices">
          {CHOICES.map((c) => (
            <label key={c.value} className="choice">
              <input
                type="radio"
                name="email-choice"
                value={c.value}
                checked={choice === c.value}
                onChange={() => setChoice(c.value)}
              />
              {c.label}
            </label>
          ))}
        </div>
        {fieldError && (
          <p id="email-choice-error" className="field-error">
            {fieldError}
          </p>
        )}
      </fieldset>
      {save.isSuccess && <p role="status">Your email choice is saved.</p>}
      {save.isError && !fieldError && <p role="alert">{errorMessage(save.error)}</p>}
      <button type="submit" className="button" disabled={save.isPending}>
        Save email choice
      </button>
    </form>
  );
}

/** Whether notifications also come by email, where the forum sends email at all. */
export function EmailChoice() {
  const settings = useQuery(notificationQueries.settings());
  return (
    <section className="panel" aria-labelledby="notification-email-heading">
      <h2 id="notification-email-heading">Notifications by email</h2>
      {settings.isPending ? (
        <LoadingRegion label="Loading your email choice…">
          <Skeleton lines={2} height={8} />
        </LoadingRegion>
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : settings.data.emailAvailable ? (
        <ChoiceForm current={settings.data.email} />
      ) : (
        <p>
          This forum does not send email (no mail server is set up), so your notifications stay
          here, on your notifications page.
        </p>
      )}
    </section>
  );
}
