import { Link, useParams } from 'react-router';
import { CampaignMentions } from '../../features/comments/campaign-mentions';
import { DiscussionFrame } from './discussion-frame';

export function CampaignRoute() {
  const { slug = '', tag = '' } = useParams();
  return (
    <DiscussionFrame
      slug={slug}
      page={`#${tag}`}
      header={(d) => (
        <header className="discussion-header compact">
          <p className="eyebrow">
            <Link to={`/discussions/${slug}`}>{d.title}</Link>
          </p>
          <h1>Campaign #{tag}</h1>
        </header>
      )}
    >
      <CampaignMentions slug={slug} tag={tag} />
    </DiscussionFrame>
  );
}
