import { useQuery } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import {
  accountQueries,
  useChangePassword,
  useDeleteAccount,
  useSignOutEverywhere,
  useUpdateAccount,
} from '../../api/account';
// The account page loads lazily with its route, so this constant costs the reader's path nothing.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { FORMER_PARTICIPANT } from '../../api/contract';
import { ApiError } from '../../api/http';
import { errorMessage, ErrorState } from '../../components/error-state';
import { Field } from '../../components/field';
import { LoadingRegion, Skeleton } from '../../components/skeleton';

const fieldsOf = (error: unknown) => (error instanceof ApiError ? error.fields : {});

function Profile({ name, organisation }: { name: string; organisation: string | null }) {
  const [displayName, setDisplayName] = useState(name);
  const [org, setOrg] = useState(organisation ?? '');
  const update = useUpdateAccount();
  const fields = fieldsOf(update.error);
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    update.mutate({ displayName, organisation: org });
  };
  return (
    <section className="panel" aria-labelledby="profile-heading">
      <h2 id="profile-heading">Name and organisation</h2>
      <form className="account-form" onSubmit={onSubmit} noValidate>
        <Field id="account-name" label="Display name" error={fields.displayName}>
          {(c) => (
            <input {...c} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
          )}
        </Field>
        <Field
          id="account-organisation"
          label="Organisation (optional)"
          error={fields.organisation}
        >
          {(c) => <input {...c} value={org} onChange={(e) => setOrg(e.target.value)} />}
        </Field>
        {update.isSuccess && <p role="status">Your name and organisation are saved.</p>}
        <button type="submit" className="button" disabled={update.isPending}>
          Save name and organisation
        </button>
      </form>
    </section>
  );
}

function Password() {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const change = useChangePassword();
  const fields = fieldsOf(change.error);
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrent('');
          setNew('');
        },
      },
    );
  };
  return (
    <section className="panel" aria-labelledby="password-heading">
      <h2 id="password-heading">Password</h2>
      <form className="account-form" onSubmit={onSubmit} noValidate>
        <Field
          id="account-current-password"
          label="Current password"
          error={fields.currentPassword}
        >
          {(c) => (
            <input
              {...c}
              type="password"
              autoComplete="current-password"
              value={currentPassword}
              onChange={(e) => setCurrent(e.target.value)}
            />
          )}
        </Field>
        <Field id="account-new-password" label="New password" error={fields.newPassword}>
          {(c) => (
            <input
              {...c}
              type="password"
              autoComplete="new-password"
              value={newPassword}
              onChange={(e) => setNew(e.target.value)}
            />
          )}
        </Field>
        {change.isSuccess && (
          <p role="status">Your password is changed. You were signed out everywhere else.</p>
        )}
        <button type="submit" className="button" disabled={change.isPending}>
          Change password
        </button>
      </form>
    </section>
  );
}

function Sessions() {
  const signOut = useSignOutEverywhere();
  return (
    <section className="panel" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Sessions</h2>
      <p>Signs you out on every device, this one included.</p>
      <button
        type="button"
        className="button button-quiet"
        disabled={signOut.isPending}
        onClick={() => signOut.mutate()}
      >
        Sign out everywhere
      </button>
      {signOut.isError && (
        <p className="notice notice-error" role="alert">
          {errorMessage(signOut.error)}
        </p>
      )}
    </section>
  );
}

function DeleteAccount({ onDeleted }: { onDeleted: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [password, setPassword] = useState('');
  const remove = useDeleteAccount();
  const fields = fieldsOf(remove.error);
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    // The page leaves the signed-out settings before a mutate callback could run; the promise
    // still settles. A failure shows from the mutation's state.
    remove.mutateAsync({ password }).then(onDeleted, () => undefined);
  };
  return (
    <section className="panel" aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete your account</h2>
      <p>
        Your published comments and resources stay in their discussions, under the name “
        {FORMER_PARTICIPANT}”. Your email, password, name and organisation are removed, and you are
        signed out.
      </p>
      {!confirming ? (
        <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
          Delete my account…
        </button>
      ) : (
        <form className="account-form" onSubmit={onSubmit} noValidate>
          <Field id="delete-password" label="Your password, to confirm" error={fields.password}>
            {(c) => (
              <input
                {...c}
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </Field>
          {remove.isError && !fields.password && (
            <p className="notice notice-error" role="alert">
              {errorMessage(remove.error)}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="button button-danger" disabled={remove.isPending}>
              Delete my account for good
            </button>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => setConfirming(false)}
            >
              Keep my account
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/** One's own account: name, password, sessions, deletion. */
export function AccountSettings({ onDeleted }: { onDeleted: () => void }) {
  const account = useQuery(accountQueries.detail());
  if (account.isPending) {
    return (
      <LoadingRegion label="Loading your account…">
        <Skeleton lines={4} height={8} />
      </LoadingRegion>
    );
  }
  if (account.isError) {
    return (
      <ErrorState
        error={account.error}
        title="Your account could not be loaded"
        onRetry={() => void account.refetch()}
      />
    );
  }
  const { user, email } = account.data;
  return (
    <>
      <p>
        Signed in as{' '}
        <strong>
          <bdi className="person-name">{user.displayName}</bdi>
        </strong>{' '}
        (<span className="person-name">{email}</span>).
      </p>
      <Profile name={user.displayName} organisation={user.organisation} />
      <Password />
      <Sessions />
      <DeleteAccount onDeleted={onDeleted} />
    </>
  );
}
