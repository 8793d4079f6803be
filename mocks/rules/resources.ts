import { resourceListQuerySchema, type ResourceListResponse } from '../../src/api/contract';
import { type Ctx, canSee, findDiscussion, parse, toResource } from './core';

export function listResources(ctx: Ctx, slug: string, query: unknown): ResourceListResponse {
  const { kind, sort } = parse(resourceListQuerySchema, query);
  findDiscussion(ctx, slug);
  const resources = ctx.store.resources
    .filter((r) => r.discussionSlug === slug && canSee(ctx, r) && (!kind || r.kind === kind))
    .sort((a, b) =>
      sort === 'title'
        ? a.title.localeCompare(b.title, 'en', { sensitivity: 'base' })
        : b.createdAt.localeCompare(a.createdAt),
    )
    .map((r) => toResource(ctx, r));
  return { resources };
}
