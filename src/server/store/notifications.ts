/** Data access for notifications, follows and each person's email choice. */
import type { EmailChoice } from '../../api/contract';
import type { Tx } from '../rules/core';
import { prepared } from './prepared';
import type { FollowsTable, NotificationRow } from './schema';

const followsOfDiscussion = prepared((db, p: { slug: string }) =>
  db
    .selectFrom('follows')
    .select(['user_id', 'target_kind', 'target_id', 'following'])
    .where('target_kind', '=', 'discussion')
    .where('target_id', '=', p.slug),
);

export async function insertNotifications(tx: Tx, rows: NotificationRow[]): Promise<void> {
  if (rows.length > 0) await tx.insertInto('notifications').values(rows).execute();
}

/** A person's notifications, newest first, after the place `[createdAt, id]` of the last one shown. */
export function findNotificationPage(
  tx: Tx,
  userId: string,
  after: readonly [string, string] | null,
  limit: number,
): Promise<NotificationRow[]> {
  let query = tx.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (after) {
    const [at, id] = after;
    query = query.where((eb) =>
      eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]),
    );
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export async function countUnread(tx: Tx, userId: string): Promise<number> {
  const row = await tx
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Marks one of the person's notifications read; false when they have none of that id. */
export async function markRead(tx: Tx, userId: string, id: string, at: string): Promise<boolean> {
  const found = await tx
    .selectFrom('notifications')
    .select('read_at')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!found) return false;
  if (found.read_at === null) {
    await tx.updateTable('notifications').set({ read_at: at }).where('id', '=', id).execute();
  }
  return true;
}

export async function markAllRead(tx: Tx, userId: string, at: string): Promise<void> {
  await tx
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute();
}

/** Takes back what followers were told of an entry they may no longer see. */
export async function deleteFollowerNotices(tx: Tx, entryId: string): Promise<void> {
  await tx
    .deleteFrom('notifications')
    .where('entry_id', '=', entryId)
    .where('kind', 'in', ['reply', 'comment', 'resource'])
    .execute();
}

/**
 * Takes the named notifications not yet emailed, or all of a person's when
 * `ids` is null, marking them emailed: whoever takes them sends them, once.
 */
export function claimUnemailed(
  tx: Tx,
  userId: string,
  ids: string[] | null,
  at: string,
): Promise<NotificationRow[]> {
  let update = tx
    .updateTable('notifications')
    .set({ emailed_at: at })
    .where('user_id', '=', userId)
    .where('emailed_at', 'is', null);
  if (ids) update = update.where('id', 'in', ids);
  return update.returningAll().execute();
}

/** Gives back notifications an email could not take (the send failed). */
export async function unclaim(tx: Tx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.updateTable('notifications').set({ emailed_at: null }).where('id', 'in', ids).execute();
}

/** Explicit follows and unfollows of a discussion or of any of the given comments. */
export async function findFollowsOf(
  tx: Tx,
  slug: string,
  commentIds: string[],
): Promise<Pick<FollowsTable, 'user_id' | 'target_kind' | 'target_id' | 'following'>[]> {
  // A top-level entry, the most common: one fixed statement, kept compiled.
  if (commentIds.length === 0) return (await followsOfDiscussion(tx, { slug })).rows;
  return tx
    .selectFrom('follows')
    .select(['user_id', 'target_kind', 'target_id', 'following'])
    .where((eb) =>
      eb.or([
        eb.and([eb('target_kind', '=', 'discussion'), eb('target_id', '=', slug)]),
        ...(commentIds.length > 0
          ? [eb.and([eb('target_kind', '=', 'comment'), eb('target_id', 'in', commentIds)])]
          : []),
      ]),
    )
    .execute();
}

/** One person's follows and unfollows in a discussion. */
export function findFollowsIn(
  tx: Tx,
  userId: string,
  slug: string,
): Promise<Pick<FollowsTable, 'target_kind' | 'target_id' | 'following'>[]> {
  return tx
    .selectFrom('follows')
    .select(['target_kind', 'target_id', 'following'])
    .where('user_id', '=', userId)
    .where('discussion_slug', '=', slug)
    .execute();
}

export async function setFollow(tx: Tx, row: FollowsTable): Promise<void> {
  await tx
    .insertInto('follows')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['user_id', 'target_kind', 'target_id']).doUpdateSet({ following: row.following }),
    )
    .execute();
}

/** The person's own comments in a discussion that are still in the thread or waiting. */
export async function findOwnCommentIds(tx: Tx, userId: string, slug: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('comments')
    .select('id')
    .where('discussion_slug', '=', slug)
    .where('author_id', '=', userId)
    .where('status', 'in', ['pending', 'published', 'hidden'])
    .execute();
  return rows.map((r) => r.id);
}

export async function findEmailChoice(tx: Tx, userId: string): Promise<EmailChoice> {
  const row = await tx
    .selectFrom('notification_settings')
    .select('email')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.email ?? 'never';
}

/** Of these people, those who want an email at once, with where to send it. */
export function findAtOnceRecipients(
  tx: Tx,
  userIds: string[],
): Promise<{ id: string; email: string; display_name: string }[]> {
  if (userIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('notification_settings')
    .innerJoin('users', 'users.id', 'notification_settings.user_id')
    .select(['users.id', 'users.email', 'users.display_name'])
    .where('notification_settings.email', '=', 'at-once')
    .where('users.id', 'in', userIds)
    .execute();
}

export async function setEmailChoice(tx: Tx, userId: string, email: EmailChoice): Promise<void> {
  await tx
    .insertInto('notification_settings')
    .values({ user_id: userId, email, last_digest_at: null })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ email }))
    .execute();
}

/** People on the daily digest whose last one was taken before `before`. */
export function findDigestDue(
  tx: Tx,
  before: string,
): Promise<{ id: string; email: string; display_name: string }[]> {
  return tx
    .selectFrom('notification_settings')
    .innerJoin('users', 'users.id', 'notification_settings.user_id')
    .select(['users.id', 'users.email', 'users.display_name'])
    .where('notification_settings.email', '=', 'daily')
    .where((eb) =>
      eb.or([
        eb('notification_settings.last_digest_at', 'is', null),
        eb('notification_settings.last_digest_at', '<', before),
      ]),
    )
    .execute();
}

/** Takes the person's digest for now, unless another server or run took it since `before`. */
export async function claimDigest(
  tx: Tx,
  userId: string,
  before: string,
  at: string,
): Promise<boolean> {
  const rows = await tx
    .updateTable('notification_settings')
    .set({ last_digest_at: at })
    .where('user_id', '=', userId)
    .where('email', '=', 'daily')
    .where((eb) => eb.or([eb('last_digest_at', 'is', null), eb('last_digest_at', '<', before)]))
    .returning('user_id')
    .execute();
  return rows.length > 0;
}
