/** Data access for one-time password reset links; only each token's hash is stored. */
import type { Tx } from '../rules/core';

export async function insertReset(
  tx: Tx,
  row: { token_hash: string; user_id: string; created_at: string; expires_at: string },
): Promise<void> {
  await tx.insertInto('password_resets').values(row).execute();
}

/**
 * Takes the link: deletes it and says whose it was, if it was still valid at
 * `now`. Deleting first makes a second use (even a concurrent one) find nothing.
 */
export async function takeReset(tx: Tx, tokenHash: string, now: string): Promise<string | null> {
  const row = await tx
    .selectFrom('password_resets')
    .select(['user_id', 'expires_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return null;
  const taken = await tx
    .deleteFrom('password_resets')
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (Number(taken.numDeletedRows) !== 1 || row.expires_at <= now) return null;
  return row.user_id;
}

export async function findValidReset(tx: Tx, tokenHash: string, now: string): Promise<boolean> {
  const row = await tx
    .selectFrom('password_resets')
    .select('token_hash')
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row !== undefined;
}

/** Earlier links of the person stop working when a new one is issued or a password is set. */
export async function deleteResetsOf(tx: Tx, userId: string): Promise<void> {
  await tx.deleteFrom('password_resets').where('user_id', '=', userId).execute();
}
