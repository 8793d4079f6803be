import { useQuery } from '@tanstack/react-query';
import { NavLink } from 'react-router';
import { notificationQueries } from '../../api/notifications';
import { useSession } from '../../api/session';
import { CountBadge } from '../../components/count-badge';
import { paths } from '../../lib/paths';

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
    <NavLink
      to={paths.notifications()}
      className="nav-notifications"
      aria-label={`Notifications${unread}`}
    >
      {/* On a phone the bell stands for the word, so that the navigation keeps one row. */}
      <svg className="nav-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
        />
      </svg>
      <span className="nav-label">Notifications</span>
      <CountBadge count={data} />
    </NavLink>
  );
}
