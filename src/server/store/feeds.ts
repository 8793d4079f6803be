/** Data access for the feeds: a discussion's latest published comments. */
import type { Tx } from '../rules/core';
import type { CommentRow } from './schema';

/** Up to `limit` published comments of the discussion, newest first. */
export function findLatestPublishedComments(
  tx: Tx,
  slug: string,
  limit: number,
): Promise<CommentRow[]> {
  return tx
    .selectFrom('comments')
    .selectAll()
    .where('discussion_slug', '=', slug)
    .where('status', '=', 'published')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
