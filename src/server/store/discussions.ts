/** Data access for discussions: one function per question, the transaction first. */
import type { Insertable, Updateable } from 'kysely';
import type { DiscussionsTable, DiscussionRow } from './schema';
import type { Tx } from '../rules/core';
import { prepared } from './prepared';

const discussionBySlug = prepared((db, p: { slug: string }) =>
  db.selectFrom('discussions').selectAll().where('slug', '=', p.slug),
);

export async function findDiscussionRow(tx: Tx, slug: string): Promise<DiscussionRow | undefined> {
  return (await discussionBySlug(tx, { slug })).rows[0];
}

export function listDiscussionRows(tx: Tx): Promise<DiscussionRow[]> {
  return tx.selectFrom('discussions').selectAll().orderBy('starts_on', 'desc').execute();
}

export async function insertDiscussion(tx: Tx, row: Insertable<DiscussionsTable>): Promise<void> {
  await tx.insertInto('discussions').values(row).execute();
}

export async function updateDiscussionRow(
  tx: Tx,
  slug: string,
  changes: Updateable<DiscussionsTable>,
): Promise<void> {
  await tx.updateTable('discussions').set(changes).where('slug', '=', slug).execute();
}

const dueClosings = prepared((db, p: { at: string }) =>
  db
    .selectFrom('discussions')
    .select('slug')
    .where('status', '=', 'open')
    .where('closes_at', 'is not', null)
    .where('closes_at', '<=', p.at),
);

/** Closes the discussions whose scheduled closing has come; returns their slugs. */
export async function closeDueDiscussions(tx: Tx, now: Date): Promise<string[]> {
  const at = now.toISOString();
  const due = (await dueClosings(tx, { at })).rows;
  if (due.length === 0) return [];
  await tx
    .updateTable('discussions')
    .set((eb) => ({
      status: 'closed',
      closed_at: eb.ref('closes_at'),
      closed_reason: eb.fn.coalesce(
        'closed_reason',
        eb.val('The discussion closed at its scheduled time.'),
      ),
    }))
    .where('status', '=', 'open')
    .where('closes_at', '<=', at)
    .execute();
  return due.map((d) => d.slug);
}

/** Slugs taken by `base` or by `base-…`; slugs hold only [a-z0-9-], so LIKE needs no escaping. */
export async function slugsLike(tx: Tx, base: string): Promise<Set<string>> {
  const rows = await tx
    .selectFrom('discussions')
    .select('slug')
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
    .execute();
  return new Set(rows.map((r) => r.slug));
}

/** When the next scheduled closing falls (ms since the epoch), or Infinity when none is due. */
const nextClosing = prepared((db, p: { after: string }) =>
  db
    .selectFrom('discussions')
    .select((eb) => eb.fn.min('closes_at').as('next'))
    .where('status', '=', 'open')
    .where('closes_at', '>', p.after),
);

export async function nextScheduledClosing(tx: Tx, now: Date): Promise<number> {
  const row = (await nextClosing(tx, { after: now.toISOString() })).rows[0];
  return row?.next ? Date.parse(row.next) : Infinity;
}
