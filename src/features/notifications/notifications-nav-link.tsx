import { useQuery } from '@tanstack/react-query';
import { NavLink } from 'react-router';
import { notificationQueries } from '../../api/notifications';
import { useSession } from '../../api/session';

/** The header's link to one's notifications, with how many are unread. */
export function NotificationsNavLink() {
  const signedIn = Boolean(useSession().data?.user);
  const { data } = useQuery({
    ...notificationQueries.unread(),
    enabled: signedIn,
    select: (d) => d.unread,
  });
  if (!signedIn) return null;
  const unread = data === undefined || data === 0 ? '' : `, ${data} unread`;
  return (
    <NavLink to="/notifications" aria-label={`Notifications${unread}`}>
      Notifications
      {/* As the moderation count: no badge when there is nothing new. */}
      {data !== undefined && data > 0 && (
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
