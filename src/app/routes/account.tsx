import { Link } from 'react-router';
import { useSession } from '../../api/session';
import { useDocumentTitle } from '../../components/document-title';
import { AccountSettings } from '../../features/account/account-settings';

export function AccountRoute() {
  useDocumentTitle('Your account');
  const { data, isPending } = useSession();
  return (
    <div className="account-page">
      <h1>Your account</h1>
      {!isPending && !data?.user ? (
        <p>
          <Link to="/sign-in?next=%2Faccount">Sign in</Link> to manage your account.
        </p>
      ) : (
        <AccountSettings />
      )}
    </div>
  );
}
