/** Data access for moderation: what waits for a decision, what a decision writes, and the log. */
import { type Insertable, type SqlBool, sql } from 'kysely';
import type { EntryStatus } from '../../api/contract';
import type { Tx } from '../rules/core';
import type { CommentRow, LogRow, LogTable, ResourceRow } from './schema';

/**
 * Where a page of waiting entries starts in one table: after `since`, and at
 * `since` itself all rows, none, or those after an id (the queue orders by
 * time, then kind, then id).
 */
export interface PendingStart {
  since: string;
  atSince: 'all' | 'none' | { after: string };
}

/** The rows of a table from a page's start on, in the queue's order of time then id. */
function fromStart({ since, atSince }: PendingStart) {
  if (atSince === 'all') return sql<SqlBool>`created_at >= ${since}`;
  if (atSince === 'none') return sql<SqlBool>`created_at > ${since}`;
  return sql<SqlBool>`(created_at > ${since} or (created_at = ${since} and id > ${atSince.after}))`;
}

/** Up to `limit` comments waiting for a first decision, oldest first, from `start`. */
export function findPendingComments(
  tx: Tx,
  slug: string | undefined,
  start: PendingStart | null,
  limit: number,
): Promise<CommentRow[]> {
  let query = tx.selectFrom('comments').selectAll().where('status', '=', 'pending');
  if (slug !== undefined) query = query.where('discussion_slug', '=', slug);
  if (start) query = query.where(fromStart(start));
  return query.orderBy('created_at').orderBy('id').limit(limit).execute();
}

/** As findPendingComments, for resources. */
export function findPendingResources(
  tx: Tx,
  slug: string | undefined,
  start: PendingStart | null,
  limit: number,
): Promise<ResourceRow[]> {
  let query = tx.selectFrom('resources').selectAll().where('status', '=', 'pending');
  if (slug !== undefined) query = query.where('discussion_slug', '=', slug);
  if (start) query = query.where(fromStart(start));
  return query.orderBy('created_at').orderBy('id').limit(limit).execute();
}

/** How many entries of one table wait for a first decision. */
export async function countPending(
  tx: Tx,
  table: 'comments' | 'resources',
  slug: string | undefined,
): Promise<number> {
  let query = tx
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .where('status', '=', 'pending');
  if (slug !== undefined) query = query.where('discussion_slug', '=', slug);
  const row = await query.executeTakeFirst();
  return Number(row?.n ?? 0);
}

interface RowFilter {
  /** Only rows in one of these statuses. */
  statuses?: EntryStatus[];
  /** Only rows of this discussion. */
  slug?: string;
}

/** The comments of the given ids that pass the filter. */
export function findCommentsIn(
  tx: Tx,
  ids: string[],
  { statuses, slug }: RowFilter = {},
): Promise<CommentRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  let query = tx.selectFrom('comments').selectAll().where('id', 'in', ids);
  if (statuses !== undefined) query = query.where('status', 'in', statuses);
  if (slug !== undefined) query = query.where('discussion_slug', '=', slug);
  return query.execute();
}

export function findResourcesIn(
  tx: Tx,
  ids: string[],
  { statuses, slug }: RowFilter = {},
): Promise<ResourceRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  let query = tx.selectFrom('resources').selectAll().where('id', 'in', ids);
  if (statuses !== undefined) query = query.where('status', 'in', statuses);
  if (slug !== undefined) query = query.where('discussion_slug', '=', slug);
  return query.execute();
}

export function findDiscussionTitles(
  tx: Tx,
  slugs: string[],
): Promise<{ slug: string; title: string }[]> {
  if (slugs.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('discussions')
    .select(['slug', 'title'])
    .where('slug', 'in', slugs)
    .execute();
}

export interface Outcome {
  author_id: string | null;
  status: EntryStatus;
  count: number;
}

/** How the given authors' comments and resources stand: counts by status, withdrawn ones aside. */
export async function countOutcomesByAuthor(tx: Tx, authorIds: string[]): Promise<Outcome[]> {
  if (authorIds.length === 0) return [];
  const decided: EntryStatus[] = ['published', 'rejected', 'hidden', 'pending'];
  const counts = await Promise.all(
    (['comments', 'resources'] as const).map((table) =>
      tx
        .selectFrom(table)
        .select(['author_id', 'status', (eb) => eb.fn.countAll().as('n')])
        .where('author_id', 'in', authorIds)
        .where('status', 'in', decided)
        .groupBy(['author_id', 'status'])
        .execute(),
    ),
  );
  return counts
    .flat()
    .map((r) => ({ author_id: r.author_id, status: r.status, count: Number(r.n) }));
}

/** Features or unfeatures a comment still in `status`; false when it was not as expected. */
export async function setFeatured(
  tx: Tx,
  id: string,
  featured: boolean,
  status: EntryStatus,
): Promise<boolean> {
  const changed = await tx
    .updateTable('comments')
    .set({ featured: featured ? 1 : 0 })
    .where('id', '=', id)
    .where('featured', '=', featured ? 0 : 1)
    .where('status', '=', status)
    .returning('id')
    .executeTakeFirst();
  return changed !== undefined;
}

/**
 * Takes a comment out of the digest's order and, when featured, puts it last.
 * The update names the order it read, so a concurrent change is retried, not lost.
 */
export async function placeInDigest(
  tx: Tx,
  slug: string,
  commentId: string,
  featured: boolean,
): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const row = await tx
      .selectFrom('discussions')
      .select('digest_order')
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow();
    const order = (JSON.parse(row.digest_order) as string[]).filter((id) => id !== commentId);
    if (featured) order.push(commentId);
    const written = await tx
      .updateTable('discussions')
      .set({ digest_order: JSON.stringify(order) })
      .where('slug', '=', slug)
      .where('digest_order', '=', row.digest_order)
      .returning('slug')
      .executeTakeFirst();
    if (written) return;
  }
  throw new Error(`The digest order of ${slug} kept changing.`);
}

/** A moderator's edit: the text before it becomes a revision, then the comment takes the new one. */
export async function recordModeratorEdit(
  tx: Tx,
  id: string,
  edit: { body: string; html: string; hashtags: string[]; editedAt: string; editedBy: string },
): Promise<void> {
  const before = await tx
    .selectFrom('comments')
    .select('body')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('revisions')
    .values({
      comment_id: id,
      body: before.body,
      edited_at: edit.editedAt,
      edited_by: edit.editedBy,
    })
    .execute();
  await tx
    .updateTable('comments')
    .set({
      body: edit.body,
      html: edit.html,
      hashtags: JSON.stringify(edit.hashtags),
      edited_at: edit.editedAt,
    })
    .where('id', '=', id)
    .execute();
}

export async function insertLogEntry(tx: Tx, row: Insertable<LogTable>): Promise<void> {
  await tx.insertInto('moderation_log').values(row).execute();
}

/** The log, newest first, filtered on what is given. */
export function findLogEntries(
  tx: Tx,
  filter: { discussion?: string; action?: string; moderator?: string },
): Promise<LogRow[]> {
  let query = tx.selectFrom('moderation_log').selectAll();
  if (filter.discussion) query = query.where('discussion_slug', '=', filter.discussion);
  if (filter.action) query = query.where('action', '=', filter.action as LogRow['action']);
  if (filter.moderator) query = query.where('moderator_id', '=', filter.moderator);
  return query.orderBy('seq', 'desc').execute();
}

/** Who wrote each of these comments and what it says, for the log's rows. */
export function findCommentGists(
  tx: Tx,
  ids: string[],
): Promise<{ id: string; author_name: string; html: string }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('comments')
    .select(['id', 'author_name', 'html'])
    .where('id', 'in', ids)
    .execute();
}

/** Who shared each of these resources and its title, for the log's rows. */
export function findResourceGists(
  tx: Tx,
  ids: string[],
): Promise<{ id: string; author_name: string | null; title: string }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('resources')
    .select(['id', 'author_name', 'title'])
    .where('id', 'in', ids)
    .execute();
}

/** Everyone who has logged a decision, under the name of their latest one. */
export function findLogModerators(
  tx: Tx,
): Promise<{ moderator_id: string; moderator_name: string }[]> {
  return tx
    .selectFrom('moderation_log')
    .select(['moderator_id', 'moderator_name'])
    .where('seq', 'in', (eb) =>
      eb
        .selectFrom('moderation_log')
        .select((s) => s.fn.max('seq').as('seq'))
        .groupBy('moderator_id'),
    )
    .execute();
}
