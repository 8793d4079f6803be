/**
 * The one place an entry's status changes. The update names the status the
 * caller saw, so two moderators deciding at once cannot both succeed, and the
 * discussion's published counters move in the same transaction.
 */
import { sql } from 'kysely';
import type { EntryKind, EntryStatus } from '../../api/contract';
import type { Tx } from '../rules/core';
import { prepared } from './prepared';

const table = (kind: EntryKind) => (kind === 'comment' ? 'comments' : 'resources');
const counter = (kind: EntryKind) =>
  kind === 'comment' ? ('published_comments' as const) : ('published_resources' as const);

/**
 * Moves an entry from `from` to `to`, with the moderator's reason (null clears it).
 * Returns false, changing nothing, when the entry is no longer in `from`, or, given
 * the version the caller read (a comment's edited time, else its creation time),
 * when it has been edited since: an edit committed meanwhile is never published unread.
 */
export async function changeStatus(
  tx: Tx,
  kind: EntryKind,
  id: string,
  from: EntryStatus,
  to: EntryStatus,
  reason: string | null,
  version?: string,
): Promise<boolean> {
  let update = tx
    .updateTable(table(kind))
    .set({ status: to, moderation_reason: reason })
    .where('id', '=', id)
    .where('status', '=', from);
  if (kind === 'comment' && version !== undefined) {
    update = update.where(sql<string>`coalesce(edited_at, created_at)`, '=', version);
  }
  const result = await update.returning('discussion_slug').executeTakeFirst();
  if (!result) return false;
  const delta = (to === 'published' ? 1 : 0) - (from === 'published' ? 1 : 0);
  if (delta !== 0) await bumpPublished(tx, kind, result.discussion_slug, delta);
  return true;
}

/** For a new entry that starts published, or one that leaves the thread. */
export async function bumpPublished(
  tx: Tx,
  kind: EntryKind,
  slug: string,
  delta: number,
): Promise<void> {
  await bumps[kind](tx, { slug, delta });
}

const bumpOf = (kind: EntryKind) =>
  prepared((db, p: { slug: string; delta: number }) => {
    const column = counter(kind);
    return db
      .updateTable('discussions')
      .set((eb) => ({ [column]: eb(column, '+', p.delta) }))
      .where('slug', '=', p.slug);
  });

const bumps = { comment: bumpOf('comment'), resource: bumpOf('resource') };

/** Whether the person has a published comment or resource in the discussion. */
export async function hasPublishedEntry(tx: Tx, slug: string, authorId: string): Promise<boolean> {
  for (const kind of ['comment', 'resource'] as const) {
    const row = await tx
      .selectFrom(table(kind))
      .select('id')
      .where('discussion_slug', '=', slug)
      .where('author_id', '=', authorId)
      .where('status', '=', 'published')
      .limit(1)
      .executeTakeFirst();
    if (row) return true;
  }
  return false;
}
