import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { discussionQueries } from '../../api/discussions';
import { ErrorState } from '../../components/error-state';
import { LoadingRegion, Skeleton } from '../../components/skeleton';
import { formatPeriod } from '../../lib/dates';
import { plural } from '../../lib/plural';
import { StatusBadge } from './status-badge';
import { paths } from '../../lib/paths';

export function DiscussionList() {
  const { data, isPending, isError, error, refetch } = useQuery(discussionQueries.list());

  if (isPending) {
    return (
      <LoadingRegion label="Loading discussions…">
        <ul className="card-list">
          {[0, 1].map((i) => (
            <li key={i} className="card">
              <Skeleton lines={3} height={6} />
            </li>
          ))}
        </ul>
      </LoadingRegion>
    );
  }
  if (isError)
    return (
      <ErrorState
        error={error}
        title="The discussions could not be loaded"
        onRetry={() => void refetch()}
      />
    );
  if (data.discussions.length === 0) {
    return <p className="empty">There are no discussions yet.</p>;
  }

  return (
    <ul className="card-list">
      {data.discussions.map((d) => (
        <li key={d.slug} className="card discussion-card">
          <h2 className="card-title">
            <Link to={paths.discussion(d.slug)}>{d.title}</Link>
          </h2>
          <p className="meta">
            <StatusBadge status={d.status} opensAt={d.opensAt} />
            <span>{formatPeriod(d.startsOn, d.endsOn)}</span>
            <span>Organised by {d.organiser}</span>
          </p>
          <p className="meta">
            <span>{plural(d.counts.comments, 'published comment')}</span>
            <span>{plural(d.counts.resources, 'resource')}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}
