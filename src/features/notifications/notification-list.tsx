import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Notification } from '../../api/contract';
import { notificationQueries, useMarkAllRead, useMarkRead } from '../../api/notifications';
import { errorMessage, ErrorState } from '../../components/error-state';
import { LoadingRegion, Skeleton } from '../../components/skeleton';
import { formatDateTime } from '../../lib/dates';

function NotificationItem({ n }: { n: Notification }) {
  const markRead = useMarkRead();
  const read = () => {
    if (!n.read) markRead.mutate(n.id);
  };
  return (
    <li className={`notification${n.read ? '' : ' is-unread'}`}>
      <p className="notification-message">
        {!n.read && <span className="badge">Unread</span>}{' '}
        {n.path ? (
          <Link to={n.path} onClick={read}>
            {n.message}
          </Link>
        ) : (
          <span>{n.message}</span>
        )}
      </p>
      {n.reason && <p className="notification-reason">Reason: {n.reason}</p>}
      {n.excerpt ? (
        <blockquote className="notification-excerpt">
          <p>{n.excerpt}</p>
        </blockquote>
      ) : (
        n.path === null && <p className="notification-gone">This entry is no longer shown.</p>
      )}
      <p className="notification-meta">
        <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
        {!n.read && (
          <>
            {' · '}
            <button
              type="button"
              className="button button-quiet button-small"
              disabled={markRead.isPending}
              onClick={read}
            >
              Mark as read
            </button>
          </>
        )}
      </p>
      {markRead.isError && <p role="alert">{errorMessage(markRead.error)}</p>}
    </li>
  );
}

/** One's notifications, newest first, a page at a time. */
export function NotificationList() {
  const query = useInfiniteQuery(notificationQueries.list());
  const markAll = useMarkAllRead();
  if (query.isPending) {
    return (
      <LoadingRegion label="Loading your notifications…">
        <Skeleton lines={4} height={8} />
      </LoadingRegion>
    );
  }
  if (query.isError) {
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const notifications = query.data.pages.flatMap((p) => p.notifications);
  if (notifications.length === 0) {
    return (
      <p className="notice">
        Nothing yet. You are told here when a moderator decides on your comments and resources, and
        of new replies in the threads you follow.
      </p>
    );
  }
  const anyUnread = notifications.some((n) => !n.read);
  return (
    <>
      <div className="actions">
        <button
          type="button"
          className="button button-quiet"
          disabled={!anyUnread || markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          Mark all as read
        </button>
        {markAll.isSuccess && !anyUnread && <p role="status">All your notifications are read.</p>}
        {markAll.isError && <p role="alert">{errorMessage(markAll.error)}</p>}
      </div>
      <ol className="notification-list" aria-label="Your notifications, newest first">
        {notifications.map((n) => (
          <NotificationItem key={n.id} n={n} />
        ))}
      </ol>
      {query.hasNextPage && (
        <button
          type="button"
          className="button button-quiet"
          disabled={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {query.isFetchingNextPage ? 'Loading older notifications…' : 'Show older notifications'}
        </button>
      )}
    </>
  );
}
