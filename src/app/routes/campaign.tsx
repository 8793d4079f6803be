import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { campaignQueries } from '../../api/campaigns';
import { ApiError } from '../../api/http';
import { CampaignMentions } from '../../features/comments/campaign-mentions';
import { FeedLink } from '../../features/threads/feed-link';
import { DiscussionFrame } from './discussion-frame';
import { paths } from '../../lib/paths';

export function CampaignRoute() {
  const { slug = '', tag = '' } = useParams();
  // The address holds the campaign's key ("heforshe"); the page names it as written ("HeForShe").
  const { data: label = tag, error } = useQuery({
    ...campaignQueries.detail(slug, tag),
    select: (d) => d.campaign.label,
  });
  // The discussion exists (the frame says so otherwise), but no campaign of this name in it.
  const unknown = error instanceof ApiError && error.status === 404;
  if (unknown) {
    return (
      <DiscussionFrame
        slug={slug}
        page="Campaign not found"
        header={(d) => (
          <div className="page-message">
            <h1>Campaign not found</h1>
            <p>
              No campaign #{tag} is mentioned in “{d.title}”. The address may have been mistyped.
            </p>
            <p>
              <Link to={paths.discussion(slug)}>Back to the discussion</Link> ·{' '}
              <Link to={paths.home()}>See all discussions</Link>
            </p>
          </div>
        )}
      >
        {null}
      </DiscussionFrame>
    );
  }
  return (
    <DiscussionFrame
      slug={slug}
      page={`#${label}`}
      header={(d) => (
        <header className="discussion-header compact">
          <p className="eyebrow">
            <Link to={paths.discussion(slug)}>{d.title}</Link>
          </p>
          <h1>Campaign #{label}</h1>
        </header>
      )}
    >
      {(d) => (
        <>
          <FeedLink
            path={`/discussions/${encodeURIComponent(slug)}/campaigns/${encodeURIComponent(tag)}/feed.atom`}
            title={`#${label} · ${d.title} (Atom)`}
            lead={`Follow new comments mentioning #${label} in a feed reader:`}
          />
          <CampaignMentions slug={slug} tag={tag} />
        </>
      )}
    </DiscussionFrame>
  );
}
