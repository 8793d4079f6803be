import { useRef, useState, type SubmitEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/http';
import { useSignIn } from '../../api/session';
import { useAnnounce } from '../../components/announcer';
import { errorMessage } from '../../components/error-state';
import { Field, useFocusFirstInvalid } from '../../components/field';
import { isDemo } from '../../lib/env';
import { paths } from '../../lib/paths';

const DEMO_ACCOUNTS = [
  {
    role: 'participant',
    name: 'Amina Diallo',
    email: 'amina@example.org',
    password: 'demo-participant',
  },
  {
    role: 'moderator',
    name: 'Wikigender moderator',
    email: 'moderator@example.org',
    password: 'demo-moderator',
  },
] as const;

/** Signs in, then goes back to where the person was: `next`, already made safe. */
export function SignInForm({ next }: { next: string }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const signIn = useSignIn();
  const navigate = useNavigate();
  useFocusFirstInvalid(form, signIn.error);
  const announce = useAnnounce();

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    signIn.mutate(
      { email, password },
      {
        onSuccess: ({ user }) => {
          announce(`You are signed in as ${user?.displayName ?? 'yourself'}`);
          void navigate(next, { replace: true });
        },
      },
    );
  };

  const fields = signIn.error instanceof ApiError ? signIn.error.fields : {};
  const fieldError = fields.email ?? fields.password;
  return (
    <>
      <form ref={form} className="account-form" onSubmit={onSubmit} noValidate>
        <Field id="sign-in-email" label="Email" error={fields.email}>
          {(control) => (
            <input
              {...control}
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field id="sign-in-password" label="Password" error={fields.password}>
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        {signIn.isError && !fieldError && (
          <p className="notice notice-error" role="alert">
            {errorMessage(signIn.error)}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button" disabled={signIn.isPending}>
            {signIn.isPending ? 'Signing in…' : 'Sign in'}
          </button>
          <Link to={paths.resetPassword()}>Forgot your password?</Link>
        </div>
      </form>
      {isDemo && (
        <section className="panel demo-accounts" aria-labelledby="demo-accounts-heading">
          <h2 id="demo-accounts-heading">Demo accounts</h2>
          <p className="hint">This is a demo: try it with one of these accounts.</p>
          <ul>
            {DEMO_ACCOUNTS.map((a) => (
              <li key={a.email}>
                <p>
                  <strong>{a.name}</strong>, {a.role}: <code>{a.email}</code> /{' '}
                  <code>{a.password}</code>
                </p>
                <button
                  type="button"
                  className="button button-quiet button-small"
                  onClick={() => {
                    setEmail(a.email);
                    setPassword(a.password);
                  }}
                >
                  Use the {a.role} account
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
