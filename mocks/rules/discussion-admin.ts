/**
 * A discussion's life cycle in moderators' hands: creating it, editing it,
 * opening and closing it, scheduling its closing and choosing its approval mode.
 */
import {
  createDiscussionSchema,
  updateDiscussionSchema,
  type Discussion,
} from '../../src/api/contract';
import type { StoredDiscussion } from '../store';
import { type Ctx, RuleError, findDiscussion, parse, requireModerator, toDiscussion } from './core';
import { appendLog } from './moderation';

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

function uniqueSlug(ctx: Ctx, title: string): string {
  const base = slugify(title);
  const taken = (s: string) => RESERVED.has(s) || ctx.store.discussions.some((d) => d.slug === s);
  if (!taken(base)) return base;
  let n = 2;
  while (taken(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

export function createDiscussion(ctx: Ctx, input: unknown): Discussion {
  const moderator = requireModerator(ctx);
  const data = parse(createDiscussionSchema, input);
  const d: StoredDiscussion = {
    ...data,
    slug: uniqueSlug(ctx, data.title),
    originalUrl: null,
    status: 'open',
    closedAt: null,
    closedReason: null,
    closesAt: null,
    createdAt: ctx.now.toISOString(),
    campaigns: [],
    digest: { published: false, editorial: '', order: [], resourceIds: [] },
  };
  ctx.store.discussions.push(d);
  appendLog(ctx, moderator, {
    action: 'create',
    kind: 'discussion',
    targetId: d.slug,
    discussionSlug: d.slug,
    reason: null,
  });
  return toDiscussion(ctx, d);
}

const APPROVAL_WORDS = {
  all: 'every entry waits for approval',
  first: 'a participant’s first entry waits for approval',
  none: 'entries are published at once',
} as const;

export function updateDiscussion(ctx: Ctx, slug: string, input: unknown): Discussion {
  const moderator = requireModerator(ctx);
  const data = parse(updateDiscussionSchema, input);
  const d = findDiscussion(ctx, slug);
  const log = (action: 'open' | 'close' | 'edit-discussion', reason: string | null) =>
    appendLog(ctx, moderator, {
      action,
      kind: 'discussion',
      targetId: d.slug,
      discussionSlug: d.slug,
      reason,
    });

  const startsOn = data.startsOn ?? d.startsOn;
  const endsOn = data.endsOn ?? d.endsOn;
  if (endsOn < startsOn) {
    throw new RuleError(
      400,
      'validation_failed',
      'The end date must not be before the start date.',
      {
        endsOn: 'The end date must not be before the start date.',
      },
    );
  }
  if (data.closesAt && Date.parse(data.closesAt) <= ctx.now.getTime()) {
    throw new RuleError(400, 'validation_failed', 'Choose a closing time in the future.', {
      closesAt: 'Choose a closing time in the future.',
    });
  }

  const edited = (
    ['title', 'introduction', 'organiser', 'partners', 'startsOn', 'endsOn', 'event'] as const
  ).filter((k) => data[k] !== undefined && JSON.stringify(data[k]) !== JSON.stringify(d[k]));
  if (edited.length > 0) {
    Object.assign(d, Object.fromEntries(edited.map((k) => [k, data[k]])));
    log('edit-discussion', `Edited: ${edited.join(', ')}.`);
  }

  if (data.approvalMode && data.approvalMode !== d.approvalMode) {
    d.approvalMode = data.approvalMode;
    log('edit-discussion', `Approval mode: ${APPROVAL_WORDS[data.approvalMode]}.`);
  }

  if (data.closesAt !== undefined && data.closesAt !== d.closesAt) {
    d.closesAt = data.closesAt === null ? null : new Date(data.closesAt).toISOString();
    log(
      'edit-discussion',
      d.closesAt ? `Closing scheduled for ${d.closesAt}.` : 'Scheduled closing cancelled.',
    );
  }

  if (data.status === 'closed' && d.status === 'open') {
    d.status = 'closed';
    d.closedAt = ctx.now.toISOString();
    d.closedReason = data.closedReason || null;
    d.closesAt = null;
    log('close', d.closedReason);
  } else if (data.status === 'open' && d.status === 'closed') {
    d.status = 'open';
    d.closedAt = null;
    d.closedReason = null;
    // A schedule that already passed would close it again at once.
    if (d.closesAt && Date.parse(d.closesAt) <= ctx.now.getTime()) d.closesAt = null;
    log('open', null);
  } else if (data.closedReason !== undefined && d.status === 'closed') {
    d.closedReason = data.closedReason || null;
    log('edit-discussion', `Reason for closing: ${d.closedReason ?? 'none'}.`);
  }

  return toDiscussion(ctx, d);
}
