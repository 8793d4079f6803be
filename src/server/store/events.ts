/** The events table: what live streams tell of, in commit order, kept for a day. */
import type { Tx } from '../rules/core';
import type { EventRow, NewEvent } from './schema';

export async function insertEvents(tx: Tx, rows: NewEvent[]): Promise<void> {
  await tx.insertInto('events').values(rows).execute();
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
  await tx.deleteFrom('events').where('at', '<', at).execute();
}
