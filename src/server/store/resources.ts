/** Data access for shared resources. */
import type { Tx } from '../rules/core';
import type { NewResource, ResourceRow } from './schema';

export async function insertResource(tx: Tx, row: NewResource): Promise<void> {
  await tx.insertInto('resources').values(row).execute();
}

export function findResourceRow(tx: Tx, id: string): Promise<ResourceRow | undefined> {
  return tx.selectFrom('resources').selectAll().where('id', '=', id).executeTakeFirst();
}
