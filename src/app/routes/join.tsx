import { Link, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../components/document-title';
import { JoinForm } from '../../features/session/join-form';
import { safeNext } from '../../lib/return-to';
import { paths } from '../../lib/paths';

export function JoinRoute() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  useDocumentTitle('Join');
  return (
    <div className="account-page">
      <h1>Join Agora</h1>
      <p className="lede">
        Reading needs no account. To comment, share resources and flag entries, join with a display
        name.
      </p>
      <JoinForm next={next} />
      <p>
        Already have an account? <Link to={paths.signIn(next)}>Sign in</Link>.
      </p>
    </div>
  );
}
