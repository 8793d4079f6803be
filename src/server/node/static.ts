/**
 * Serves the built client: hashed files under /assets/ for a year, the few
 * others (the favicon) revalidated, and `index.html` for every other GET so the
 * client's router takes any address. Source maps and the mock service worker are
 * in the build for development only: the server never hands them out.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { compressedFiles } from './compressed';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const HIDDEN = /(\.map$)|(^|\/)mockServiceWorker\.js$/;

const notFound = (c: Context) => c.text('Not found', 404);

const notBuilt = (c: Context) => {
  c.header('Cache-Control', 'no-store');
  return c.text('The client is not built: run `npm run build`.', 503);
};

export function clientRoutes(clientDir: string) {
  const app = new Hono();
  const index = join(clientDir, 'index.html');

  // Security headers (nosniff, the CSP…) are the server's, on every answer: main.ts.
  app.use(async (c, next) => {
    if (HIDDEN.test(c.req.path)) return notFound(c);
    await next();
  });

  // Without a build the API still serves (the tests' server runs so), and each page says why it is missing.
  if (!existsSync(clientDir)) {
    app.get('*', notBuilt);
    app.all('*', notFound);
    return app;
  }

  app.get(
    '/assets/*',
    (c, next) => {
      c.header('Cache-Control', IMMUTABLE);
      return next();
    },
    compressedFiles(clientDir),
    serveStatic({ root: clientDir }),
    // A missing hashed file is a stale page asking for an old build: a page instead
    // of the script it wants would only fail later, and less clearly.
    (c) => {
      c.header('Cache-Control', 'no-store');
      return notFound(c);
    },
  );

  app.get(
    '*',
    (c, next) => {
      c.header('Cache-Control', 'no-cache');
      return next();
    },
    compressedFiles(clientDir),
    serveStatic({ root: clientDir }),
    (c, next) => (existsSync(index) ? next() : notBuilt(c)),
    compressedFiles(clientDir, () => 'index.html'),
    serveStatic({ root: clientDir, path: 'index.html' }),
  );

  app.all('*', notFound);
  return app;
}
