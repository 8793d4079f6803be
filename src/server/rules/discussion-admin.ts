/**
 * A discussion's life cycle in moderators' hands: creating it, editing it,
 * opening and closing it, scheduling its closing and choosing its approval mode.
 */
import { raiseDiscussion } from './live';
import type { Updateable } from 'kysely';
import {
  createDiscussionSchema,
  updateDiscussionSchema,
  type Discussion,
  type LogEntry,
} from '../../api/contract';
import { endOfDay } from '../../lib/dates';
import { insertDiscussion, slugsLike, updateDiscussionRow } from '../store/discussions';
import type { DiscussionRow, DiscussionsTable, UserRow } from '../store/schema';
import { type Ctx, RuleError, parse, requireModerator } from './core';
import { findDiscussion } from './discussions';
import { appendLog } from './moderation';
import { toDiscussion } from './project';

/** The closing a discussion's last day schedules: the end of that day, unless it has passed. */
const closingOfLastDay = (ctx: Ctx, endsOn: string): string | null =>
  Date.parse(endOfDay(endsOn)) > ctx.now.getTime() ? endOfDay(endsOn) : null;

/** Words of a page address that a discussion's slug must not take. */
const RESERVED = new Set(['new']);

export function slugify(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return base || 'discussion';
}

async function uniqueSlug(ctx: Ctx, title: string): Promise<string> {
  const base = slugify(title);
  const existing = await slugsLike(ctx.tx, base);
  const taken = (s: string) => RESERVED.has(s) || existing.has(s);
  if (!taken(base)) return base;
  let n = 2;
  while (taken(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

type DiscussionAction = Extract<
  LogEntry['action'],
  'create' | 'open' | 'close' | 'edit-discussion'
>;

const logFor =
  (ctx: Ctx, moderator: UserRow, slug: string) =>
  (action: DiscussionAction, reason: string | null) =>
    appendLog(ctx, moderator, {
      action,
      kind: 'discussion',
      targetId: slug,
      discussionSlug: slug,
      reason,
    });

export async function createDiscussion(ctx: Ctx, input: unknown): Promise<Discussion> {
  const moderator = requireModerator(ctx);
  const data = parse(createDiscussionSchema, input);
  const row: DiscussionRow = {
    slug: await uniqueSlug(ctx, data.title),
    title: data.title,
    introduction: data.introduction,
    organiser: data.organiser,
    partners: JSON.stringify(data.partners),
    starts_on: data.startsOn,
    ends_on: data.endsOn,
    event: data.event === null ? null : JSON.stringify(data.event),
    original_url: null,
    approval_mode: data.approvalMode,
    status: 'open',
    closed_at: null,
    closed_reason: null,
    closes_at: closingOfLastDay(ctx, data.endsOn),
    created_at: ctx.now.toISOString(),
    campaigns: '[]',
    digest_published: 0,
    digest_editorial: '',
    digest_order: '[]',
    digest_resource_ids: '[]',
    published_comments: 0,
    published_resources: 0,
  };
  await insertDiscussion(ctx.tx, row);
  await logFor(ctx, moderator, row.slug)('create', null);
  return toDiscussion(row);
}

const APPROVAL_WORDS = {
  all: 'every entry waits for approval',
  first: 'a participant’s first entry waits for approval',
  none: 'entries are published at once',
} as const;

/** What a moderator may edit, by the name the log uses, and the column that keeps it. */
const EDITABLE = {
  title: 'title',
  introduction: 'introduction',
  organiser: 'organiser',
  partners: 'partners',
  startsOn: 'starts_on',
  endsOn: 'ends_on',
  event: 'event',
} as const;

const asColumn = (value: unknown) =>
  typeof value === 'string' ? value : value === null ? null : JSON.stringify(value);

export async function updateDiscussion(
  ctx: Ctx,
  slug: string,
  input: unknown,
): Promise<Discussion> {
  const moderator = requireModerator(ctx);
  const data = parse(updateDiscussionSchema, input);
  const d = await findDiscussion(ctx, slug);
  const shown = toDiscussion(d);
  const log = logFor(ctx, moderator, d.slug);

  const startsOn = data.startsOn ?? d.starts_on;
  const endsOn = data.endsOn ?? d.ends_on;
  if (endsOn < startsOn) {
    throw new RuleError(
      400,
      'validation_failed',
      'The end date must not be before the start date.',
      { endsOn: 'The end date must not be before the start date.' },
    );
  }
  if (data.closesAt && Date.parse(data.closesAt) <= ctx.now.getTime()) {
    throw new RuleError(400, 'validation_failed', 'Choose a closing time in the future.', {
      closesAt: 'Choose a closing time in the future.',
    });
  }

  // Only the columns this request changes are written, so that nothing else is overwritten.
  const next: DiscussionRow = { ...d };
  const changes: Updateable<DiscussionsTable> = {};
  const set = (patch: Partial<DiscussionRow>) => {
    Object.assign(next, patch);
    Object.assign(changes, patch);
  };
  const edited = (Object.keys(EDITABLE) as (keyof typeof EDITABLE)[]).filter(
    (k) => data[k] !== undefined && JSON.stringify(data[k]) !== JSON.stringify(shown[k]),
  );
  if (edited.length > 0) {
    set(Object.fromEntries(edited.map((k) => [EDITABLE[k], asColumn(data[k])])));
    await log('edit-discussion', `Edited: ${edited.join(', ')}.`);
  }

  if (data.approvalMode && data.approvalMode !== d.approval_mode) {
    set({ approval_mode: data.approvalMode });
    await log('edit-discussion', `Approval mode: ${APPROVAL_WORDS[data.approvalMode]}.`);
  }

  // A closing that the last day scheduled follows the last day; one a moderator chose stays.
  const closesAt =
    data.closesAt === undefined && endsOn !== d.ends_on && d.closes_at === endOfDay(d.ends_on)
      ? closingOfLastDay(ctx, endsOn)
      : data.closesAt;
  if (closesAt !== undefined && closesAt !== d.closes_at) {
    set({ closes_at: closesAt === null ? null : new Date(closesAt).toISOString() });
    await log(
      'edit-discussion',
      next.closes_at ? `Closing scheduled for ${next.closes_at}.` : 'Scheduled closing cancelled.',
    );
  }

  if (data.status === 'closed' && d.status === 'open') {
    set({
      status: 'closed',
      closed_at: ctx.now.toISOString(),
      closed_reason: data.closedReason || null,
      closes_at: null,
    });
    await log('close', next.closed_reason);
  } else if (data.status === 'open' && d.status === 'closed') {
    set({ status: 'open', closed_at: null, closed_reason: null });
    // A schedule that already passed would close it again at once.
    if (next.closes_at && Date.parse(next.closes_at) <= ctx.now.getTime()) set({ closes_at: null });
    await log('open', null);
  } else if (data.closedReason !== undefined && d.status === 'closed') {
    set({ closed_reason: data.closedReason || null });
    await log('edit-discussion', `Reason for closing: ${next.closed_reason ?? 'none'}.`);
  }

  if (Object.keys(changes).length > 0) {
    await updateDiscussionRow(ctx.tx, slug, changes);
    raiseDiscussion(ctx, slug, next.status);
  }
  return toDiscussion(next);
}
