/**
 * Data access for the digest of extracts. Its lists are kept on the discussion's
 * row; these look up the entries they name, by primary key, never by a scan.
 */
import type { Tx } from '../rules/core';
import type { CommentRow } from './schema';

/** The comments among `ids` that are featured in the discussion. */
export async function featuredCommentIds(
  tx: Tx,
  slug: string,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .selectFrom('comments')
    .select('id')
    .where('id', 'in', ids)
    .where('discussion_slug', '=', slug)
    .where('featured', '=', 1)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** The comments among `ids` that the digest shows: featured and published. */
export function findExtractRows(tx: Tx, slug: string, ids: string[]): Promise<CommentRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('comments')
    .selectAll()
    .where('id', 'in', ids)
    .where('discussion_slug', '=', slug)
    .where('featured', '=', 1)
    .where('status', '=', 'published')
    .execute();
}
