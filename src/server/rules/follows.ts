/**
 * Following a discussion or a comment's thread, and stopping. A person follows
 * the replies to their own comments without asking; an unfollow is kept, so it
 * holds against that default.
 */
import type { DiscussionFollows, FollowState } from '../../api/contract';
import { findCommentRow } from '../store/comments';
import { findFollowsIn, findOwnCommentIds, setFollow } from '../store/notifications';
import { type Ctx, canSee, notFound, requireUser } from './core';
import { findDiscussion } from './discussions';

export async function getFollows(ctx: Ctx, slug: string): Promise<DiscussionFollows> {
  const user = requireUser(ctx);
  await findDiscussion(ctx, slug);
  const follows = await findFollowsIn(ctx.tx, user.id, slug);
  const threads = new Set(await findOwnCommentIds(ctx.tx, user.id, slug));
  let discussion = false;
  for (const f of follows) {
    if (f.target_kind === 'discussion') discussion = f.following === 1;
    else if (f.following === 1) threads.add(f.target_id);
    else threads.delete(f.target_id);
  }
  return { discussion, threads: [...threads] };
}

export async function followDiscussion(
  ctx: Ctx,
  slug: string,
  following: boolean,
): Promise<FollowState> {
  const user = requireUser(ctx);
  await findDiscussion(ctx, slug);
  await setFollow(ctx.tx, {
    user_id: user.id,
    target_kind: 'discussion',
    target_id: slug,
    discussion_slug: slug,
    following: following ? 1 : 0,
    created_at: ctx.now.toISOString(),
  });
  return { following };
}

/** A thread one may read: a published or hidden comment, or one's own waiting one. */
export async function followThread(ctx: Ctx, id: string, following: boolean): Promise<FollowState> {
  const user = requireUser(ctx);
  const comment = await findCommentRow(ctx.tx, id);
  if (!comment || !canSee(ctx, comment)) throw notFound('This comment');
  await setFollow(ctx.tx, {
    user_id: user.id,
    target_kind: 'comment',
    target_id: id,
    discussion_slug: comment.discussion_slug,
    following: following ? 1 : 0,
    created_at: ctx.now.toISOString(),
  });
  return { following };
}
