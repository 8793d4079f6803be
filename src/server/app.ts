/**
 * The backend's HTTP API as one Hono app over web-standard Request/Response:
 * the Node server serves it over a socket, and MSW hands it requests in dev and
 * tests. Routes are grouped by domain; every one goes through `endpoint`.
 */
import { Hono } from 'hono';
import type { ErrorBody } from '../api/contract';
import type { Backend } from './backend';
import { endpoint } from './http/endpoint';
import { requestGuard } from './http/request-guard';
import { entryRoutes } from './routes/entries';
import { discussionRoutes } from './routes/discussions';
import { moderationRoutes } from './routes/moderation';
import { sessionRoutes } from './routes/session';
import { peopleRoutes } from './routes/people';
import { accountRoutes } from './routes/account';
import { feedRoutes } from './routes/feeds';
import { exportRoutes } from './routes/exports';
import { eventRoutes } from './routes/events';
import { notificationRoutes } from './routes/notifications';

const notFound = (message: string): ErrorBody => ({ error: { code: 'not_found', message } });

export function createApp(backend: Backend) {
  const app = new Hono().basePath('/api');

  // An address with a broken %-escape names nothing: refuse it before any lookup.
  app.use(async (c, next) => {
    try {
      decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return c.json<ErrorBody>(
        { error: { code: 'bad_request', message: 'The address is not valid.' } },
        400,
      );
    }
    await next();
  });
  app.use(requestGuard(() => backend.publicOrigin));

  app.route('/', sessionRoutes(backend));
  app.route('/', discussionRoutes(backend));
  app.route('/', entryRoutes(backend));
  app.route('/', moderationRoutes(backend));
  app.route('/', peopleRoutes(backend));
  app.route('/', accountRoutes(backend));
  app.route('/', feedRoutes(backend));
  app.route('/', exportRoutes(backend));
  app.route('/', eventRoutes(backend));
  app.route('/', notificationRoutes(backend));
  if (backend.resetDemo) {
    const reset = backend.resetDemo;
    app.post(
      '/demo/reset',
      endpoint(
        backend,
        async () => {
          await reset();
          return { status: 204, session: null };
        },
        { transaction: false },
      ),
    );
  }

  app.notFound((c) => c.json(notFound('There is no such endpoint.'), 404));
  app.onError((error, c) => {
    backend.log.error(error);
    return c.json<ErrorBody>(
      { error: { code: 'internal', message: 'Something went wrong on our side.' } },
      500,
    );
  });
  return app;
}
