/** Data access for participants' flags on entries. */
import type { Insertable } from 'kysely';
import type { EntryKind, FlagReason } from '../../api/contract';
import type { Tx } from '../rules/core';
import type { FlagsTable } from './schema';

/** Inserts a flag; false when this person already flagged the entry (the schema allows one each). */
export async function insertFlag(tx: Tx, row: Insertable<FlagsTable>): Promise<boolean> {
  const inserted = await tx
    .insertInto('flags')
    .values(row)
    .onConflict((oc) => oc.columns(['kind', 'target_id', 'user_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Open flags on an entry; each is from a different person. */
export async function countOpenFlags(tx: Tx, kind: EntryKind, id: string): Promise<number> {
  const row = await tx
    .selectFrom('flags')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('open', '=', 1)
    .where('kind', '=', kind)
    .where('target_id', '=', id)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Closes an entry's open flags; returns how many were open. */
export async function closeOpenFlags(tx: Tx, kind: EntryKind, id: string): Promise<number> {
  const closed = await tx
    .updateTable('flags')
    .set({ open: 0 })
    .where('open', '=', 1)
    .where('kind', '=', kind)
    .where('target_id', '=', id)
    .returning('id')
    .execute();
  return closed.length;
}

/** Every entry of a kind with open flags, with the time of its first open flag. */
export function findOpenFlagTargets(
  tx: Tx,
  kind: EntryKind,
): Promise<{ target_id: string; since: string }[]> {
  return tx
    .selectFrom('flags')
    .select(['target_id', (eb) => eb.fn.min('created_at').as('since')])
    .where('open', '=', 1)
    .where('kind', '=', kind)
    .groupBy('target_id')
    .execute();
}

export interface FlagGroup {
  target_id: string;
  reason: FlagReason;
  count: number;
  first: string;
}

/** Open flags of the given entries, counted by reason. */
export async function countOpenFlagsByReason(
  tx: Tx,
  kind: EntryKind,
  ids: string[],
): Promise<FlagGroup[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .selectFrom('flags')
    .select([
      'target_id',
      'reason',
      (eb) => eb.fn.countAll().as('n'),
      (eb) => eb.fn.min('created_at').as('first'),
    ])
    .where('open', '=', 1)
    .where('kind', '=', kind)
    .where('target_id', 'in', ids)
    .groupBy(['target_id', 'reason'])
    .execute();
  return rows.map((r) => ({
    target_id: r.target_id,
    reason: r.reason,
    count: Number(r.n),
    first: r.first,
  }));
}

/** The notes of the given entries' open flags, in the order they were written. */
export function findOpenFlagNotes(
  tx: Tx,
  kind: EntryKind,
  ids: string[],
): Promise<{ target_id: string; reason: FlagReason; note: string }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('flags')
    .select(['target_id', 'reason', 'note'])
    .where('open', '=', 1)
    .where('kind', '=', kind)
    .where('target_id', 'in', ids)
    .where('note', '<>', '')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
