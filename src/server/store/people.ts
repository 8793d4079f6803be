/** Data access for moderators' list of people and for changes to one account. */
import type { EntryStatus, Role } from '../../api/contract';
import type { Tx } from '../rules/core';
import type { UserRow } from './schema';

/** The most accounts the people page lists, newest first. */
export const PEOPLE_LIMIT = 500;

export function listUsers(tx: Tx): Promise<UserRow[]> {
  return tx
    .selectFrom('users')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(PEOPLE_LIMIT)
    .execute();
}

export interface EntryCount {
  author_id: string | null;
  status: EntryStatus;
  n: number | string | bigint;
}

/** Comments and resources of these authors, counted by status (through the author indexes). */
export async function countEntriesByAuthor(tx: Tx, ids: string[]): Promise<EntryCount[]> {
  if (ids.length === 0) return [];
  const count = (table: 'comments' | 'resources') =>
    tx
      .selectFrom(table)
      .select(['author_id', 'status', (eb) => eb.fn.countAll().as('n')])
      .where('author_id', 'in', ids)
      .groupBy(['author_id', 'status'])
      .execute() as Promise<EntryCount[]>;
  return [...(await count('comments')), ...(await count('resources'))];
}

export async function setRole(tx: Tx, id: string, role: Role): Promise<void> {
  await tx.updateTable('users').set({ role }).where('id', '=', id).execute();
}

export async function setSuspended(tx: Tx, id: string, at: string | null): Promise<void> {
  await tx.updateTable('users').set({ suspended_at: at }).where('id', '=', id).execute();
}

export async function setProfile(
  tx: Tx,
  id: string,
  profile: { display_name: string; organisation: string | null },
): Promise<void> {
  await tx.updateTable('users').set(profile).where('id', '=', id).execute();
}

export async function setPasswordHash(tx: Tx, id: string, hash: string): Promise<void> {
  await tx.updateTable('users').set({ password_hash: hash }).where('id', '=', id).execute();
}

/**
 * The person's entries stay, under a neutral name and without the link to the
 * account; then the account (email, password hash, sessions, reset links, notifications and follows) goes.
 */
export async function deleteUserKeepingEntries(tx: Tx, id: string, label: string): Promise<void> {
  await tx
    .updateTable('comments')
    .set({ author_id: null, author_name: label, author_organisation: null })
    .where('author_id', '=', id)
    .execute();
  await tx
    .updateTable('resources')
    .set({ author_id: null, author_name: label, author_organisation: null })
    .where('author_id', '=', id)
    .execute();
  await tx.deleteFrom('password_resets').where('user_id', '=', id).execute();
  await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
  for (const table of ['notifications', 'follows', 'notification_settings'] as const) {
    await tx.deleteFrom(table).where('user_id', '=', id).execute();
  }
  await tx.deleteFrom('users').where('id', '=', id).execute();
}
