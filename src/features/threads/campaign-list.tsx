import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { campaignQueries } from '../../api/campaigns';
import { ErrorState } from '../../components/error-state';
import { LoadingRegion, Skeleton } from '../../components/skeleton';
import { plural } from '../../lib/plural';

export function CampaignList({ slug }: { slug: string }) {
  const { data, isPending, isError, error, refetch } = useQuery(campaignQueries.list(slug));
  return (
    <section className="panel" aria-labelledby="campaigns-heading">
      <h2 id="campaigns-heading">Campaigns mentioned</h2>
      {isPending ? (
        <LoadingRegion label="Loading campaigns…">
          <Skeleton lines={3} height={5} />
        </LoadingRegion>
      ) : isError ? (
        <ErrorState
          error={error}
          title="The campaigns could not be loaded"
          onRetry={() => void refetch()}
        />
      ) : (
        <ul className="campaign-list">
          {data.campaigns.map((c) => (
            <li key={c.tag}>
              <Link
                to={`/discussions/${slug}/campaigns/${encodeURIComponent(c.tag)}`}
                className="hashtag"
              >
                #{c.label}
              </Link>{' '}
              <span className="count">{plural(c.commentCount, 'comment')}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
