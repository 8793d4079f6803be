import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useSession } from '../../api/session';
import { LoadingRegion, Skeleton } from '../../components/skeleton';
import { paths } from '../../lib/paths';

/**
 * A moderator's page: others get words and a way on instead. The backend
 * refuses them anyway; this only spares them a page of errors.
 */
export function ModeratorsOnly({ what, children }: { what: string; children: ReactNode }) {
  const { data, isPending } = useSession();
  const { pathname, search } = useLocation();
  if (isPending) {
    return (
      <LoadingRegion label="Loading…">
        <Skeleton lines={4} height={8} />
      </LoadingRegion>
    );
  }
  const user = data?.user ?? null;
  if (user?.role === 'moderator') return children;
  return (
    <div className="notice" role="status">
      <p>
        Only moderators can {what}.{' '}
        {user ? (
          'You are signed in as a participant.'
        ) : (
          <Link to={paths.signIn(`${pathname}${search}`)}>Sign in as a moderator</Link>
        )}
      </p>
    </div>
  );
}
