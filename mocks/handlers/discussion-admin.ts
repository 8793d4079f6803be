import { http } from 'msw';
import { API_BASE } from '../../src/api/contract';
import { createDiscussion, updateDiscussion } from '../rules/discussion-admin';
import { endpoint } from './endpoint';

type Slug = { slug: string };

export const discussionAdminHandlers = [
  http.post(
    `${API_BASE}/discussions`,
    endpoint(({ ctx, body }) => ({ status: 201, body: createDiscussion(ctx, body) })),
  ),
  http.patch(
    `${API_BASE}/discussions/:slug`,
    endpoint<Slug>(({ ctx, params, body }) => ({
      body: updateDiscussion(ctx, params.slug, body),
    })),
  ),
];
