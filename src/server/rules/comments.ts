/**
 * Taking part in a thread: posting a comment or a reply, and editing or
 * withdrawing it while it waits for a moderator.
 */
import {
  createCommentSchema,
  updateCommentSchema,
  type Comment,
  type EntryStatus,
} from '../../api/contract';
import {
  editPendingComment,
  findCommentRow,
  insertComment,
  nextThreadKey,
  replaceTags,
} from '../store/comments';
import { bumpPublished, changeStatus, hasPublishedEntry } from '../store/entries';
import type { CommentRow, DiscussionRow, UserRow } from '../store/schema';
import { type Ctx, RuleError, canSee, newId, notFound, parse, requireUser } from './core';
import { findDiscussion, requireOpen } from './discussions';
import { raiseEntry } from './live';
import { notifyPublished } from './notifications';
import { limit } from './rate-limits';
import { projectComment, projectNewComment } from './project';
import { checkNewAccountLimits } from './trust';

/** Replies nest to this depth; a reply to a comment at it joins that comment's thread. */
export const MAX_DEPTH = 2;

/**
 * The status a new entry starts in, from the discussion's approval mode:
 * moderators' own entries and 'none' publish at once; 'first' moderates only
 * until the person has one published entry (comment or resource) in it.
 */
export async function initialStatus(
  ctx: Ctx,
  d: DiscussionRow,
  user: UserRow,
): Promise<EntryStatus> {
  if (user.role === 'moderator' || d.approval_mode === 'none') return 'published';
  if (d.approval_mode === 'first' && (await hasPublishedEntry(ctx.tx, d.slug, user.id))) {
    return 'published';
  }
  return 'pending';
}

const notAReply = () =>
  new RuleError(400, 'validation_failed', 'You can only reply to a published comment.', {
    parentId: 'You can only reply to a published comment.',
  });

export async function createComment(ctx: Ctx, slug: string, input: unknown): Promise<Comment> {
  const user = requireUser(ctx);
  const d = await findDiscussion(ctx, slug);
  requireOpen(d, ctx.now);
  const { body, parentId } = parse(createCommentSchema, input);
  await limit(ctx, 'comment', user.id);
  await checkNewAccountLimits(ctx, user, { field: 'body', text: body });

  let parent: CommentRow | undefined;
  if (parentId !== null) {
    parent = await findCommentRow(ctx.tx, parentId);
    if (!parent || parent.discussion_slug !== slug || parent.status !== 'published') {
      throw notAReply();
    }
  }

  const { html, hashtags } = ctx.cook(body, slug);
  const createdAt = ctx.now.toISOString();
  const status = await initialStatus(ctx, d, user);
  const row: CommentRow = {
    id: newId('c'),
    discussion_slug: slug,
    parent_id: parentId,
    depth: parent ? Math.min(parent.depth + 1, MAX_DEPTH) : 0,
    thread_key: await nextThreadKey(ctx.tx, slug, parent?.thread_key ?? null, createdAt),
    author_id: user.id,
    author_name: user.display_name,
    author_organisation: user.organisation,
    body,
    html,
    hashtags: JSON.stringify(hashtags),
    status,
    moderation_reason: null,
    featured: 0,
    original: 0,
    created_at: createdAt,
    edited_at: null,
  };
  await insertComment(ctx.tx, row);
  if (status === 'published') {
    await bumpPublished(ctx.tx, 'comment', slug, 1);
    await notifyPublished(ctx, { kind: 'comment', row });
  }
  raiseEntry(ctx, 'comment', row, 'posted');
  return projectNewComment(ctx, row);
}

const decided = (doing: string) =>
  new RuleError(
    409,
    'conflict',
    `A moderator has already decided on this comment, so you can no longer ${doing} it.`,
  );

/** The author's own comment that still waits for a moderator; anything else is refused. */
async function ownPending(ctx: Ctx, id: string, doing: string): Promise<CommentRow> {
  const user = requireUser(ctx);
  const comment = await findCommentRow(ctx.tx, id);
  if (!comment || !canSee(ctx, comment)) throw notFound('This comment');
  if (comment.author_id !== user.id) {
    throw new RuleError(403, 'forbidden', `You can only ${doing} your own comments.`);
  }
  if (comment.status !== 'pending') throw decided(doing);
  return comment;
}

export async function updateComment(ctx: Ctx, id: string, input: unknown): Promise<Comment> {
  const comment = await ownPending(ctx, id, 'edit');
  requireOpen(await findDiscussion(ctx, comment.discussion_slug), ctx.now);
  const { body } = parse(updateCommentSchema, input);
  await checkNewAccountLimits(ctx, requireUser(ctx), { field: 'body', text: body, edit: true });
  const { html, hashtags } = ctx.cook(body, comment.discussion_slug);
  const changes = {
    body,
    html,
    hashtags: JSON.stringify(hashtags),
    edited_at: ctx.now.toISOString(),
  };
  if (!(await editPendingComment(ctx.tx, id, changes))) throw decided('edit');
  await replaceTags(ctx.tx, id, comment.discussion_slug, hashtags);
  raiseEntry(ctx, 'comment', { ...comment, ...changes }, 'edited');
  return projectComment(ctx, { ...comment, ...changes });
}

export async function withdrawComment(ctx: Ctx, id: string): Promise<void> {
  const comment = await ownPending(ctx, id, 'withdraw');
  const moved = await changeStatus(
    ctx.tx,
    'comment',
    id,
    'pending',
    'withdrawn',
    comment.moderation_reason,
  );
  if (!moved) throw decided('withdraw');
  raiseEntry(ctx, 'comment', { ...comment, status: 'withdrawn' }, 'withdrawn');
}
