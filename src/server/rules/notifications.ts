/**
 * Who is told what, in one place: the author of an entry a moderator decided
 * on, and the followers of a discussion or a thread when an entry is published
 * there. Notifications are written in the transaction of what caused them; an
 * email at once goes after it commits. Also each person's list, unread count,
 * marking read, and the email choice.
 */
import {
  notificationListQuerySchema,
  notificationSettingsSchema,
  type EntryKind,
  type ModerationAction,
  type Notification,
  type NotificationKind,
  type NotificationPage,
  type NotificationSettings,
  type UnreadNotifications,
} from '../../api/contract';
import { excerpt } from '../../lib/excerpt';
import type { MailedNotification, Mailer } from '../mail';
import { findCommentRow } from '../store/comments';
import { findCommentsIn, findDiscussionTitles, findResourcesIn } from '../store/moderation';
import {
  claimDigest,
  claimUnemailed,
  countUnread,
  deleteFollowerNotices,
  findAtOnceRecipients,
  findDigestDue,
  findEmailChoice,
  findFollowsOf,
  findNotificationPage,
  insertNotifications,
  markAllRead,
  markRead,
  setEmailChoice,
  unclaim,
} from '../store/notifications';
import type { CommentRow, NotificationRow, ResourceRow } from '../store/schema';
import { type Ctx, RuleError, type Tx, newId, notFound, parse, requireUser } from './core';
import { raise } from './live';

type Entry = { kind: 'comment'; row: CommentRow } | { kind: 'resource'; row: ResourceRow };

/** What the author is told of each decision; decisions not listed tell nobody. */
const TOLD: Partial<Record<ModerationAction, NotificationKind>> = {
  approve: 'published',
  'edit-approve': 'edited',
  reject: 'rejected',
  hide: 'hidden',
  restore: 'restored',
};

const notice = (
  userId: string,
  kind: NotificationKind,
  entry: Entry,
  reason: string | null,
  at: string,
): NotificationRow => ({
  id: newId('n'),
  user_id: userId,
  kind,
  entry_kind: entry.kind,
  entry_id: entry.row.id,
  discussion_slug: entry.row.discussion_slug,
  reason,
  created_at: at,
  read_at: null,
  emailed_at: null,
});

/** Writes the notifications and, where SMTP is set up, mails those who want it at once after the commit. */
async function tell(ctx: Ctx, rows: NotificationRow[]): Promise<void> {
  await insertNotifications(ctx.tx, rows);
  // Each person told hears of it on their open pages' streams, addressed to them alone.
  for (const userId of new Set(rows.map((r) => r.user_id))) {
    raise(ctx, { kind: 'notification', userId }, 'user', userId);
  }
  const { mail, afterCommit } = ctx;
  if (!mail || !afterCommit || rows.length === 0) return;
  const recipients = await findAtOnceRecipients(ctx.tx, [...new Set(rows.map((r) => r.user_id))]);
  if (recipients.length === 0) return;
  const ids = rows.map((r) => r.id);
  const at = ctx.now.toISOString();
  afterCommit(async (db) => {
    for (const person of recipients) {
      await mailClaimed(db, mail, person, false, (tx) => claimUnemailed(tx, person.id, ids, at));
    }
  });
}

/**
 * After a moderator's decision on an entry (`before` is the entry as it was):
 * its author is told, followers are told of a first publication, and followers
 * are untold of an entry rejected after it was published.
 */
export async function notifyDecision(
  ctx: Ctx,
  moderatorId: string,
  action: ModerationAction,
  before: Entry,
  reason: string | null,
): Promise<void> {
  const at = ctx.now.toISOString();
  const kind = TOLD[action];
  const author = before.row.author_id;
  const rows: NotificationRow[] = [];
  if (kind && author && author !== moderatorId) {
    const toldWhy = kind === 'rejected' || kind === 'hidden' ? reason : null;
    rows.push(notice(author, kind, before, toldWhy, at));
  }
  if (before.row.status === 'pending' && (action === 'approve' || action === 'edit-approve')) {
    rows.push(...(await followerNotices(ctx, before, at)));
  }
  if (action === 'reject' && before.row.status !== 'pending') {
    await deleteFollowerNotices(ctx.tx, before.row.id);
  }
  await tell(ctx, rows);
}

/** A new entry published at once (no moderation): its followers are told. */
export async function notifyPublished(ctx: Ctx, entry: Entry): Promise<void> {
  await tell(ctx, await followerNotices(ctx, entry, ctx.now.toISOString()));
}

/** The comments a reply is under: its parent, and the parent's parent. */
async function ancestorsOf(ctx: Ctx, comment: CommentRow): Promise<CommentRow[]> {
  const found: CommentRow[] = [];
  let parentId = comment.parent_id;
  while (parentId !== null && found.length < 5) {
    const parent = await findCommentRow(ctx.tx, parentId);
    if (!parent) break;
    found.push(parent);
    parentId = parent.parent_id;
  }
  return found;
}

/**
 * Who follows where a published entry appears: the discussion's followers, and
 * for a reply each thread it is in (followed explicitly, or by the author of the
 * comment it is under, unless they unfollowed it). Each person once; never its author.
 */
async function followerNotices(ctx: Ctx, entry: Entry, at: string): Promise<NotificationRow[]> {
  const ancestors = entry.kind === 'comment' ? await ancestorsOf(ctx, entry.row) : [];
  const follows = await findFollowsOf(
    ctx.tx,
    entry.row.discussion_slug,
    ancestors.map((a) => a.id),
  );
  const choice = (userId: string, kind: 'discussion' | 'comment', id: string) =>
    follows.find((f) => f.user_id === userId && f.target_kind === kind && f.target_id === id)
      ?.following;
  const inThread = new Set<string>();
  for (const a of ancestors) {
    for (const f of follows) {
      if (f.target_kind === 'comment' && f.target_id === a.id && f.following === 1) {
        inThread.add(f.user_id);
      }
    }
    if (a.author_id && choice(a.author_id, 'comment', a.id) !== 0) inThread.add(a.author_id);
  }
  const inDiscussion = follows
    .filter((f) => f.target_kind === 'discussion' && f.following === 1)
    .map((f) => f.user_id);
  const author = entry.row.author_id;
  const told = new Map<string, NotificationKind>();
  for (const id of inThread) told.set(id, 'reply');
  for (const id of inDiscussion) {
    if (!told.has(id)) told.set(id, entry.kind === 'comment' ? 'comment' : 'resource');
  }
  if (author) told.delete(author);
  return [...told].map(([userId, kind]) => notice(userId, kind, entry, null, at));
}

// ---------------------------------------------------------------------------
// What a person reads
// ---------------------------------------------------------------------------

const noun = (kind: EntryKind) => (kind === 'comment' ? 'comment' : 'resource');

function sentence(row: NotificationRow, title: string, actor: string): string {
  const what = noun(row.entry_kind);
  const where = `“${title}”`;
  switch (row.kind) {
    case 'published':
      return `Your ${what} in ${where} was published.`;
    case 'edited':
      return `A moderator edited your ${what} in ${where} and published it.`;
    case 'rejected':
      return `Your ${what} in ${where} was rejected.`;
    case 'hidden':
      return `A moderator hid your ${what} in ${where}.`;
    case 'restored':
      return `Your ${what} in ${where} is shown again.`;
    case 'reply':
      return `${actor} replied in a thread you follow in ${where}.`;
    case 'comment':
      return `${actor} commented in ${where}, which you follow.`;
    case 'resource':
      return `${actor} shared a resource in ${where}, which you follow.`;
  }
}

/** Whether the person may still read the entry's text, and reach it at all. */
function access(entry: Entry | undefined, userId: string): { text: boolean; reach: boolean } {
  if (!entry) return { text: false, reach: false };
  const { status, author_id: author } = entry.row;
  if (status === 'published') return { text: true, reach: true };
  if (status === 'hidden') return { text: false, reach: true };
  const own = author === userId && (status === 'pending' || status === 'rejected');
  return { text: own, reach: own };
}

function pathOf(entry: Entry): string {
  const { discussion_slug: slug, id } = entry.row;
  return entry.kind === 'comment'
    ? `/discussions/${slug}/comments/${id}`
    : `/discussions/${slug}/resources`;
}

/** Notifications as the contract shows them to `userId`: text only while the entry is shown to them. */
async function project(tx: Tx, rows: NotificationRow[], userId: string): Promise<Notification[]> {
  const ids = (kind: EntryKind) => rows.filter((r) => r.entry_kind === kind).map((r) => r.entry_id);
  const entries = new Map<string, Entry>();
  for (const row of await findCommentsIn(tx, ids('comment'))) {
    entries.set(row.id, { kind: 'comment', row });
  }
  for (const row of await findResourcesIn(tx, ids('resource'))) {
    entries.set(row.id, { kind: 'resource', row });
  }
  const slugs = [...new Set(rows.map((r) => r.discussion_slug))];
  const titles = new Map((await findDiscussionTitles(tx, slugs)).map((d) => [d.slug, d.title]));
  return rows.map((row) => {
    const entry = entries.get(row.entry_id);
    const { text, reach } = access(entry, userId);
    const title = titles.get(row.discussion_slug) ?? row.discussion_slug;
    const actor = (entry?.row.author_name ?? null) || 'Someone';
    let start: string | null = null;
    if (entry && text) {
      start = entry.kind === 'comment' ? excerpt(entry.row.body, 160) : entry.row.title;
    }
    return {
      id: row.id,
      kind: row.kind,
      message: sentence(row, title, actor),
      reason: row.reason,
      excerpt: start,
      discussion: { slug: row.discussion_slug, title },
      path: entry && reach ? pathOf(entry) : null,
      createdAt: row.created_at,
      read: row.read_at !== null,
    };
  });
}

const badCursor = () =>
  new RuleError(400, 'bad_request', 'The cursor is not valid.', { cursor: 'Not a cursor.' });

const encodeCursor = (row: NotificationRow) =>
  btoa(JSON.stringify([row.created_at, row.id])).replace(/=+$/, '');

function decodeCursor(cursor: string): [string, string] {
  let value: unknown;
  try {
    value = JSON.parse(atob(cursor));
  } catch {
    throw badCursor();
  }
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    !value.every((part) => typeof part === 'string' && part.length <= 64)
  ) {
    throw badCursor();
  }
  return value as [string, string];
}

export async function listNotifications(ctx: Ctx, query: unknown): Promise<NotificationPage> {
  const user = requireUser(ctx);
  const { cursor, limit } = parse(notificationListQuerySchema, query);
  const after = cursor === undefined ? null : decodeCursor(cursor);
  const rows = await findNotificationPage(ctx.tx, user.id, after, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    notifications: await project(ctx.tx, page, user.id),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}

export async function unreadNotifications(ctx: Ctx): Promise<UnreadNotifications> {
  return { unread: await countUnread(ctx.tx, requireUser(ctx).id) };
}

export async function readNotification(ctx: Ctx, id: string): Promise<UnreadNotifications> {
  const user = requireUser(ctx);
  // Another person's notification is answered as one that does not exist.
  if (!(await markRead(ctx.tx, user.id, id, ctx.now.toISOString()))) {
    throw notFound('This notification');
  }
  return unreadNotifications(ctx);
}

export async function readAllNotifications(ctx: Ctx): Promise<UnreadNotifications> {
  const user = requireUser(ctx);
  await markAllRead(ctx.tx, user.id, ctx.now.toISOString());
  return { unread: 0 };
}

export async function getNotificationSettings(ctx: Ctx): Promise<NotificationSettings> {
  const user = requireUser(ctx);
  return { email: await findEmailChoice(ctx.tx, user.id), emailAvailable: ctx.mail !== undefined };
}

export async function updateNotificationSettings(
  ctx: Ctx,
  input: unknown,
): Promise<NotificationSettings> {
  const user = requireUser(ctx);
  const { email } = parse(notificationSettingsSchema, input);
  if (email !== 'never' && !ctx.mail) {
    const message = 'This forum sends no email, so notifications stay in the app.';
    throw new RuleError(400, 'validation_failed', message, { email: message });
  }
  await setEmailChoice(ctx.tx, user.id, email);
  return { email, emailAvailable: ctx.mail !== undefined };
}

// ---------------------------------------------------------------------------
// Email
// ---------------------------------------------------------------------------

interface Recipient {
  id: string;
  email: string;
  display_name: string;
}

/**
 * Claims notifications in one transaction (marked emailed, so no other run takes
 * them), then sends them; a failed send gives them back for a later try.
 */
async function mailClaimed(
  db: Tx,
  mail: Mailer,
  person: Recipient,
  digest: boolean,
  claim: (tx: Tx) => Promise<NotificationRow[]>,
): Promise<number> {
  const items = await db.transaction().execute(async (tx) => {
    const rows = await claim(tx);
    return { rows, shown: await project(tx, rows, person.id) };
  });
  if (items.rows.length === 0) return 0;
  const mailed: MailedNotification[] = items.shown
    .slice()
    .reverse()
    .map((n) => ({ message: n.message, reason: n.reason, path: n.path }));
  try {
    await mail.sendNotifications(
      { email: person.email, name: person.display_name },
      mailed,
      digest,
    );
  } catch (error) {
    await unclaim(
      db,
      items.rows.map((r) => r.id),
    );
    throw error;
  }
  return items.rows.length;
}

export const DIGEST_EVERY_MS = 24 * 3600_000;
/** A run a little early (a timer, cron) still counts as the next day's. */
const DIGEST_SLACK_MS = 10 * 60_000;

/**
 * Sends each person on the daily digest what they were told since their last
 * one, at most once a day each, however many servers or cron jobs run it.
 * Returns how many digests went out.
 */
export async function sendDigests(db: Tx, mail: Mailer, now: Date): Promise<number> {
  const before = new Date(now.getTime() - DIGEST_EVERY_MS + DIGEST_SLACK_MS).toISOString();
  const at = now.toISOString();
  let sent = 0;
  for (const person of await findDigestDue(db, before)) {
    const count = await mailClaimed(db, mail, person, true, async (tx) =>
      (await claimDigest(tx, person.id, before, at)) ? claimUnemailed(tx, person.id, null, at) : [],
    );
    if (count > 0) sent += 1;
  }
  return sent;
}
