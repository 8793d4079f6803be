import { useQuery } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { accountQueries, useCompleteReset, useRequestReset } from '../../api/account';
import { ApiError } from '../../api/http';
import { errorMessage } from '../../components/error-state';
import { Field } from '../../components/field';
import { LoadingRegion, Skeleton } from '../../components/skeleton';

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
  const fields = ask.error instanceof ApiError ? ask.error.fields : {};
  return (
    <form
      className="account-form"
      noValidate
      onSubmit={(e: SubmitEvent) => {
        e.preventDefault();
        ask.mutate({ email });
      }}
    >
      <Field id="reset-email" label="Email" error={fields.email}>
        {(c) => (
          <input
            {...c}
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        )}
      </Field>
      {ask.isError && !fields.email && (
        <p className="notice notice-error" role="alert">
          {errorMessage(ask.error)}
        </p>
      )}
      <button type="submit" className="button" disabled={ask.isPending}>
        Send me a link
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
        Your password is set. <Link to="/sign-in">Sign in with your new password</Link>.
      </p>
    );
  }
  // Expired or used, whether found on opening the link or on sending the new password.
  const gone = check.isError ? check.error : isGone(complete.error) ? complete.error : null;
  if (gone) {
    return (
      <p className="notice notice-error" role="alert">
        {errorMessage(gone)} <Link to="/reset-password">Ask for a new link</Link>.
      </p>
    );
  }
  const fields = complete.error instanceof ApiError ? complete.error.fields : {};
  return (
    <form
      className="account-form"
      noValidate
      onSubmit={(e: SubmitEvent) => {
        e.preventDefault();
        complete.mutate({ password });
      }}
    >
      <Field id="reset-password" label="New password" error={fields.password}>
        {(c) => (
          <input
            {...c}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        )}
      </Field>
      {complete.isError && !fields.password && (
        <p className="notice notice-error" role="alert">
          {errorMessage(complete.error)}
        </p>
      )}
      <button type="submit" className="button" disabled={complete.isPending}>
        Set the new password
      </button>
    </form>
  );
}
