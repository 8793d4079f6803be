import { Link, useParams } from 'react-router';
import { ModerationControls } from '../../features/moderation/moderation-controls';
import { ResourceActions } from '../../features/resources/resource-actions';
import { ResourceBrowser } from '../../features/resources/resource-browser';
import { SHARE_ID, ShareResource } from '../../features/resources/share-resource';
import { DiscussionFrame } from './discussion-frame';
import { paths } from '../../lib/paths';

export function ResourcesRoute() {
  const { slug = '' } = useParams();
  return (
    <DiscussionFrame
      slug={slug}
      page="Resources"
      header={(d) => (
        <header className="discussion-header compact">
          <p className="eyebrow">
            <Link to={paths.discussion(slug)}>{d.title}</Link>
          </p>
          <h1>Shared resources</h1>
          <p>
            <a href={`#${SHARE_ID}`}>Share a resource</a> with the form under the list.
          </p>
        </header>
      )}
    >
      {(discussion) => (
        <>
          <ResourceBrowser
            slug={slug}
            actions={(resource) => (
              <>
                <ResourceActions resource={resource} />
                <ModerationControls kind="resource" entry={resource} />
              </>
            )}
          />
          <ShareResource discussion={discussion} />
        </>
      )}
    </DiscussionFrame>
  );
}
