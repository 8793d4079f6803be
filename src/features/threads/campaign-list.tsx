import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { campaignQueries } from '../../api/campaigns';
import type { Campaign } from '../../api/contract';
import { ErrorState } from '../../components/error-state';
import { LoadingRegion, Skeleton } from '../../components/skeleton';
import { plural } from '../../lib/plural';
import { paths } from '../../lib/paths';

/** The seeded campaigns were mentioned in 2015, in comments the digest did not keep: say so. */
function countOf(c: Campaign): string {
  if (!c.original) return plural(c.commentCount, 'comment');
  if (c.commentCount === 0) return 'mentioned in the original discussion';
  return `${plural(c.commentCount, 'comment')} · also in the original discussion`;
}

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
      ) : data.campaigns.length === 0 ? (
        <p className="empty">No campaign yet: a #hashtag in a published comment adds one.</p>
      ) : (
        <ul className="campaign-list">
          {data.campaigns.map((c) => (
            <li key={c.tag}>
              <Link to={paths.campaign(slug, c.tag)} className="hashtag">
                #{c.label}
              </Link>{' '}
              <span className="count">{countOf(c)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
