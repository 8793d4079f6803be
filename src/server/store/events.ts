/** The events table: what live streams tell of, in commit order, kept for a day. */
import type { Tx } from '../rules/core';
import { prepared } from './prepared';
import type { EventRow, NewEvent } from './schema';

const insertEvent = prepared((db, row: NewEvent) => db.insertInto('events').values(row));
const deleteBefore = prepared((db, p: { at: string }) =>
  db.deleteFrom('events').where('at', '<', p.at),
);

export async function insertEvents(tx: Tx, rows: NewEvent[]): Promise<void> {
  // Most writes raise one event: that statement is kept compiled.
  const [only] = rows;
  if (rows.length === 1 && only) await insertEvent(tx, only);
  else await tx.insertInto('events').values(rows).execute();
}

/** Events after `after`, oldest first, at most `limit`. */
export function findEventsAfter(tx: Tx, after: number, limit: number): Promise<EventRow[]> {
  return tx
    .selectFrom('events')
    .selectAll()
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The first and last ids kept; both null when there is none. */
export async function findEventBounds(
  tx: Tx,
): Promise<{ first: number | null; last: number | null }> {
  const row = await tx
    .selectFrom('events')
    .select((eb) => [eb.fn.min('id').as('first'), eb.fn.max('id').as('last')])
    .executeTakeFirst();
  return { first: row?.first ?? null, last: row?.last ?? null };
}

export async function deleteEventsBefore(tx: Tx, at: string): Promise<void> {
  await deleteBefore(tx, { at });
}
