/** Idempotency keys: the first answer to a write, kept a day for the same key's retries. */
import type { Tx } from '../rules/core';
import { prepared } from './prepared';
import type { IdempotencyTable } from './schema';

const findKept = prepared((db, p: { userId: string; key: string; since: string }) =>
  db
    .selectFrom('idempotency')
    .select(['status', 'body', 'request_hash'])
    .where('user_id', '=', p.userId)
    .where('key', '=', p.key)
    .where('created_at', '>=', p.since)
    .where('request_hash', 'is not', null),
);

/** The answer kept for this person's key, if given since `since` and bound to a request. */
export async function findKeptAnswer(
  tx: Tx,
  userId: string,
  key: string,
  since: string,
): Promise<Pick<IdempotencyTable, 'status' | 'body' | 'request_hash'> | undefined> {
  return (await findKept(tx, { userId, key, since })).rows[0];
}

const deleteStale = prepared((db, p: { userId: string; key: string; since: string }) =>
  db
    .deleteFrom('idempotency')
    .where('user_id', '=', p.userId)
    .where('key', '=', p.key)
    .where((eb) => eb.or([eb('created_at', '<', p.since), eb('request_hash', 'is', null)])),
);
const deleteExpired = prepared((db, p: { since: string }) =>
  db.deleteFrom('idempotency').where('created_at', '<', p.since),
);
const insertKept = prepared((db, row: IdempotencyTable) =>
  db.insertInto('idempotency').values(row),
);

/**
 * Keeps a first answer under its key. The key's own expired or unbound row goes
 * first, by the primary key; then every key past its day, along the index of
 * times: no write reads all of a person's keys.
 */
export async function keepAnswer(tx: Tx, row: IdempotencyTable, since: string): Promise<void> {
  await deleteStale(tx, { userId: row.user_id, key: row.key, since });
  await deleteExpired(tx, { since });
  await insertKept(tx, row);
}
