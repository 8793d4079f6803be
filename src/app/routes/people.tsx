import { Link } from 'react-router';
import { useDocumentTitle } from '../../components/document-title';
import { ModeratorsOnly } from '../../features/moderation/moderators-only';
import { PeopleTable } from '../../features/people/people-table';
import { paths } from '../../lib/paths';

export function PeopleRoute() {
  useDocumentTitle('People');
  return (
    <>
      <div className="page-intro">
        <p className="eyebrow">
          <Link to={paths.moderation()}>Moderation</Link>
        </p>
        <h1>People</h1>
        <p className="lede">
          Every account and what became of its entries. Changes here are in the moderation log.
        </p>
      </div>
      <ModeratorsOnly what="manage people">
        <PeopleTable />
      </ModeratorsOnly>
    </>
  );
}
