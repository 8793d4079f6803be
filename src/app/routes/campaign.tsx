import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { campaignQueries } from '../../api/campaigns';
import { CampaignMentions } from '../../features/comments/campaign-mentions';
import { FeedLink } from '../../features/threads/feed-link';
import { DiscussionFrame } from './discussion-frame';

export function CampaignRoute() {
  const { slug = '', tag = '' } = useParams();
  // The address holds the campaign's key ("heforshe"); the page names it as written ("HeForShe").
  const { data: label = tag } = useQuery({
    ...campaignQueries.detail(slug, tag),
    select: (d) => d.campaign.label,
  });
  return (
    <DiscussionFrame
      slug={slug}
      page={`#${label}`}
      header={(d) => (
        <header className="discussion-header compact">
          <p className="eyebrow">
            <Link to={`/discussions/${slug}`}>{d.title}</Link>
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
