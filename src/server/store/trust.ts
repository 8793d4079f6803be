/** Data access for how far the forum trusts an account: its published entries, what it has waiting, whose flags count. */
import type { ExpressionBuilder } from 'kysely';
import type { EntryKind } from '../../api/contract';
import type { Tx } from '../rules/core';
import type { DB, UserRow } from './schema';

/** Whether the person has a published comment or resource in any discussion. */
export async function hasAnyPublished(tx: Tx, authorId: string): Promise<boolean> {
  for (const table of ['comments', 'resources'] as const) {
    const row = await tx
      .selectFrom(table)
      .select('id')
      .where('author_id', '=', authorId)
      .where('status', '=', 'published')
      .limit(1)
      .executeTakeFirst();
    if (row) return true;
  }
  return false;
}

/** The person's comments and resources waiting for a moderator, in every discussion. */
export async function countPendingBy(tx: Tx, authorId: string): Promise<number> {
  let total = 0;
  for (const table of ['comments', 'resources'] as const) {
    const row = await tx
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .where('author_id', '=', authorId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    total += Number(row?.n ?? 0);
  }
  return total;
}

/** The flagger made their account before `joinedBefore`, or has a published entry. */
const established = (eb: ExpressionBuilder<DB, 'flags' | 'users'>, joinedBefore: string) =>
  eb.or([
    eb('users.created_at', '<=', joinedBefore),
    ...(['comments', 'resources'] as const).map((table) =>
      eb.exists(
        eb
          .selectFrom(table)
          .select(`${table}.id`)
          .whereRef(`${table}.author_id`, '=', 'flags.user_id')
          .where(`${table}.status`, '=', 'published'),
      ),
    ),
  ]);

/** Open flags on an entry from people the forum trusts (see `established`); one each. */
export async function countEstablishedFlags(
  tx: Tx,
  kind: EntryKind,
  id: string,
  joinedBefore: string,
): Promise<number> {
  const row = await tx
    .selectFrom('flags')
    .innerJoin('users', 'users.id', 'flags.user_id')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('flags.open', '=', 1)
    .where('flags.kind', '=', kind)
    .where('flags.target_id', '=', id)
    .where((eb) => established(eb, joinedBefore))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** When each of the given accounts was made, and its role. */
export function findJoinDates(
  tx: Tx,
  ids: string[],
): Promise<Pick<UserRow, 'id' | 'created_at' | 'role'>[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('users')
    .select(['id', 'created_at', 'role'])
    .where('id', 'in', ids)
    .execute();
}
