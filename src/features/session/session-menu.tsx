import { Link, useLocation } from 'react-router';
import { useSession, useSignOut } from '../../api/session';
import { useAnnounce } from '../../components/announcer';

export function SessionMenu() {
  const { data, isPending } = useSession();
  const signOut = useSignOut();
  const announce = useAnnounce();
  const location = useLocation();
  const here = `${location.pathname}${location.search}${location.hash}`;

  if (isPending) return <div className="session-menu" aria-hidden="true" />;
  const user = data?.user ?? null;
  if (!user) {
    return (
      <div className="session-menu">
        <Link to={`/sign-in?next=${encodeURIComponent(here)}`} className="button button-quiet">
          Sign in
        </Link>
        <Link to={`/join?next=${encodeURIComponent(here)}`} className="button">
          Join
        </Link>
      </div>
    );
  }
  return (
    <div className="session-menu">
      <span className="session-user">
        <span className="visually-hidden">Signed in as </span>
        <strong>{user.displayName}</strong>
        {user.role === 'moderator' && <span className="badge">Moderator</span>}
      </span>
      <button
        type="button"
        className="button button-quiet"
        disabled={signOut.isPending}
        onClick={() =>
          signOut.mutate(undefined, { onSuccess: () => announce('You are signed out.') })
        }
      >
        Sign out
      </button>
    </div>
  );
}
