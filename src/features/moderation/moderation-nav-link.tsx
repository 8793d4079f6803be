import { useInfiniteQuery } from '@tanstack/react-query';
import { NavLink } from 'react-router';
import { moderationQueries, waitingCount } from '../../api/moderation';
import { useSession } from '../../api/session';
import { CountBadge } from '../../components/count-badge';
import { paths } from '../../lib/paths';

/** The header's link to the queue with the number of items waiting, for moderators only. */
export function ModerationNavLink() {
  const { data: session } = useSession();
  const isModerator = session?.user?.role === 'moderator';
  const { data } = useInfiniteQuery({
    ...moderationQueries.queue(),
    enabled: isModerator,
    select: waitingCount,
  });
  if (!isModerator) return null;
  const waiting = data === undefined ? '' : data === 1 ? ', 1 item waits' : `, ${data} items wait`;
  return (
    <NavLink to={paths.moderation()} end aria-label={`Moderation${waiting}`}>
      Moderation
      <CountBadge count={data} />
    </NavLink>
  );
}
