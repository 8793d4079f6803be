import { Link, useParams } from 'react-router';
import { ResourceBrowser } from '../../features/resources/resource-browser';
import { DiscussionFrame } from './discussion-frame';

export function ResourcesRoute() {
  const { slug = '' } = useParams();
  return (
    <DiscussionFrame
      slug={slug}
      page="Resources"
      header={(d) => (
        <header className="discussion-header compact">
          <p className="eyebrow">
            <Link to={`/discussions/${slug}`}>{d.title}</Link>
          </p>
          <h1>Shared resources</h1>
        </header>
      )}
    >
      <ResourceBrowser slug={slug} />
    </DiscussionFrame>
  );
}
