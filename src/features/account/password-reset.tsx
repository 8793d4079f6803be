import { useQuery } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { accountQueries, useCompleteReset, useRequestReset } from '../../api/account';
import { ApiError } from '../../api/http';
import { errorMessage } from '../../components/error-state';
import { Field } from '../../components/field';
import { LoadingRegion, Skeleton } from '../../components/skeleton';
import { paths } from '../../lib/paths';

/** Asks for a link by email where the forum sends email; elsewhere says to ask a moderator. */
export function RequestReset() {
  const info = useQuery(accountQueries.resetInfo());
  const [email, setEmail] = useState('');
  const ask = useRequestReset();
  if (info.isPending) {
    return (
      <LoadingRegion label="Loading…">
        <Skeleton lines={2} height={8} />
      </LoadingRegion>
    );
  }
  if (info.data && !info.data.email) {
    return (
      <p className="notice" role="status">
        This forum does not send email. Ask a moderator for a one-time link to reset your password.
      </p>
    );
  }
  if (ask.isSuccess) {
    return (
      <p className="notice" role="status">
        If an account has this email, a link is on its way. It works once, within an hour.
      </p>
    );
  }
  return (
    <OneFieldForm
      id="reset-email"
      label="Email"
      type="email"
      autoComplete="email"
      value={email}
      onChange={setEmail}
      error={ask.error}
      field="email"
      pending={ask.isPending}
      submitLabel="Send me a link"
      onSubmit={() => ask.mutate({ email })}
    />
  );
}

interface OneFieldFormProps {
  id: string;
  label: string;
  type: 'email' | 'password';
  autoComplete: string;
  value: string;
  onChange: (value: string) => void;
  /** The request's error: shown on the field when it names it, under the form otherwise. */
  error: Error | null;
  field: string;
  pending: boolean;
  submitLabel: string;
  onSubmit: () => void;
}

/** A form of one field and its button, as both steps of a reset are. */
function OneFieldForm(p: OneFieldFormProps) {
  const fieldError = p.error instanceof ApiError ? p.error.fields[p.field] : undefined;
  return (
    <form
      className="account-form"
      noValidate
      onSubmit={(e: SubmitEvent) => {
        e.preventDefault();
        p.onSubmit();
      }}
    >
      <Field id={p.id} label={p.label} error={fieldError}>
        {(c) => (
          <input
            {...c}
            type={p.type}
            autoComplete={p.autoComplete}
            value={p.value}
            onChange={(e) => p.onChange(e.target.value)}
          />
        )}
      </Field>
      {p.error && !fieldError && (
        <p className="notice notice-error" role="alert">
          {errorMessage(p.error)}
        </p>
      )}
      <button type="submit" className="button" disabled={p.pending}>
        {p.submitLabel}
      </button>
    </form>
  );
}

const isGone = (error: unknown) => error instanceof ApiError && error.status === 404;

export function CompleteReset({ token }: { token: string }) {
  const check = useQuery(accountQueries.reset(token));
  const [password, setPassword] = useState('');
  const complete = useCompleteReset(token);
  if (complete.isSuccess) {
    return (
      <p className="notice" role="status">
        Your password is set. <Link to={paths.signIn()}>Sign in with your new password</Link>.
      </p>
    );
  }
  // Expired or used, whether found on opening the link or on sending the new password.
  const gone = check.isError ? check.error : isGone(complete.error) ? complete.error : null;
  if (gone) {
    return (
      <p className="notice notice-error" role="alert">
        {errorMessage(gone)} <Link to={paths.resetPassword()}>Ask for a new link</Link>.
      </p>
    );
  }
  return (
    <OneFieldForm
      id="reset-password"
      label="New password"
      type="password"
      autoComplete="new-password"
      value={password}
      onChange={setPassword}
      error={complete.error}
      field="password"
      pending={complete.isPending}
      submitLabel="Set the new password"
      onSubmit={() => complete.mutate({ password })}
    />
  );
}
