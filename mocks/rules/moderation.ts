/**
 * The moderation state machine: what waits in the queue, the decisions a
 * moderator takes on an entry, and the log of every decision. Plain functions
 * over the store; no HTTP, no MSW.
 */
import {
  batchDecisionSchema,
  decisionSchema,
  logQuerySchema,
  queueQuerySchema,
  type BatchDecisionResponse,
  type DecisionResponse,
  type EntryKind,
  type EntryStatus,
  type FlagSummary,
  type LogEntry,
  type LogResponse,
  type ModerationAction,
  type QueueItem,
  type QueueResponse,
} from '../../src/api/contract';
import { cook } from '../cook';
import { newId, type StoredComment, type StoredResource, type StoredUser } from '../store';
import {
  type Ctx,
  RuleError,
  applySchedule,
  findDiscussion,
  notFound,
  parse,
  requireModerator,
  toComment,
  toResource,
} from './core';

type Entry =
  { kind: 'comment'; record: StoredComment } | { kind: 'resource'; record: StoredResource };

function findEntry(ctx: Ctx, kind: EntryKind, id: string): Entry {
  if (kind === 'comment') {
    const record = ctx.store.comments.find((c) => c.id === id);
    if (!record || record.status === 'withdrawn') throw notFound('This comment');
    return { kind, record };
  }
  const record = ctx.store.resources.find((r) => r.id === id);
  if (!record || record.status === 'withdrawn') throw notFound('This resource');
  return { kind, record };
}

function project(ctx: Ctx, entry: Entry): DecisionResponse {
  return entry.kind === 'comment'
    ? { comment: toComment(ctx, entry.record), resource: null }
    : { comment: null, resource: toResource(ctx, entry.record) };
}

const openFlagsOf = (ctx: Ctx, kind: EntryKind, id: string) =>
  ctx.store.flags.filter((f) => f.kind === kind && f.targetId === id && f.open);

function closeFlags(ctx: Ctx, kind: EntryKind, id: string): void {
  for (const f of openFlagsOf(ctx, kind, id)) f.open = false;
}

const STATUS_WORD: Record<EntryStatus, string> = {
  pending: 'waiting for a decision',
  published: 'published',
  rejected: 'rejected',
  hidden: 'hidden',
  withdrawn: 'withdrawn',
};

/** The entry is no longer as the moderator saw it: say so, with its current state. */
function conflict(ctx: Ctx, entry: Entry, message: string): RuleError {
  return new RuleError(409, 'conflict', message, undefined, { ...project(ctx, entry) });
}

/** Which statuses each action may start from. */
const FROM: Record<ModerationAction, EntryStatus[]> = {
  approve: ['pending'],
  'edit-approve': ['pending'],
  reject: ['pending', 'published', 'hidden'],
  hide: ['published'],
  restore: ['hidden'],
  'dismiss-flags': ['published', 'hidden'],
  feature: ['published'],
  unfeature: ['published', 'hidden', 'rejected'],
};

export function appendLog(
  ctx: Ctx,
  moderator: StoredUser,
  entry: Omit<LogEntry, 'id' | 'at' | 'moderator'>,
): void {
  ctx.store.log.push({
    id: newId(ctx.store, 'log'),
    at: ctx.now.toISOString(),
    moderator: { id: moderator.id, name: moderator.displayName },
    ...entry,
  });
}

export function decide(ctx: Ctx, input: unknown): DecisionResponse {
  const moderator = requireModerator(ctx);
  const d = parse(decisionSchema, input);
  const entry = findEntry(ctx, d.kind, d.id);
  const { record } = entry;
  const noun = d.kind === 'comment' ? 'comment' : 'resource';

  if (record.status !== d.expectedStatus) {
    throw conflict(
      ctx,
      entry,
      `Another moderator decided first: this ${noun} is now ${STATUS_WORD[record.status]}.`,
    );
  }
  if (!FROM[d.action].includes(record.status)) {
    throw conflict(
      ctx,
      entry,
      `This ${noun} is ${STATUS_WORD[record.status]}, so that decision does not apply.`,
    );
  }
  const reason = d.reason ?? null;

  switch (d.action) {
    case 'approve':
      record.status = 'published';
      record.moderationReason = null;
      break;
    case 'edit-approve': {
      if (entry.kind !== 'comment') {
        throw new RuleError(400, 'bad_request', 'Only comments can be edited before approval.');
      }
      const c = entry.record;
      const body = d.body ?? c.body;
      c.revisions.push({
        body: c.body,
        editedAt: ctx.now.toISOString(),
        editedBy: moderator.displayName,
      });
      const rendered = cook(body, c.discussionSlug);
      c.body = body;
      c.html = rendered.html;
      c.hashtags = rendered.hashtags;
      c.editedAt = ctx.now.toISOString();
      c.status = 'published';
      c.moderationReason = null;
      break;
    }
    case 'reject':
    case 'hide':
      record.status = d.action === 'reject' ? 'rejected' : 'hidden';
      record.moderationReason = reason;
      closeFlags(ctx, d.kind, d.id);
      break;
    case 'restore':
      record.status = 'published';
      record.moderationReason = null;
      closeFlags(ctx, d.kind, d.id);
      break;
    case 'dismiss-flags':
      if (openFlagsOf(ctx, d.kind, d.id).length === 0) {
        throw conflict(ctx, entry, `This ${noun} has no open flags any more.`);
      }
      closeFlags(ctx, d.kind, d.id);
      // Hidden with open flags means the flags hid it; unfounded flags bring it back.
      if (record.status === 'hidden') {
        record.status = 'published';
        record.moderationReason = null;
      }
      break;
    case 'feature':
    case 'unfeature': {
      if (entry.kind !== 'comment') {
        throw new RuleError(400, 'bad_request', 'Only comments can be featured as extracts.');
      }
      const c = entry.record;
      const feature = d.action === 'feature';
      if (c.featured === feature) {
        throw conflict(
          ctx,
          entry,
          feature
            ? 'Another moderator already featured this comment.'
            : 'This comment is not featured any more.',
        );
      }
      c.featured = feature;
      const digest = findDiscussion(ctx, c.discussionSlug).digest;
      digest.order = digest.order.filter((id) => id !== c.id);
      if (feature) digest.order.push(c.id);
      break;
    }
  }

  appendLog(ctx, moderator, {
    action: d.action,
    kind: d.kind,
    targetId: d.id,
    discussionSlug: record.discussionSlug,
    reason,
  });
  return project(ctx, entry);
}

/**
 * Each decision of a batch stands alone: one refused does not undo the others.
 * `decide` checks everything before it changes anything, so a refused decision
 * leaves nothing behind; the handler's rollback covers a refusal of the whole batch.
 */
export function decideBatch(ctx: Ctx, input: unknown): BatchDecisionResponse {
  requireModerator(ctx);
  const { decisions } = parse(batchDecisionSchema, input);
  const results = decisions.map((decision): BatchDecisionResponse['results'][number] => {
    try {
      return { ok: true, ...decide(ctx, decision) };
    } catch (error) {
      if (!(error instanceof RuleError)) throw error;
      const id =
        typeof decision === 'object' && decision !== null && 'id' in decision
          ? String(decision.id)
          : '';
      return {
        ok: false,
        id,
        error: {
          code: error.code,
          message: error.message,
          ...(error.fields ? { fields: error.fields } : {}),
          ...(error.details ? { details: error.details } : {}),
        },
      };
    }
  });
  return { results };
}

function flagSummary(ctx: Ctx, kind: EntryKind, id: string): FlagSummary[] {
  const byReason = new Map<FlagSummary['reason'], FlagSummary>();
  for (const f of openFlagsOf(ctx, kind, id)) {
    const summary = byReason.get(f.reason) ?? { reason: f.reason, count: 0, notes: [] };
    summary.count += 1;
    if (f.note) summary.notes.push(f.note);
    byReason.set(f.reason, summary);
  }
  return [...byReason.values()].sort((a, b) => b.count - a.count);
}

function authorHistory(ctx: Ctx, authorId: string | null, exceptId: string) {
  const history = { published: 0, rejected: 0, hidden: 0 };
  if (authorId === null) return history;
  for (const e of [...ctx.store.comments, ...ctx.store.resources]) {
    if (e.authorId !== authorId || e.id === exceptId) continue;
    if (e.status === 'published' || e.status === 'rejected' || e.status === 'hidden') {
      history[e.status] += 1;
    }
  }
  return history;
}

interface Waiting {
  entry: Entry;
  reason: 'new' | 'flagged';
  /** New entries wait since they were posted; flagged ones since their first open flag. */
  since: string;
}

export function getQueue(ctx: Ctx, query: unknown): QueueResponse {
  requireModerator(ctx);
  const { discussion, kind } = parse(queueQuerySchema, query);
  const waiting: Waiting[] = [];
  const consider = (entry: Entry) => {
    const { record } = entry;
    if (discussion && record.discussionSlug !== discussion) return;
    if (kind && entry.kind !== kind) return;
    if (record.status === 'pending') {
      waiting.push({ entry, reason: 'new', since: record.createdAt });
      return;
    }
    if (record.status !== 'published' && record.status !== 'hidden') return;
    const flags = openFlagsOf(ctx, entry.kind, record.id);
    const first = flags.map((f) => f.createdAt).sort()[0];
    if (first) waiting.push({ entry, reason: 'flagged', since: first });
  };
  for (const record of ctx.store.comments) consider({ kind: 'comment', record });
  for (const record of ctx.store.resources) consider({ kind: 'resource', record });

  waiting.sort(
    (a, b) =>
      (a.reason === b.reason ? 0 : a.reason === 'new' ? -1 : 1) || a.since.localeCompare(b.since),
  );

  const items = waiting.map(({ entry, reason }): QueueItem => {
    const { record } = entry;
    const d = ctx.store.discussions.find((x) => x.slug === record.discussionSlug);
    if (d) applySchedule(ctx, d);
    const parentRecord =
      entry.kind === 'comment' && entry.record.parentId
        ? ctx.store.comments.find((c) => c.id === entry.record.parentId)
        : undefined;
    return {
      kind: entry.kind,
      reason,
      discussion: { slug: record.discussionSlug, title: d?.title ?? record.discussionSlug },
      ...project(ctx, entry),
      parent: parentRecord ? toComment(ctx, parentRecord) : null,
      flags: flagSummary(ctx, entry.kind, record.id),
      authorHistory: authorHistory(ctx, record.authorId, record.id),
    };
  });
  return { items, total: items.length };
}

export function getLog(ctx: Ctx, query: unknown): LogResponse {
  requireModerator(ctx);
  const { discussion, action, moderator } = parse(logQuerySchema, query);
  const moderators = new Map<string, { id: string; name: string }>();
  for (const e of ctx.store.log) moderators.set(e.moderator.id, e.moderator);
  const entries = ctx.store.log
    .filter(
      (e) =>
        (!discussion || e.discussionSlug === discussion) &&
        (!action || e.action === action) &&
        (!moderator || e.moderator.id === moderator),
    )
    // The log is appended in order, so newest first is simply reversed.
    .reverse();
  return {
    entries,
    moderators: [...moderators.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}
