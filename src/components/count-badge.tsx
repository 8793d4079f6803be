/**
 * The number beside a header link (what waits, what is unread), for the eye only:
 * the link's accessible name says it in words. No badge at 0 or before the count
 * is known: a "0" reads as something to look at.
 */
export function CountBadge({ count }: { count: number | undefined }) {
  if (count === undefined || count <= 0) return null;
  return (
    <>
      {' '}
      <span className="badge badge-count" aria-hidden="true">
        {count}
      </span>
    </>
  );
}
