import type { DiscussionStatus } from '../../api/contract';
import { useNotOpenYet } from '../../components/use-not-open-yet';

/** Open, closed, or not open yet while its first day is ahead. */
export function StatusBadge({ status, opensAt }: { status: DiscussionStatus; opensAt: string }) {
  const notOpenYet = useNotOpenYet(opensAt);
  if (status === 'open' && notOpenYet) {
    return <span className="badge badge-upcoming">Not open yet</span>;
  }
  return <span className={`badge badge-${status}`}>{status === 'open' ? 'Open' : 'Closed'}</span>;
}
