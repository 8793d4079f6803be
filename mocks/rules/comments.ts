/**
 * Taking part in a thread: posting a comment or a reply, and editing or
 * withdrawing it while it waits for a moderator. Plain functions over the store;
 * no HTTP, no MSW.
 */
import {
  createCommentSchema,
  updateCommentSchema,
  type Comment,
  type EntryStatus,
} from '../../src/api/contract';
import { cook } from '../cook';
import { newId, type StoredComment, type StoredDiscussion, type StoredUser } from '../store';
import {
  type Ctx,
  RuleError,
  canSee,
  findDiscussion,
  notFound,
  parse,
  requireOpen,
  requireUser,
  toComment,
} from './core';

/** Replies nest to this depth; a reply to a comment at it joins that comment's thread. */
export const MAX_DEPTH = 2;

/**
 * The status a new entry starts in, from the discussion's approval mode:
 * moderators' own entries and 'none' publish at once; 'first' moderates only
 * until the person has one published entry (comment or resource) in it.
 */
export function initialStatus(ctx: Ctx, d: StoredDiscussion, user: StoredUser): EntryStatus {
  if (user.role === 'moderator' || d.approvalMode === 'none') return 'published';
  if (d.approvalMode === 'first') {
    const mine = (e: { discussionSlug: string; authorId: string | null; status: string }) =>
      e.discussionSlug === d.slug && e.authorId === user.id && e.status === 'published';
    if (ctx.store.comments.some(mine) || ctx.store.resources.some(mine)) return 'published';
  }
  return 'pending';
}

export function createComment(ctx: Ctx, slug: string, input: unknown): Comment {
  const user = requireUser(ctx);
  const d = findDiscussion(ctx, slug);
  requireOpen(d);
  const { body, parentId } = parse(createCommentSchema, input);

  let depth = 0;
  if (parentId !== null) {
    const parent = ctx.store.comments.find((c) => c.id === parentId && c.discussionSlug === slug);
    if (!parent || parent.status !== 'published') {
      throw new RuleError(400, 'validation_failed', 'You can only reply to a published comment.', {
        parentId: 'You can only reply to a published comment.',
      });
    }
    depth = Math.min(parent.depth + 1, MAX_DEPTH);
  }

  const { html, hashtags } = cook(body, slug);
  const comment: StoredComment = {
    id: newId(ctx.store, 'c'),
    discussionSlug: slug,
    parentId,
    depth,
    authorId: user.id,
    authorName: user.displayName,
    authorOrganisation: user.organisation,
    body,
    html,
    hashtags,
    status: initialStatus(ctx, d, user),
    moderationReason: null,
    featured: false,
    original: false,
    createdAt: ctx.now.toISOString(),
    editedAt: null,
    revisions: [],
  };
  ctx.store.comments.push(comment);
  return toComment(ctx, comment);
}

/** The author's own comment that still waits for a moderator; anything else is refused. */
function ownPending(ctx: Ctx, id: string, doing: string): StoredComment {
  const user = requireUser(ctx);
  const comment = ctx.store.comments.find((c) => c.id === id);
  if (!comment || !canSee(ctx, comment)) throw notFound('This comment');
  if (comment.authorId !== user.id) {
    throw new RuleError(403, 'forbidden', `You can only ${doing} your own comments.`);
  }
  if (comment.status !== 'pending') {
    throw new RuleError(
      409,
      'conflict',
      `A moderator has already decided on this comment, so you can no longer ${doing} it.`,
    );
  }
  return comment;
}

export function updateComment(ctx: Ctx, id: string, input: unknown): Comment {
  const comment = ownPending(ctx, id, 'edit');
  requireOpen(findDiscussion(ctx, comment.discussionSlug));
  const { body } = parse(updateCommentSchema, input);
  const { html, hashtags } = cook(body, comment.discussionSlug);
  Object.assign(comment, { body, html, hashtags, editedAt: ctx.now.toISOString() });
  return toComment(ctx, comment);
}

export function withdrawComment(ctx: Ctx, id: string): void {
  ownPending(ctx, id, 'withdraw').status = 'withdrawn';
}
