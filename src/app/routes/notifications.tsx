import { Navigate } from 'react-router';
import { useSession } from '../../api/session';
import { useDocumentTitle } from '../../components/document-title';
import { LoadingRegion, Skeleton } from '../../components/skeleton';
import { NotificationList } from '../../features/notifications/notification-list';
import { paths } from '../../lib/paths';

export function NotificationsRoute() {
  useDocumentTitle('Your notifications');
  const { data, isPending } = useSession();
  if (!isPending && !data?.user)
    return <Navigate to={paths.signIn(paths.notifications())} replace />;
  return (
    <div className="notifications-page">
      <h1>Notifications</h1>
      {isPending ? (
        <LoadingRegion label="Loading your notifications…">
          <Skeleton lines={4} height={8} />
        </LoadingRegion>
      ) : (
        <NotificationList />
      )}
    </div>
  );
}
