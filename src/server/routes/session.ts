import { Hono } from 'hono';
import type { Backend } from '../backend';
import { endpoint } from '../http/endpoint';
import { getSession, join, signIn, signOut } from '../rules/session';

export function sessionRoutes(backend: Backend) {
  const quick = { transaction: false };
  return new Hono()
    .get(
      '/session',
      endpoint(backend, ({ ctx }) => ({ body: getSession(ctx) })),
    )
    .post(
      '/session',
      endpoint(
        backend,
        async ({ ctx, body, token: previous }) => {
          const { body: session, token } = await signIn(ctx, body, previous);
          return { body: session, session: token };
        },
        quick,
      ),
    )
    .delete(
      '/session',
      endpoint(
        backend,
        async ({ ctx, token }) => {
          await signOut(ctx, token);
          return { status: 204, session: null };
        },
        { whileSuspended: true },
      ),
    )
    .post(
      '/accounts',
      endpoint(
        backend,
        async ({ ctx, body }) => {
          const { body: session, token } = await join(ctx, body);
          return { status: 201, body: session, session: token };
        },
        quick,
      ),
    );
}
