/** Data access for comments, their hashtags and their revisions. */
import type { Tx } from '../rules/core';
import { hashtagKey } from '../../lib/hashtags';
import type { CommentRow, NewComment } from './schema';

/**
 * A comment's segment of the thread key: its time in fixed-width base 36, then a
 * random tail that keeps two comments of the same millisecond apart.
 */
export function threadSegment(createdAt: string): string {
  const time = Date.parse(createdAt).toString(36).padStart(9, '0');
  const tail = Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) =>
    (b % 36).toString(36),
  ).join('');
  return time + tail;
}

/** Under its parent's key, so that ordering by key reads each thread depth first. */
export const threadKey = (parentKey: string | null, createdAt: string) =>
  parentKey === null ? threadSegment(createdAt) : `${parentKey}/${threadSegment(createdAt)}`;

/** Inserts a comment with its hashtags (for campaign pages). */
export async function insertComment(tx: Tx, row: NewComment): Promise<void> {
  await tx.insertInto('comments').values(row).execute();
  await replaceTags(tx, row.id, row.discussion_slug, JSON.parse(row.hashtags) as string[]);
}

export async function replaceTags(
  tx: Tx,
  commentId: string,
  slug: string,
  hashtags: string[],
): Promise<void> {
  await tx.deleteFrom('comment_tags').where('comment_id', '=', commentId).execute();
  const seen = new Map<string, string>();
  for (const label of hashtags)
    if (!seen.has(hashtagKey(label))) seen.set(hashtagKey(label), label);
  if (seen.size === 0) return;
  await tx
    .insertInto('comment_tags')
    .values(
      [...seen].map(([tag, label]) => ({
        comment_id: commentId,
        discussion_slug: slug,
        tag,
        label,
      })),
    )
    .execute();
}

export function findCommentRow(tx: Tx, id: string): Promise<CommentRow | undefined> {
  return tx.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
}
