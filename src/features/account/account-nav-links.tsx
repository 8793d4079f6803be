import { NavLink } from 'react-router';
import { useSession } from '../../api/session';
import { paths } from '../../lib/paths';

/** The header's links to managing people (moderators) and one's own account (anyone signed in). */
export function AccountNavLinks() {
  const { data } = useSession();
  const user = data?.user;
  if (!user) return null;
  return (
    <>
      {user.role === 'moderator' && <NavLink to={paths.people()}>People</NavLink>}
      {/* On small screens a moderator, with two more links, reaches it by the name in the header. */}
      <NavLink
        to={paths.account()}
        className={user.role === 'moderator' ? 'nav-account' : undefined}
      >
        Account
      </NavLink>
    </>
  );
}
