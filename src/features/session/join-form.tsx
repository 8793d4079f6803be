import { useRef, useState, type SubmitEvent } from 'react';
import { useNavigate } from 'react-router';
import type { JoinBody } from '../../api/contract';
import { ApiError } from '../../api/http';
import { useJoin } from '../../api/session';
import { useAnnounce } from '../../components/announcer';
import { errorMessage } from '../../components/error-state';
import { Field, useFocusFirstInvalid } from '../../components/field';

const EMPTY = { displayName: '', organisation: '', email: '', password: '' } satisfies JoinBody;

/** Creates an account and signs in with it, then goes back to `next`, already made safe. */
export function JoinForm({ next }: { next: string }) {
  const [form, setForm] = useState(EMPTY);
  const formRef = useRef<HTMLFormElement>(null);
  const join = useJoin();
  const navigate = useNavigate();
  useFocusFirstInvalid(formRef, join.error);
  const announce = useAnnounce();

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    join.mutate(form, {
      onSuccess: ({ user }) => {
        announce(`Welcome, ${user?.displayName ?? ''}. You are signed in.`);
        void navigate(next, { replace: true });
      },
    });
  };
  const set = (field: keyof typeof EMPTY) => (value: string) =>
    setForm((f) => ({ ...f, [field]: value }));

  const fields = join.error instanceof ApiError ? join.error.fields : {};
  const fieldError = Object.keys(EMPTY).some((f) => fields[f]);
  return (
    <form ref={formRef} className="account-form" onSubmit={onSubmit} noValidate>
      <Field
        id="join-name"
        label="Display name"
        hint="Shown with everything you post."
        error={fields.displayName}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            autoComplete="name"
            value={form.displayName}
            onChange={(e) => set('displayName')(e.target.value)}
          />
        )}
      </Field>
      <Field
        id="join-organisation"
        label="Organisation (optional)"
        hint="Shown next to your name, if you give one."
        error={fields.organisation}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            autoComplete="organization"
            value={form.organisation}
            onChange={(e) => set('organisation')(e.target.value)}
          />
        )}
      </Field>
      <Field id="join-email" label="Email" hint="To sign in; never shown." error={fields.email}>
        {(control) => (
          <input
            {...control}
            type="email"
            autoComplete="email"
            value={form.email}
            onChange={(e) => set('email')(e.target.value)}
          />
        )}
      </Field>
      <Field
        id="join-password"
        label="Password"
        hint="At least 8 characters."
        error={fields.password}
      >
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="new-password"
            value={form.password}
            onChange={(e) => set('password')(e.target.value)}
          />
        )}
      </Field>
      {join.isError && !fieldError && (
        <p className="notice notice-error" role="alert">
          {errorMessage(join.error)}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={join.isPending}>
          {join.isPending ? 'Joining…' : 'Join'}
        </button>
      </div>
    </form>
  );
}
