import { Hono } from 'hono';
import type { Backend } from '../backend';
import { endpoint } from '../http/endpoint';
import { updateComment, withdrawComment } from '../rules/comments';
import { flagEntry } from '../rules/flags';

/** Comments and resources by id: editing and withdrawing one's own, and flagging others'. */
export function entryRoutes(backend: Backend) {
  return new Hono()
    .patch(
      '/comments/:id',
      endpoint(backend, async ({ ctx, param, body }) => ({
        body: await updateComment(ctx, param('id'), body),
      })),
    )
    .delete(
      '/comments/:id',
      endpoint(backend, async ({ ctx, param }) => {
        await withdrawComment(ctx, param('id'));
        return { status: 204 };
      }),
    )
    .post(
      '/comments/:id/flags',
      endpoint(backend, async ({ ctx, param, body }) => ({
        status: 201,
        body: await flagEntry(ctx, 'comment', param('id'), body),
      })),
    )
    .post(
      '/resources/:id/flags',
      endpoint(backend, async ({ ctx, param, body }) => ({
        status: 201,
        body: await flagEntry(ctx, 'resource', param('id'), body),
      })),
    );
}
