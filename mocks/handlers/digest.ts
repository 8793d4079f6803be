import { http } from 'msw';
import { API_BASE } from '../../src/api/contract';
import { getDigest, updateDigest } from '../rules/digest';
import { endpoint } from './endpoint';

type Slug = { slug: string };

export const digestHandlers = [
  http.get(
    `${API_BASE}/discussions/:slug/digest`,
    endpoint<Slug>(({ ctx, params }) => ({ body: getDigest(ctx, params.slug) })),
  ),
  http.put(
    `${API_BASE}/discussions/:slug/digest`,
    endpoint<Slug>(({ ctx, params, body }) => ({ body: updateDigest(ctx, params.slug, body) })),
  ),
];
