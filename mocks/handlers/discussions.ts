import { http } from 'msw';
import { API_BASE } from '../../src/api/contract';
import { getCampaign, listCampaigns } from '../rules/campaigns';
import { getDiscussion, listDiscussions } from '../rules/discussions';
import { listResources } from '../rules/resources';
import { listComments } from '../rules/thread';
import { endpoint } from './endpoint';

type Slug = { slug: string };

export const discussionHandlers = [
  http.get(
    `${API_BASE}/discussions`,
    endpoint(({ ctx }) => ({ body: listDiscussions(ctx) })),
  ),
  http.get(
    `${API_BASE}/discussions/:slug`,
    endpoint<Slug>(({ ctx, params }) => ({ body: getDiscussion(ctx, params.slug) })),
  ),
  http.get(
    `${API_BASE}/discussions/:slug/comments`,
    endpoint<Slug>(({ ctx, params, query }) => ({ body: listComments(ctx, params.slug, query) })),
  ),
  http.get(
    `${API_BASE}/discussions/:slug/resources`,
    endpoint<Slug>(({ ctx, params, query }) => ({ body: listResources(ctx, params.slug, query) })),
  ),
  http.get(
    `${API_BASE}/discussions/:slug/campaigns`,
    endpoint<Slug>(({ ctx, params }) => ({ body: listCampaigns(ctx, params.slug) })),
  ),
  http.get(
    `${API_BASE}/discussions/:slug/campaigns/:tag`,
    endpoint<Slug & { tag: string }>(({ ctx, params }) => ({
      body: getCampaign(ctx, params.slug, params.tag),
    })),
  ),
];
