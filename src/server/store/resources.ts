/** Data access for shared resources. */
import type { EntryStatus, ResourceKind } from '../../api/contract';
import type { Tx } from '../rules/core';
import type { NewResource, ResourceRow } from './schema';

export async function insertResource(tx: Tx, row: NewResource): Promise<void> {
  await tx.insertInto('resources').values(row).execute();
}

export function findResourceRow(tx: Tx, id: string): Promise<ResourceRow | undefined> {
  return tx.selectFrom('resources').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A discussion's resources, newest first, from the (discussion_slug, created_at) index. */
export function listResourceRows(
  tx: Tx,
  slug: string,
  kind: ResourceKind | undefined,
): Promise<ResourceRow[]> {
  let query = tx.selectFrom('resources').selectAll().where('discussion_slug', '=', slug);
  if (kind) query = query.where('kind', '=', kind);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

/** The earliest entry of a discussion, in one of `statuses`, whose address is one of `urls`. */
export function findResourceByUrl(
  tx: Tx,
  slug: string,
  urls: string[],
  statuses: readonly EntryStatus[],
): Promise<ResourceRow | undefined> {
  return tx
    .selectFrom('resources')
    .selectAll()
    .where('discussion_slug', '=', slug)
    .where('url', 'in', urls)
    .where('status', 'in', statuses)
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
}

/** Resources by id, each only if it belongs to the discussion and is published. */
export function findPublishedResources(
  tx: Tx,
  slug: string,
  ids: string[],
): Promise<ResourceRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('resources')
    .selectAll()
    .where('id', 'in', ids)
    .where('discussion_slug', '=', slug)
    .where('status', '=', 'published')
    .execute();
}
