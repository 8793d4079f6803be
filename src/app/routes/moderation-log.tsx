import { Link } from 'react-router';
import { useDocumentTitle } from '../../components/document-title';
import { ModerationLog } from '../../features/moderation/moderation-log';
import { ModeratorsOnly } from '../../features/moderation/moderators-only';
import { paths } from '../../lib/paths';

export function ModerationLogRoute() {
  useDocumentTitle('Moderation log');
  return (
    <>
      <div className="page-intro">
        <p className="eyebrow">
          <Link to={paths.moderation()}>Moderation</Link>
        </p>
        <h1>Moderation log</h1>
        <p className="lede">
          Every decision moderators took: who, what, which entry, when and why.
        </p>
      </div>
      <ModeratorsOnly what="read the moderation log">
        <ModerationLog />
      </ModeratorsOnly>
    </>
  );
}
