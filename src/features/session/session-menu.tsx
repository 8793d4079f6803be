import { useCallback, useRef } from 'react';
import { Link } from 'react-router';
import { useSession, useSignOut } from '../../api/session';
import { useAnnounce } from '../../components/announcer';
import { useHere } from '../../lib/return-to';
import { paths } from '../../lib/paths';

export function SessionMenu() {
  const { data, isPending } = useSession();
  const signOut = useSignOut();
  const announce = useAnnounce();
  const here = useHere();
  // The Sign out button leaves with the session: focus goes to "Sign in" in its place.
  const focusAfterSignOut = useRef(false);
  const signInLink = useCallback((link: HTMLAnchorElement | null) => {
    if (link && focusAfterSignOut.current) {
      focusAfterSignOut.current = false;
      link.focus();
    }
  }, []);

  if (isPending) return <div className="session-menu" aria-hidden="true" />;
  const user = data?.user ?? null;
  if (!user) {
    return (
      <div className="session-menu">
        <Link ref={signInLink} to={paths.signIn(here)} className="button button-quiet">
          Sign in
        </Link>
        <Link to={paths.join(here)} className="button">
          Join
        </Link>
      </div>
    );
  }
  return (
    <div className="session-menu">
      <span className="session-user">
        <Link to={paths.account()} className="session-account">
          <span className="visually-hidden">Signed in as </span>
          <strong>
            <bdi>{user.displayName}</bdi>
          </strong>
          <span className="visually-hidden">: your account</span>
        </Link>
        {user.role === 'moderator' && <span className="badge">Moderator</span>}
      </span>
      <button
        type="button"
        className="button button-quiet"
        disabled={signOut.isPending}
        onClick={() => {
          focusAfterSignOut.current = true;
          signOut.mutate(undefined, {
            onSuccess: () => announce('You are signed out.'),
            onError: () => {
              focusAfterSignOut.current = false;
            },
          });
        }}
      >
        Sign out
      </button>
    </div>
  );
}
