/** Data access for accounts and their sessions. */
import type { Insertable } from 'kysely';
import type { Tx } from '../rules/core';
import { prepared } from './prepared';
import type { UserRow, UsersTable } from './schema';

export function findUserByEmail(tx: Tx, email: string): Promise<UserRow | undefined> {
  return tx.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export function findUser(tx: Tx, id: string): Promise<UserRow | undefined> {
  return tx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(tx: Tx, row: Insertable<UsersTable>): Promise<void> {
  await tx.insertInto('users').values(row).execute();
}

const userBySession = prepared((db, p: { tokenHash: string }) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.created_at as session_created_at', 'sessions.last_seen_at'])
    .where('sessions.token_hash', '=', p.tokenHash),
);

export interface SessionUser {
  user: UserRow;
  createdAt: string;
  lastSeenAt: string;
}

export async function findUserBySession(
  tx: Tx,
  tokenHash: string,
): Promise<SessionUser | undefined> {
  const row = (await userBySession(tx, { tokenHash })).rows[0];
  if (!row) return undefined;
  const { session_created_at: createdAt, last_seen_at: lastSeenAt, ...user } = row;
  return { user, createdAt, lastSeenAt: lastSeenAt ?? createdAt };
}

export async function insertSession(
  tx: Tx,
  tokenHash: string,
  userId: string,
  at: string,
): Promise<void> {
  await tx
    .insertInto('sessions')
    .values({ token_hash: tokenHash, user_id: userId, created_at: at, last_seen_at: at })
    .execute();
}

export async function touchSession(tx: Tx, tokenHash: string, at: string): Promise<void> {
  await tx
    .updateTable('sessions')
    .set({ last_seen_at: at })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function deleteSession(tx: Tx, tokenHash: string): Promise<void> {
  await tx.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Ends every session of a user (sign-out everywhere, password change, suspension), except perhaps the one making the change. */
export async function endSessions(tx: Tx, userId: string, exceptTokenHash?: string): Promise<void> {
  let query = tx.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptTokenHash !== undefined) query = query.where('token_hash', '!=', exceptTokenHash);
  await query.execute();
}
