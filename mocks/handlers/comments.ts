import { http } from 'msw';
import { API_BASE } from '../../src/api/contract';
import { createComment, updateComment, withdrawComment } from '../rules/comments';
import { endpoint } from './endpoint';

type Slug = { slug: string };
type Id = { id: string };

export const commentHandlers = [
  http.post(
    `${API_BASE}/discussions/:slug/comments`,
    endpoint<Slug>(({ ctx, params, body }) => ({
      status: 201,
      body: createComment(ctx, params.slug, body),
    })),
  ),
  http.patch(
    `${API_BASE}/comments/:id`,
    endpoint<Id>(({ ctx, params, body }) => ({ body: updateComment(ctx, params.id, body) })),
  ),
  http.delete(
    `${API_BASE}/comments/:id`,
    endpoint<Id>(({ ctx, params }) => {
      withdrawComment(ctx, params.id);
      return { status: 204 };
    }),
  ),
];
