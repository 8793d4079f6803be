import { Hono } from 'hono';
import type { Backend } from '../backend';
import { endpoint } from '../http/endpoint';
import { ATOM_TYPE, campaignFeed, discussionFeed } from '../rules/feeds';

export function feedRoutes(backend: Backend) {
  return new Hono()
    .get(
      '/discussions/:slug/feed.atom',
      endpoint(backend, async ({ ctx, param, origin }) => ({
        file: { text: await discussionFeed(ctx, param('slug'), origin), type: ATOM_TYPE },
      })),
    )
    .get(
      '/discussions/:slug/campaigns/:tag/feed.atom',
      endpoint(backend, async ({ ctx, param, origin }) => ({
        file: {
          text: await campaignFeed(ctx, param('slug'), param('tag'), origin),
          type: ATOM_TYPE,
        },
      })),
    );
}
