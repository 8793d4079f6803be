/**
 * Serves the built client: hashed files under /assets/ for a year, the few
 * others (the favicon) revalidated, and `index.html` for every other GET so the
 * client's router takes any address. Source maps and the mock service worker are
 * in the build for development only: the server never hands them out.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context, type Handler } from 'hono';
import { chooseEncoding, compress, compressedFiles } from './compressed';
import { pageModules, readManifest, withModules } from './page-modules';
import { type PageAnswers, pageReads, withReads } from './page-reads';

const IMMUTABLE = 'public, max-age=31536000, immutable';
// The build's manifest (.vite/) is the server's own reading, as are source maps.
const HIDDEN = /(\.map$)|(^|\/)mockServiceWorker\.js$|(^|\/)\.vite(\/|$)/;

const notFound = (c: Context) => c.text('Not found', 404);

const notBuilt = (c: Context) => {
  c.header('Cache-Control', 'no-store');
  return c.text('The client is not built: run `npm run build`.', 503);
};

/**
 * The API's answer to a read for the visitor asking for the page, or undefined when it
 * is not a plain success (the page's script then asks for it itself).
 */
export type AnswerRead = (path: string, page: Context) => Promise<unknown>;

/**
 * `index.html` for an address of the app, with the answers to the API reads that page
 * starts (page-reads.ts) and a preload of the code it loads once routed
 * (page-modules.ts). The page differs by address and by visitor, so it is compressed per
 * request, and no shared cache keeps it.
 */
function appPage(clientDir: string, answer: AnswerRead | undefined): Handler {
  let html: string | null = null;
  let manifest: ReturnType<typeof readManifest> = null;
  return async (c) => {
    if (html === null) {
      html = readFileSync(join(clientDir, 'index.html'), 'utf8');
      manifest = readManifest(clientDir);
    }
    const { pathname, search } = new URL(c.req.url);
    const reads = pageReads(pathname, search);
    const answers: PageAnswers = {};
    if (answer) {
      // A read that fails is the script's to ask for and to report: never the page's failure.
      const found = await Promise.all(reads.map((read) => answer(read, c).catch(() => undefined)));
      reads.forEach((read, i) => {
        if (found[i] !== undefined) answers[read] = found[i];
      });
    }
    const page = Buffer.from(
      withReads(withModules(html, pageModules(manifest, pathname)), reads, answers),
    );
    const encoding = chooseEncoding(c.req.header('Accept-Encoding'));
    c.header('Content-Type', 'text/html; charset=utf-8');
    c.header('Cache-Control', 'private, no-cache');
    c.header('Vary', 'Accept-Encoding, Cookie');
    if (!encoding) return c.body(new Uint8Array(page), 200);
    c.header('Content-Encoding', encoding);
    return c.body(compress(page, encoding, false), 200);
  };
}

export function clientRoutes(clientDir: string, answer?: AnswerRead) {
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

  const revalidated: Handler = (c, next) => {
    c.header('Cache-Control', 'no-cache');
    return next();
  };
  const page = [
    (c: Context, next: () => Promise<void>) => (existsSync(index) ? next() : notBuilt(c)),
    appPage(clientDir, answer),
  ] as const;
  // The home page is the folder's index, which the static handler would send as it is.
  app.get('/', ...page);
  app.get('*', revalidated, compressedFiles(clientDir), serveStatic({ root: clientDir }), ...page);

  app.all('*', notFound);
  return app;
}
