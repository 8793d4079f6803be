/**
 * Participants flag published entries for the moderators; enough different
 * people flagging one hides it until a moderator looks.
 */
import {
  FLAG_HIDE_REASON,
  FLAG_HIDE_THRESHOLD,
  createFlagSchema,
  type EntryKind,
  type FlagResponse,
} from '../../api/contract';
import { findCommentRow } from '../store/comments';
import { changeStatus } from '../store/entries';
import { countOpenFlags, insertFlag } from '../store/flags';
import { findResourceRow } from '../store/resources';
import { type Ctx, RuleError, canSee, newId, notFound, parse, requireUser } from './core';

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
  if ((await countOpenFlags(ctx.tx, kind, id)) >= FLAG_HIDE_THRESHOLD) {
    await changeStatus(ctx.tx, kind, id, 'published', 'hidden', FLAG_HIDE_REASON);
  }
  return { flagged: true };
}
