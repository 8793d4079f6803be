import { Hono } from 'hono';
import type { Backend } from '../backend';
import { endpoint } from '../http/endpoint';
import {
  changeRole,
  issueResetLinkFor,
  listPeople,
  restoreAccount,
  suspend,
} from '../rules/people';

export function peopleRoutes(backend: Backend) {
  return new Hono()
    .get(
      '/people',
      endpoint(backend, async ({ ctx }) => ({ body: await listPeople(ctx) })),
    )
    .put(
      '/people/:id/role',
      endpoint(backend, async ({ ctx, param, body }) => ({
        body: await changeRole(ctx, param('id'), body),
      })),
    )
    .put(
      '/people/:id/suspension',
      endpoint(backend, async ({ ctx, param }) => ({ body: await suspend(ctx, param('id')) })),
    )
    .delete(
      '/people/:id/suspension',
      endpoint(backend, async ({ ctx, param }) => ({
        body: await restoreAccount(ctx, param('id')),
      })),
    )
    .post(
      '/people/:id/reset-link',
      endpoint(backend, async ({ ctx, param }) => ({
        status: 201,
        body: await issueResetLinkFor(ctx, param('id')),
      })),
    );
}
