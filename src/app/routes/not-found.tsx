import { Link } from 'react-router';
import { useDocumentTitle } from '../../components/document-title';
import { paths } from '../../lib/paths';

export function NotFoundRoute() {
  useDocumentTitle('Page not found');
  return (
    <div className="page-message">
      <h1>Page not found</h1>
      <p>There is nothing at this address. It may have been mistyped, or the page has moved.</p>
      <p>
        <Link to={paths.home()}>See all discussions</Link>
      </p>
    </div>
  );
}
