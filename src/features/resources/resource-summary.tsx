import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { resourceQueries } from '../../api/resources';
import { ErrorState } from '../../components/error-state';
import { LoadingRegion, Skeleton } from '../../components/skeleton';
import { ResourceItem } from './resource-item';
import { paths } from '../../lib/paths';

/** The discussion page's column of shared resources. */
export function ResourceSummary({ slug }: { slug: string }) {
  const { data, isPending, isError, error, refetch } = useQuery(resourceQueries.list(slug));
  return (
    <section className="panel" aria-labelledby="resources-heading">
      <h2 id="resources-heading">Shared resources</h2>
      {isPending ? (
        <LoadingRegion label="Loading resources…">
          <Skeleton lines={6} height={12} />
        </LoadingRegion>
      ) : isError ? (
        <ErrorState
          error={error}
          title="The resources could not be loaded"
          onRetry={() => void refetch()}
        />
      ) : data.resources.length === 0 ? (
        <p className="empty">No resources shared yet.</p>
      ) : (
        <ul className="resource-list">
          {data.resources.map((r) => (
            <li key={r.id}>
              <ResourceItem resource={r} />
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={paths.resources(slug)}>Browse and share resources</Link>
      </p>
    </section>
  );
}
