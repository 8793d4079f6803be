import { Hono } from 'hono';
import type { Backend } from '../backend';
import { endpoint } from '../http/endpoint';
import { getCampaign, listCampaigns } from '../rules/campaigns';
import { getDigest, updateDigest } from '../rules/digest';
import { createDiscussion, updateDiscussion } from '../rules/discussion-admin';
import { getDiscussion, listDiscussions } from '../rules/discussions';
import { createComment } from '../rules/comments';
import { createResource, listResources } from '../rules/resources';
import { searchDiscussion } from '../rules/search';
import { listComments } from '../rules/thread';

export function discussionRoutes(backend: Backend) {
  return new Hono()
    .get(
      '/discussions',
      endpoint(backend, async ({ ctx }) => ({ body: await listDiscussions(ctx) })),
    )
    .post(
      '/discussions',
      endpoint(backend, async ({ ctx, body }) => ({
        status: 201,
        body: await createDiscussion(ctx, body),
      })),
    )
    .get(
      '/discussions/:slug',
      endpoint(backend, async ({ ctx, param }) => ({
        body: await getDiscussion(ctx, param('slug')),
      })),
    )
    .patch(
      '/discussions/:slug',
      endpoint(backend, async ({ ctx, param, body }) => ({
        body: await updateDiscussion(ctx, param('slug'), body),
      })),
    )
    .get(
      '/discussions/:slug/comments',
      endpoint(backend, async ({ ctx, param, query }) => ({
        body: await listComments(ctx, param('slug'), query),
      })),
    )
    .get(
      '/discussions/:slug/search',
      endpoint(backend, async ({ ctx, param, query }) => ({
        body: await searchDiscussion(ctx, param('slug'), query),
      })),
    )
    .post(
      '/discussions/:slug/comments',
      endpoint(backend, async ({ ctx, param, body }) => ({
        status: 201,
        body: await createComment(ctx, param('slug'), body),
      })),
    )
    .get(
      '/discussions/:slug/resources',
      endpoint(backend, async ({ ctx, param, query }) => ({
        body: await listResources(ctx, param('slug'), query),
      })),
    )
    .post(
      '/discussions/:slug/resources',
      endpoint(backend, async ({ ctx, param, body }) => ({
        status: 201,
        body: await createResource(ctx, param('slug'), body),
      })),
    )
    .get(
      '/discussions/:slug/campaigns',
      endpoint(backend, async ({ ctx, param }) => ({
        body: await listCampaigns(ctx, param('slug')),
      })),
    )
    .get(
      '/discussions/:slug/campaigns/:tag',
      endpoint(backend, async ({ ctx, param }) => ({
        body: await getCampaign(ctx, param('slug'), param('tag')),
      })),
    )
    .get(
      '/discussions/:slug/digest',
      endpoint(backend, async ({ ctx, param }) => ({ body: await getDigest(ctx, param('slug')) })),
    )
    .put(
      '/discussions/:slug/digest',
      endpoint(backend, async ({ ctx, param, body }) => ({
        body: await updateDigest(ctx, param('slug'), body),
      })),
    );
}
