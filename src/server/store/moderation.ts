/** Data access for moderation: what waits for a decision, what a decision writes, and the log. */
import type { Insertable } from 'kysely';
import type { EntryStatus } from '../../api/contract';
import type { Tx } from '../rules/core';
import type { CommentRow, LogRow, LogTable, ResourceRow } from './schema';

/** Comments waiting for a first decision, oldest first. */
export function findPendingComments(tx: Tx, slug: string | undefined): Promise<CommentRow[]> {
  let query = tx.selectFrom('comments').selectAll().where('status', '=', 'pending');
  if (slug !== undefined) query = query.where('discussion_slug', '=', slug);
  return query.orderBy('created_at').orderBy('id').execute();
}

export function findPendingResources(tx: Tx, slug: string | undefined): Promise<ResourceRow[]> {
  let query = tx.selectFrom('resources').selectAll().where('status', '=', 'pending');
  if (slug !== undefined) query = query.where('discussion_slug', '=', slug);
  return query.orderBy('created_at').orderBy('id').execute();
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
