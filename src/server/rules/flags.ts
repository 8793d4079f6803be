/**
 * Participants flag published entries for the moderators; enough different
 * established people flagging one hides it until a moderator looks. Flags from
 * new accounts, and flags on moderators' entries and featured extracts, only
 * put the entry in the queue: a handful of fresh accounts cannot censor anyone.
 */
import { raiseEntry } from './live';
import {
  FLAG_HIDE_REASON,
  FLAG_HIDE_THRESHOLD,
  createFlagSchema,
  type EntryKind,
  type FlagResponse,
} from '../../api/contract';
import { findCommentRow } from '../store/comments';
import { changeStatus } from '../store/entries';
import { insertFlag } from '../store/flags';
import { findResourceRow } from '../store/resources';
import type { CommentRow, ResourceRow } from '../store/schema';
import { countEstablishedFlags } from '../store/trust';
import { findUser } from '../store/users';
import { type Ctx, RuleError, canSee, newId, notFound, parse, requireUser } from './core';
import { limit } from './rate-limits';
import { newAccountCutoff } from './trust';

async function findEntry(ctx: Ctx, kind: EntryKind, id: string) {
  const entry =
    kind === 'comment' ? await findCommentRow(ctx.tx, id) : await findResourceRow(ctx.tx, id);
  if (!entry || !canSee(ctx, entry)) {
    throw notFound(kind === 'comment' ? 'This comment' : 'This resource');
  }
  return entry;
}

export async function flagEntry(
  ctx: Ctx,
  kind: EntryKind,
  id: string,
  input: unknown,
): Promise<FlagResponse> {
  const user = requireUser(ctx);
  const entry = await findEntry(ctx, kind, id);
  const { reason, note } = parse(createFlagSchema, input);
  await limit(ctx, 'flag', user.id);
  if (entry.author_id === user.id) {
    throw new RuleError(403, 'forbidden', 'You cannot flag your own entry.');
  }
  if (entry.status !== 'published') {
    throw new RuleError(409, 'conflict', 'Only published entries can be flagged.');
  }
  const inserted = await insertFlag(ctx.tx, {
    id: newId('f'),
    kind,
    target_id: id,
    user_id: user.id,
    reason,
    note,
    created_at: ctx.now.toISOString(),
    open: 1,
  });
  if (!inserted) throw new RuleError(409, 'conflict', 'You have already flagged this entry.');

  // One flag per person, so open flags count distinct people.
  const counted = await countEstablishedFlags(ctx.tx, kind, id, newAccountCutoff(ctx.now));
  raiseEntry(ctx, kind, entry, 'flagged');
  if (counted >= FLAG_HIDE_THRESHOLD && !(await onlyModeratorsHide(ctx, entry))) {
    await changeStatus(ctx.tx, kind, id, 'published', 'hidden', FLAG_HIDE_REASON);
    const hidden = { ...entry, status: 'hidden' as const, moderation_reason: FLAG_HIDE_REASON };
    raiseEntry(ctx, kind, hidden, 'decided', { action: 'hide', was: 'published' });
  }
  return { flagged: true };
}

/** A moderator's entry or a featured extract waits in the queue for a moderator instead. */
async function onlyModeratorsHide(ctx: Ctx, entry: CommentRow | ResourceRow): Promise<boolean> {
  if ('featured' in entry && entry.featured === 1) return true;
  if (entry.author_id === null) return false;
  return (await findUser(ctx.tx, entry.author_id))?.role === 'moderator';
}
