import { Link } from 'react-router';
import { ApiError } from '../api/http';
import { paths } from '../lib/paths';
import { errorMessage } from './error-state';

interface SubmitErrorProps {
  error: unknown;
  /** What did not happen, e.g. "Your comment was not sent". */
  failed: string;
  /** The address to come back to after signing in again. */
  here: string;
  onRetry: () => void;
  retryPending?: boolean;
}

/** Trying again cannot help when the request itself was refused as it stands. */
function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  if (error.code === 'discussion_closed' || error.code === 'not_open') return false;
  // Over a rate limit the message says when; sending again at once is refused the same way.
  if (error.status === 429) return false;
  return error.status === 0 || error.status === 409 || error.status >= 500;
}

/**
 * Why a write failed, with the way on: try again, or sign in again when the
 * session ended. The text being written is kept by the form.
 */
export function SubmitError({ error, failed, here, onRetry, retryPending }: SubmitErrorProps) {
  if (error instanceof ApiError && error.status === 401) {
    return (
      <div className="notice notice-error" role="alert">
        <p>
          {failed}: your session has ended. What you wrote is kept here.{' '}
          <Link to={paths.signIn(here)}>Sign in</Link> again, then send it.
        </p>
      </div>
    );
  }
  return (
    <div className="notice notice-error" role="alert">
      <p>
        {failed}. {errorMessage(error)}
        {/* Offline, say at once that nothing is lost. */}
        {error instanceof ApiError && error.code === 'network' && ' What you wrote is kept here.'}
      </p>
      {isRetryable(error) && (
        <button
          type="button"
          className="button button-small"
          onClick={onRetry}
          disabled={retryPending}
        >
          Try again
        </button>
      )}
    </div>
  );
}
