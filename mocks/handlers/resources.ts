import { http } from 'msw';
import { API_BASE } from '../../src/api/contract';
import { createResource } from '../rules/resources';
import { endpoint } from './endpoint';

type Slug = { slug: string };

export const resourceHandlers = [
  http.post(
    `${API_BASE}/discussions/:slug/resources`,
    endpoint<Slug>(({ ctx, params, body }) => ({
      status: 201,
      body: createResource(ctx, params.slug, body),
    })),
  ),
];
