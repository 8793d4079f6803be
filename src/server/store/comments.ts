/** Data access for comments, their hashtags and their revisions. */
import type { ExpressionBuilder } from 'kysely';
import { ENTRY_STATUSES, type EntryStatus } from '../../api/contract';
import type { Tx } from '../rules/core';
import { hashtagKey } from '../../lib/hashtags';
import { prepared } from './prepared';
import type { CommentRow, CommentTagsTable, DB, NewComment } from './schema';

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

const insertCommentRow = prepared((db, row: NewComment) => db.insertInto('comments').values(row));
const insertTag = prepared((db, row: CommentTagsTable) =>
  db.insertInto('comment_tags').values(row),
);

/** Inserts a comment with its hashtags (for campaign pages). */
export async function insertComment(tx: Tx, row: NewComment): Promise<void> {
  await insertCommentRow(tx, row);
  // A new comment has no tags to replace; one tag, the most common, is a statement kept compiled.
  const tags = tagRows(row.id, row.discussion_slug, JSON.parse(row.hashtags) as string[]);
  const [only] = tags;
  if (tags.length === 1 && only) await insertTag(tx, only);
  else if (tags.length > 1) await tx.insertInto('comment_tags').values(tags).execute();
}

/** Many comments at once, with their hashtags: a statement per table. */
export async function insertComments(tx: Tx, rows: NewComment[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.insertInto('comments').values(rows).execute();
  const tags = rows.flatMap((r) =>
    tagRows(r.id, r.discussion_slug, JSON.parse(r.hashtags) as string[]),
  );
  if (tags.length > 0) await tx.insertInto('comment_tags').values(tags).execute();
}

/** One row per distinct key, labelled as first written. */
function tagRows(commentId: string, slug: string, hashtags: string[]) {
  const seen = new Map<string, string>();
  for (const label of hashtags)
    if (!seen.has(hashtagKey(label))) seen.set(hashtagKey(label), label);
  return [...seen].map(([tag, label]) => ({
    comment_id: commentId,
    discussion_slug: slug,
    tag,
    label,
  }));
}

export async function replaceTags(
  tx: Tx,
  commentId: string,
  slug: string,
  hashtags: string[],
): Promise<void> {
  await tx.deleteFrom('comment_tags').where('comment_id', '=', commentId).execute();
  const rows = tagRows(commentId, slug, hashtags);
  if (rows.length > 0) await tx.insertInto('comment_tags').values(rows).execute();
}

export function findCommentRow(tx: Tx, id: string): Promise<CommentRow | undefined> {
  return tx.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
}

const latestKeyFrom = prepared((db, p: { slug: string; from: string; to: string }) =>
  db
    .selectFrom('comments')
    .select('thread_key')
    .where('discussion_slug', '=', p.slug)
    .where('thread_key', '>=', p.from)
    .where('thread_key', '<', p.to)
    .orderBy('thread_key', 'desc')
    .limit(1),
);

/**
 * The key a new comment takes under `parentKey`: as `threadKey`, except that a
 * sibling of the same millisecond keeps insertion order (its tail starts one
 * higher), as the thread read before keys existed.
 */
export async function nextThreadKey(
  tx: Tx,
  slug: string,
  parentKey: string | null,
  createdAt: string,
): Promise<string> {
  const key = threadKey(parentKey, createdAt);
  const prefix = key.slice(0, key.length - 4);
  const latest = (await latestKeyFrom(tx, { slug, from: prefix, to: `${prefix}~` })).rows[0];
  if (!latest) return key;
  const order = parseInt(latest.thread_key.slice(prefix.length, prefix.length + 2), 36) + 1;
  if (order >= 36 * 36) return key;
  return prefix + order.toString(36).padStart(2, '0') + key.slice(-2);
}

/** Who reads a thread, as much as `canSee` needs to know. */
export interface Reader {
  id: string | null;
  moderator: boolean;
}

/** Statuses only an entry's author and the moderators see. */
const PRIVATE = ENTRY_STATUSES.filter(
  (s) => s !== 'published' && s !== 'hidden' && s !== 'withdrawn',
);

/** `canSee` as a condition on comment rows. */
function visibleTo(reader: Reader) {
  const shared: EntryStatus[] = ['published', 'hidden'];
  return (eb: ExpressionBuilder<DB, 'comments'>) => {
    if (reader.moderator) return eb('status', 'in', [...shared, ...PRIVATE]);
    const everyone = eb('status', 'in', shared);
    if (reader.id === null) return everyone;
    return eb.or([
      everyone,
      eb.and([eb('author_id', '=', reader.id), eb('status', 'in', PRIVATE)]),
    ]);
  };
}

export function findCommentIn(tx: Tx, slug: string, id: string): Promise<CommentRow | undefined> {
  return tx
    .selectFrom('comments')
    .selectAll()
    .where('id', '=', id)
    .where('discussion_slug', '=', slug)
    .executeTakeFirst();
}

/** Where a page starts: after a key, at a key, or (null) at the thread's start. */
export type PageStart = { after: string } | { from: string } | null;

/** Up to `limit` comments the reader sees, in thread order, from `start`. */
export function findThreadPage(
  tx: Tx,
  slug: string,
  reader: Reader,
  start: PageStart,
  limit: number,
): Promise<CommentRow[]> {
  let query = tx
    .selectFrom('comments')
    .selectAll()
    .where('discussion_slug', '=', slug)
    .where(visibleTo(reader));
  if (start && 'after' in start) query = query.where('thread_key', '>', start.after);
  if (start && 'from' in start) query = query.where('thread_key', '>=', start.from);
  return query.orderBy('thread_key').limit(limit).execute();
}

/** Up to `limit` comments the reader sees right before `key`, in thread order. */
export async function findThreadPageBefore(
  tx: Tx,
  slug: string,
  reader: Reader,
  key: string,
  limit: number,
): Promise<CommentRow[]> {
  const rows = await tx
    .selectFrom('comments')
    .selectAll()
    .where('discussion_slug', '=', slug)
    .where(visibleTo(reader))
    .where('thread_key', '<', key)
    .orderBy('thread_key', 'desc')
    .limit(limit)
    .execute();
  return rows.reverse();
}

/** Whether the reader sees any comment before (or after) `key` in the thread. */
export async function seesBeyond(
  tx: Tx,
  slug: string,
  reader: Reader,
  key: string,
  side: 'before' | 'after',
): Promise<boolean> {
  const row = await tx
    .selectFrom('comments')
    .select('id')
    .where('discussion_slug', '=', slug)
    .where(visibleTo(reader))
    .where('thread_key', side === 'before' ? '<' : '>', key)
    .orderBy('thread_key', side === 'before' ? 'desc' : 'asc')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Comments the reader sees that are not published: few, so counted by index
 * (the reader's own apart, so that each count seeks its rows); the published
 * ones are the discussion's counter.
 */
export async function countVisibleUnpublished(
  tx: Tx,
  slug: string,
  reader: Reader,
): Promise<number> {
  const count = async (statuses: EntryStatus[], authorId?: string) => {
    let query = tx
      .selectFrom('comments')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('discussion_slug', '=', slug)
      .where('status', 'in', statuses);
    if (authorId !== undefined) query = query.where('author_id', '=', authorId);
    return Number((await query.executeTakeFirstOrThrow()).n);
  };
  if (reader.moderator) return count(['hidden', ...PRIVATE]);
  const hidden = await count(['hidden']);
  return reader.id === null ? hidden : hidden + (await count(PRIVATE, reader.id));
}

/** The author's edit of a comment still pending; false, changing nothing, once it is not. */
export async function editPendingComment(
  tx: Tx,
  id: string,
  changes: { body: string; html: string; hashtags: string; edited_at: string },
): Promise<boolean> {
  const result = await tx
    .updateTable('comments')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
