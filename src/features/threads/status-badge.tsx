import type { DiscussionStatus } from '../../api/contract';

export function StatusBadge({ status }: { status: DiscussionStatus }) {
  return <span className={`badge badge-${status}`}>{status === 'open' ? 'Open' : 'Closed'}</span>;
}
