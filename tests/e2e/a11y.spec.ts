import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DISCUSSION_PATH, SEED_TITLE, expect, test } from './helpers';

const PAGES = [
  { name: 'home', path: '/', heading: 'Discussions' },
  { name: 'discussion', path: DISCUSSION_PATH, heading: SEED_TITLE },
  // The highlighted comment has its own colours to check.
  { name: 'permalink', path: `${DISCUSSION_PATH}/comments/c-original-4`, heading: SEED_TITLE },
  { name: 'resources', path: `${DISCUSSION_PATH}/resources`, heading: 'Shared resources' },
  { name: 'campaign', path: `${DISCUSSION_PATH}/campaigns/heforshe`, heading: /^Campaign #/ },
  { name: 'not found', path: '/no/such/page', heading: 'Page not found' },
] as const;

const SCHEMES = ['light', 'dark'] as const;

/** Opens a page and waits until its content replaced the loading placeholders. */
async function open(page: Page, path: string, heading: string | RegExp) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

function describeViolations(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']) {
  return violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
  }));
}

for (const scheme of SCHEMES) {
  test.describe(`accessibility in the ${scheme} color scheme`, () => {
    for (const { name, path, heading } of PAGES) {
      test(`the ${name} page has no WCAG 2.1 A/AA violations`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await open(page, path, heading);
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
          scheme === 'dark',
        );
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
          .analyze();
        expect(describeViolations(results.violations)).toEqual([]);
      });
    }
  });
}

test.describe('on a 375 px wide phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  for (const { name, path, heading } of PAGES) {
    test(`the ${name} page does not scroll sideways`, async ({ page }) => {
      await open(page, path, heading);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(375);
    });
  }
});
