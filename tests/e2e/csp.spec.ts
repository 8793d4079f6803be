/**
 * The Content-Security-Policy end to end: built pages carry a policy that allows
 * no inline script and no eval, and the app runs under it without one violation.
 *
 * The production build has no mock backend, so it is built here and served by a
 * small server that answers the reading pages' requests with what the mock
 * backend's rules return for the seeded discussion. The demo build, with its
 * service worker, is checked too, on the server of the Playwright config.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { getCampaign, listCampaigns } from '../../mocks/rules/campaigns';
import { RuleError, type Ctx } from '../../mocks/rules/core';
import { getDigest } from '../../mocks/rules/digest';
import { getDiscussion, listDiscussions } from '../../mocks/rules/discussions';
import { listResources } from '../../mocks/rules/resources';
import { getSession } from '../../mocks/rules/session';
import { listComments } from '../../mocks/rules/thread';
import { syntheticSlug } from '../../mocks/scenarios';
import { seedStore } from '../../mocks/store';
import { digestHeading } from '../../src/features/digest/digest-markdown';
import { DISCUSSION_PATH, SEED_SLUG, SEED_TITLE, expect, test } from './helpers';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const PAGES = [
  { name: 'home', path: '/', heading: 'Discussions' },
  { name: 'discussion', path: DISCUSSION_PATH, heading: SEED_TITLE },
  { name: 'resources', path: `${DISCUSSION_PATH}/resources`, heading: 'Shared resources' },
  {
    name: 'campaign',
    path: `${DISCUSSION_PATH}/campaigns/heforshe`,
    heading: 'Campaign #HeForShe',
  },
  {
    name: 'digest',
    path: `${DISCUSSION_PATH}/digest`,
    heading: digestHeading(
      getDiscussion({ store: seedStore(), viewer: null, now: new Date() }, SEED_SLUG),
    ),
  },
];

type Route = [RegExp, (ctx: Ctx, params: string[], query: Record<string, string>) => unknown];

/** The reading pages' requests, answered by the mock backend's rules. */
const ROUTES: Route[] = [
  [/^session$/, (ctx) => getSession(ctx)],
  [/^discussions$/, (ctx) => listDiscussions(ctx)],
  [/^discussions\/([^/]+)$/, (ctx, [slug = '']) => getDiscussion(ctx, slug)],
  [/^discussions\/([^/]+)\/comments$/, (ctx, [slug = ''], q) => listComments(ctx, slug, q)],
  [/^discussions\/([^/]+)\/resources$/, (ctx, [slug = ''], q) => listResources(ctx, slug, q)],
  [/^discussions\/([^/]+)\/campaigns$/, (ctx, [slug = '']) => listCampaigns(ctx, slug)],
  [
    /^discussions\/([^/]+)\/campaigns\/([^/]+)$/,
    (ctx, [slug = '', tag = '']) => getCampaign(ctx, slug, tag),
  ],
  [/^discussions\/([^/]+)\/digest$/, (ctx, [slug = '']) => getDigest(ctx, slug)],
];

/** Answers a GET below /api as the mock backend would answer a reader of the seeded store. */
function answer(url: URL): { status: number; body: unknown } {
  const path = url.pathname.slice('/api/'.length);
  for (const [pattern, run] of ROUTES) {
    const match = pattern.exec(path);
    if (!match) continue;
    const ctx: Ctx = { store: seedStore(), viewer: null, now: new Date() };
    try {
      const params = match.slice(1).map((p) => decodeURIComponent(p));
      return { status: 200, body: run(ctx, params, Object.fromEntries(url.searchParams)) };
    } catch (error) {
      if (!(error instanceof RuleError)) throw error;
      return {
        status: error.status,
        body: { error: { code: error.code, message: error.message } },
      };
    }
  }
  return { status: 404, body: { error: { code: 'not_found', message: 'No such endpoint.' } } };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

/** Static files from `dir`, index.html for any page address, and the reading API. */
function serve(dir: string): Server {
  return createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (url.pathname.startsWith('/api/')) {
        const { status, body } =
          request.method === 'GET'
            ? answer(url)
            : { status: 405, body: { error: { code: 'bad_request', message: 'Read only.' } } };
        response.writeHead(status, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(body));
        return;
      }
      const file = resolve(dir, `.${decodeURIComponent(url.pathname)}`);
      const isAsset = extname(url.pathname) !== '' && file.startsWith(dir + sep);
      try {
        const path = isAsset ? file : join(dir, 'index.html');
        const data = await readFile(path);
        response.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'text/plain' });
        response.end(data);
      } catch {
        response.writeHead(404, { 'Content-Type': 'text/plain' });
        response.end('Not found');
      }
    })();
  });
}

/** Every policy violation the page reports, from before its first script runs. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const messages: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) messages.push(m.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: seen });
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}`);
    });
  });
  return async () => [
    ...(await page.evaluate(
      () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
    )),
    ...messages,
  ];
}

async function expectRunsUnderPolicy(page: Page, url: string, heading: string) {
  const violations = await watchViolations(page);
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await page.waitForLoadState('networkidle');

  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  const directives = new Map(
    (policy ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name = '', ...values]) => [name, values]),
  );
  const scriptSrc = directives.get('script-src') ?? directives.get('default-src');
  expect.soft(scriptSrc, `script-src of ${policy ?? 'no policy'}`).toBeDefined();
  expect.soft(scriptSrc).not.toContain("'unsafe-inline'");
  expect.soft(scriptSrc).not.toContain("'unsafe-eval'");
  expect.soft(directives.get('style-src')).not.toContain("'unsafe-inline'");
  expect(await violations(), 'policy violations').toEqual([]);
  return violations;
}

test.describe('the production build', () => {
  test.describe.configure({ mode: 'default' });
  let dir = '';
  let server: Server | undefined;
  let origin = '';

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    dir = await mkdtemp(join(tmpdir(), 'agora-csp-'));
    await promisify(execFile)(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', '--outDir', dir, '--emptyOutDir'],
      { cwd: ROOT, env: { ...process.env, VITE_MOCK_API: 'false' } },
    );
    server = serve(dir);
    await new Promise<void>((done) => server?.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  test.afterAll(async () => {
    await new Promise((done) => server?.close(done));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  for (const { name, path, heading } of PAGES) {
    test(`${name}: runs with no violation of its policy`, async ({ page, consoleErrors }) => {
      await expectRunsUnderPolicy(page, `${origin}${path}`, heading);
      // The mock backend is left out of production builds entirely.
      const workers = await page.evaluate(() =>
        navigator.serviceWorker.getRegistrations().then((r) => r.length),
      );
      expect(workers).toBe(0);
      expect(consoleErrors).toEqual([]);
    });
  }
});

/** A thread long enough to be windowed: React positions its comments with inline styles. */
const LONG_THREAD = {
  path: `/discussions/${syntheticSlug(1_000)}?scenario=long-threads`,
  heading: 'Long thread test: 1,000 comments',
};

test.describe('the demo build, with its mock backend in a service worker', () => {
  for (const { name, path, heading } of PAGES) {
    test(`${name}: runs with no violation of its policy`, async ({ page, consoleErrors }) => {
      await expectRunsUnderPolicy(page, path, heading);
      expect(consoleErrors).toEqual([]);
    });
  }

  test('long thread: windowed with styles set through the DOM, which the policy allows', async ({
    page,
    consoleErrors,
  }) => {
    const violations = await expectRunsUnderPolicy(page, LONG_THREAD.path, LONG_THREAD.heading);
    // Past 60 loaded comments the thread is windowed.
    await page.getByRole('button', { name: 'Show more comments' }).click();
    await expect(page.locator('main [style*="translateY"]').first()).toBeVisible();
    expect(await violations(), 'policy violations once windowed').toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
