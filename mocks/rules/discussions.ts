import type { Discussion, DiscussionListResponse } from '../../src/api/contract';
import { type Ctx, findDiscussion, applySchedule, toDiscussion, toDiscussionSummary } from './core';

export function listDiscussions(ctx: Ctx): DiscussionListResponse {
  const discussions = ctx.store.discussions
    .map((d) => applySchedule(ctx, d))
    .sort((a, b) => b.startsOn.localeCompare(a.startsOn))
    .map((d) => toDiscussionSummary(ctx, d));
  return { discussions };
}

export function getDiscussion(ctx: Ctx, slug: string): Discussion {
  return toDiscussion(ctx, findDiscussion(ctx, slug));
}
