import { useQuery } from '@tanstack/react-query';
import { campaignQueries } from '../../api/campaigns';
import { ErrorState } from '../../components/error-state';
import { LoadingRegion, Skeleton } from '../../components/skeleton';
import { plural } from '../../lib/plural';
import { CommentItem } from './comment-item';

/** The published comments that mention one campaign. */
export function CampaignMentions({ slug, tag }: { slug: string; tag: string }) {
  const { data, isPending, isError, error, refetch } = useQuery(campaignQueries.detail(slug, tag));
  if (isPending) {
    return (
      <LoadingRegion label="Loading comments…">
        <Skeleton lines={4} height={8} />
      </LoadingRegion>
    );
  }
  if (isError) {
    return (
      <ErrorState
        error={error}
        title="This campaign could not be loaded"
        onRetry={() => void refetch()}
      />
    );
  }
  const { campaign, comments } = data;
  return (
    <section aria-labelledby="mentions-heading">
      <h2 id="mentions-heading">
        {plural(comments.length, 'comment')} mentioning #{campaign.label}
      </h2>
      {campaign.original && (
        <p className="hint">This campaign was among those mentioned in the original discussion.</p>
      )}
      {comments.length === 0 ? (
        <p className="empty">
          No published comment mentions it yet. Write #{campaign.label} in a comment to link it
          here.
        </p>
      ) : (
        <ol className="comment-list">
          {comments.map((c) => (
            <li key={c.id}>
              <CommentItem comment={c} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
