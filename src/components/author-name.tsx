import type { Author } from '../api/contract';

/** Beside a moderator's name wherever it shows, so that no one passes as one by name alone. */
export function RoleBadge({ role }: { role: Author['role'] }) {
  return role === 'moderator' ? <span className="badge badge-role">Moderator</span> : null;
}

/**
 * A person's name as they typed it, isolated so that right-to-left or override
 * characters in it never reorder the text around it, then their role badge.
 */
export function AuthorName({ author }: { author: Pick<Author, 'name' | 'role'> }) {
  return (
    <>
      <bdi className="person-name">{author.name}</bdi>
      {author.role === 'moderator' && (
        <>
          {' '}
          <RoleBadge role={author.role} />
        </>
      )}
    </>
  );
}
