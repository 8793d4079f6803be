import { useState } from 'react';
import { Link, Navigate } from 'react-router';
// The account page loads lazily with its route, so this constant costs the reader's path nothing.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { FORMER_PARTICIPANT } from '../../api/contract';
import { useSession } from '../../api/session';
import { useDocumentTitle } from '../../components/document-title';
import { LoadingRegion, Skeleton } from '../../components/skeleton';
import { AccountSettings } from '../../features/account/account-settings';
import { EmailChoice } from '../../features/notifications/email-choice';
import { paths } from '../../lib/paths';

export function AccountRoute() {
  useDocumentTitle('Your account');
  const { data, isPending } = useSession();
  const user = data?.user ?? null;
  // Signed in once on this page, a person who signs out or deletes the account stays to read so.
  const [seenUser, setSeenUser] = useState(false);
  const [deleted, setDeleted] = useState(false);
  if (user && !seenUser) setSeenUser(true);
  if (!isPending && !user && !seenUser) return <Navigate to={paths.signIn('/account')} replace />;
  return (
    <div className="account-page">
      <h1>Your account</h1>
      {isPending ? (
        <LoadingRegion label="Loading your account…">
          <Skeleton lines={4} height={8} />
        </LoadingRegion>
      ) : user ? (
        <>
          <EmailChoice />
          <AccountSettings onDeleted={() => setDeleted(true)} />
        </>
      ) : (
        <div className="notice" role="status">
          <p>
            {deleted
              ? `Your account is deleted. Your published entries stay under the name “${FORMER_PARTICIPANT}”.`
              : 'You are signed out.'}
          </p>
          <p>
            <Link to={paths.home()}>Back to the discussions</Link>
            {!deleted && (
              <>
                {' · '}
                <Link to={paths.signIn('/account')}>Sign in again</Link>
              </>
            )}
          </p>
        </div>
      )}
    </div>
  );
}
