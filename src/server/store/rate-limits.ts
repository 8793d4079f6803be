/**
 * Data access for rate limit counters: one row per bucket, subject and fixed
 * window. The database holds them, so every server on it counts the same hits.
 */
import { sql } from 'kysely';
import type { Tx } from '../rules/core';

/** Counts one more hit in the window and answers the window's hits so far, this one included. */
export async function countHit(
  tx: Tx,
  bucket: string,
  subject: string,
  windowStart: string,
): Promise<number> {
  // One statement on both engines: two servers counting at once each get their own total.
  const row = await tx
    .insertInto('rate_limits')
    .values({ bucket, subject, window_start: windowStart, hits: 1 })
    .onConflict((oc) =>
      oc
        .columns(['bucket', 'subject', 'window_start'])
        .doUpdateSet({ hits: sql<number>`rate_limits.hits + 1` }),
    )
    .returning('hits')
    .executeTakeFirstOrThrow();
  return row.hits;
}

/** The window's hits so far, without counting one. */
export async function findHits(
  tx: Tx,
  bucket: string,
  subject: string,
  windowStart: string,
): Promise<number> {
  const row = await tx
    .selectFrom('rate_limits')
    .select('hits')
    .where('bucket', '=', bucket)
    .where('subject', '=', subject)
    .where('window_start', '=', windowStart)
    .executeTakeFirst();
  return row ? row.hits : 0;
}

/** Gives one hit back, e.g. for a sign-in that turned out right. */
export async function returnHit(
  tx: Tx,
  bucket: string,
  subject: string,
  windowStart: string,
): Promise<void> {
  await tx
    .updateTable('rate_limits')
    .set({ hits: sql<number>`hits - 1` })
    .where('bucket', '=', bucket)
    .where('subject', '=', subject)
    .where('window_start', '=', windowStart)
    .where('hits', '>', 0)
    .execute();
}

/** Drops a bucket's windows that started before `windowStart`: they no longer limit anyone. */
export async function pruneWindows(tx: Tx, bucket: string, windowStart: string): Promise<void> {
  await tx
    .deleteFrom('rate_limits')
    .where('bucket', '=', bucket)
    .where('window_start', '<', windowStart)
    .execute();
}
