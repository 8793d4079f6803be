import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { useDocumentTitle } from '../components/document-title';
import { paths } from '../lib/paths';

/** Whatever fails while rendering a page, the person gets words and a way on, not a blank screen. */
export function RouteError() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  useDocumentTitle(notFound ? 'Page not found' : 'Something went wrong');
  return (
    <div className="container site-main">
      <div className="page-message" role="alert">
        <h1>{notFound ? 'Page not found' : 'Something went wrong'}</h1>
        <p>
          {notFound
            ? 'There is nothing at this address.'
            : 'This page could not be shown. Reload it, or go back to the discussions.'}
        </p>
        <p className="actions">
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload
          </button>
          <Link to={paths.home()} className="button button-quiet">
            All discussions
          </Link>
        </p>
      </div>
    </div>
  );
}
