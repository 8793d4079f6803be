import { Link, useParams } from 'react-router';
import { useDocumentTitle } from '../../components/document-title';
import { CompleteReset, RequestReset } from '../../features/account/password-reset';
import { paths } from '../../lib/paths';

export function ResetPasswordRoute() {
  const { token } = useParams();
  useDocumentTitle(token ? 'Choose a new password' : 'Forgot your password?');
  return (
    <div className="account-page">
      <h1>{token ? 'Choose a new password' : 'Forgot your password?'}</h1>
      {token ? <CompleteReset token={token} /> : <RequestReset />}
      {!token && (
        <p>
          Remembered it? <Link to={paths.signIn()}>Sign in</Link>.
        </p>
      )}
    </div>
  );
}
