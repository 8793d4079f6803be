import { Link, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../components/document-title';
import { SignInForm } from '../../features/session/sign-in-form';
import { safeNext } from '../../lib/return-to';
import { paths } from '../../lib/paths';

export function SignInRoute() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  useDocumentTitle('Sign in');
  return (
    <div className="account-page">
      <h1>Sign in</h1>
      <p className="lede">Sign in to comment, share resources and flag entries.</p>
      <SignInForm next={next} />
      <p>
        New here? <Link to={paths.join(next)}>Join Agora</Link>: it takes a display name, an email
        and a password.
      </p>
    </div>
  );
}
