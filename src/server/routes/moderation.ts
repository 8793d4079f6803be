import { Hono } from 'hono';
import type { Backend } from '../backend';
import { endpoint } from '../http/endpoint';
import { decide, decideBatch, getLog, getQueue } from '../rules/moderation';

export function moderationRoutes(backend: Backend) {
  return new Hono()
    .get(
      '/moderation/queue',
      endpoint(backend, async ({ ctx, query }) => ({ body: await getQueue(ctx, query) })),
    )
    .post(
      '/moderation/decisions',
      endpoint(backend, async ({ ctx, body }) => ({ body: await decide(ctx, body) })),
    )
    .post(
      '/moderation/decisions/batch',
      endpoint(backend, async ({ ctx, body }) => ({ body: await decideBatch(ctx, body) })),
    )
    .get(
      '/moderation/log',
      endpoint(backend, async ({ ctx, query }) => ({ body: await getLog(ctx, query) })),
    );
}
