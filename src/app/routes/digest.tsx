import { Link, useParams } from 'react-router';
import { DigestView } from '../../features/digest/digest-view';
import { digestHeading } from '../../features/digest/digest-markdown';
import { DiscussionFrame } from './discussion-frame';
import { paths } from '../../lib/paths';

export function DigestRoute() {
  const { slug = '' } = useParams();
  return (
    <DiscussionFrame
      slug={slug}
      page="Digest of extracts"
      header={(d) => (
        <header className="discussion-header compact digest-header">
          <p className="eyebrow no-print">
            <Link to={paths.discussion(slug)}>{d.title}</Link>
          </p>
          <h1>{digestHeading(d)}</h1>
        </header>
      )}
    >
      {(discussion) => <DigestView discussion={discussion} />}
    </DiscussionFrame>
  );
}
