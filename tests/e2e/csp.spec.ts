/**
 * The Content-Security-Policy end to end: built pages carry a policy that allows
 * no inline script and no eval, and the app runs under it without one violation:
 * the production build as the Node server serves it, and the demo build with its
 * backend in a service worker.
 */
import type { Page } from '@playwright/test';
import { syntheticSlug } from '../../src/server/store/scenarios';
import { DISCUSSION_PATH, SEED_TITLE, expect, test } from './helpers';

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
    heading: 'Extracts from the Wikigender online discussion',
  },
];

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
  // Not 'networkidle': a discussion's page keeps its live stream open. Everything it
  // loads has come once nothing on it says it is busy.
  await page.waitForLoadState('load');
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);

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

// The demo project serves the demo build, the server project the production build.
test.describe('the production build, served by the Node server', { tag: '@server' }, () => {
  for (const { name, path, heading } of PAGES) {
    test(`${name}: runs with no violation of its policy`, async ({ page, consoleErrors }) => {
      await expectRunsUnderPolicy(page, path, heading);
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

test.describe('the demo build, with its mock backend in a service worker', { tag: '@demo' }, () => {
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
