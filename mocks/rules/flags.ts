/**
 * Participants flag published entries for the moderators; enough different
 * people flagging one hides it until a moderator looks. Plain functions over the
 * store; no HTTP, no MSW.
 */
import {
  FLAG_HIDE_REASON,
  FLAG_HIDE_THRESHOLD,
  createFlagSchema,
  type EntryKind,
  type FlagResponse,
} from '../../src/api/contract';
import { newId } from '../store';
import { type Ctx, RuleError, canSee, notFound, parse, requireUser } from './core';

function findEntry(ctx: Ctx, kind: EntryKind, id: string) {
  const entry =
    kind === 'comment'
      ? ctx.store.comments.find((c) => c.id === id)
      : ctx.store.resources.find((r) => r.id === id);
  if (!entry || !canSee(ctx, entry)) {
    throw notFound(kind === 'comment' ? 'This comment' : 'This resource');
  }
  return entry;
}

export function flagEntry(ctx: Ctx, kind: EntryKind, id: string, input: unknown): FlagResponse {
  const user = requireUser(ctx);
  const entry = findEntry(ctx, kind, id);
  const { reason, note } = parse(createFlagSchema, input);
  if (entry.authorId === user.id) {
    throw new RuleError(403, 'forbidden', 'You cannot flag your own entry.');
  }
  if (entry.status !== 'published') {
    throw new RuleError(409, 'conflict', 'Only published entries can be flagged.');
  }
  const flags = ctx.store.flags.filter((f) => f.kind === kind && f.targetId === id);
  if (flags.some((f) => f.userId === user.id)) {
    throw new RuleError(409, 'conflict', 'You have already flagged this entry.');
  }

  ctx.store.flags.push({
    id: newId(ctx.store, 'f'),
    kind,
    targetId: id,
    userId: user.id,
    reason,
    note,
    createdAt: ctx.now.toISOString(),
    open: true,
  });

  const flaggers = new Set([...flags.filter((f) => f.open).map((f) => f.userId), user.id]);
  if (flaggers.size >= FLAG_HIDE_THRESHOLD) {
    entry.status = 'hidden';
    entry.moderationReason = FLAG_HIDE_REASON;
  }
  return { flagged: true };
}
