import { useQuery } from '@tanstack/react-query';
import { NavLink } from 'react-router';
import { isWaiting, moderationQueries } from '../../api/moderation';
import { useSession } from '../../api/session';

/** The header's link to the queue with the number of items waiting, for moderators only. */
export function ModerationNavLink() {
  const { data: session } = useSession();
  const isModerator = session?.user?.role === 'moderator';
  const { data } = useQuery({
    ...moderationQueries.queue(),
    enabled: isModerator,
    select: (queue) => queue.items.filter(isWaiting).length,
  });
  if (!isModerator) return null;
  const waiting = data === undefined ? '' : data === 1 ? ', 1 item waits' : `, ${data} items wait`;
  return (
    <NavLink to="/moderation" end aria-label={`Moderation${waiting}`}>
      Moderation
      {data !== undefined && (
        <>
          {' '}
          <span className="badge badge-count" aria-hidden="true">
            {data}
          </span>
        </>
      )}
    </NavLink>
  );
}
