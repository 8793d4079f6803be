import type { Locator, Page } from '@playwright/test';
import { syntheticSlug } from '../../src/server/store/scenarios';
import { expect, test } from './helpers';

/** The synthetic long threads exist in the demo only (`?scenario=long-threads`). */
const thread = (size: number) => `/discussions/${syntheticSlug(size)}`;
const SCENARIO = '?scenario=long-threads';

/** The comment whose text starts "Comment n." in the synthetic threads. */
const comment = (page: Page, n: number): Locator =>
  page.getByRole('article').filter({ has: page.getByText(`Comment ${n}.`, { exact: true }) });

/** How far the top of `locator` is from the top of the screen, in CSS pixels. */
const topOf = (locator: Locator) =>
  locator.evaluate((el) => Math.round(el.getBoundingClientRect().top));

/**
 * Scrolls as a reader would, and waits until the windowed list has measured what
 * came into view and the page stands still (some frames in a row without a move).
 */
async function scrollBy(page: Page, pixels: number): Promise<void> {
  await page.evaluate(async (by) => {
    window.scrollBy(0, by);
    let still = 0;
    let last = -1;
    while (still < 10) {
      await new Promise(requestAnimationFrame);
      const now = document.documentElement.scrollHeight * 1e6 + window.scrollY;
      still = now === last ? still + 1 : 0;
      last = now;
    }
  }, pixels);
}

async function openThread(page: Page, path: string): Promise<void> {
  await page.goto(`${path}${SCENARIO}`);
  await expect(page.getByRole('heading', { level: 1, name: /^Long thread test/ })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Comments' }).getByRole('article').first(),
  ).toBeVisible();
}

test.describe('no place is lost in a long thread', { tag: '@demo' }, () => {
  test('Back from a campaign page returns to the comment being read deep in a windowed list, with its pages kept', async ({
    page,
    consoleErrors,
  }) => {
    await openThread(page, thread(1_000));
    await page.getByRole('button', { name: 'Show more comments' }).click();
    await expect(comment(page, 51)).toBeVisible();
    // Read on, a few screens down the windowed list, until a campaign link is on screen.
    await scrollBy(page, 2_500);
    const onScreen = () =>
      page.evaluate(() => {
        const shown = [...document.querySelectorAll('main article')].filter(
          (a) => a.getBoundingClientRect().bottom > 0,
        );
        const linked = shown.find((a) => {
          const box = a.querySelector('a[href$="/campaigns/hashtag"]')?.getBoundingClientRect();
          return box && box.top >= 0 && box.bottom <= window.innerHeight;
        });
        return { reading: shown[0]?.id ?? '', linked: linked?.id ?? '' };
      });
    await expect
      .poll(async () => {
        const { linked } = await onScreen();
        if (!linked) await scrollBy(page, 150);
        return linked;
      })
      .not.toBe('');
    const ids = await onScreen();
    const reading = page.locator(`[id="${ids.reading}"]`);
    const top = await topOf(reading);

    await page.locator(`[id="${ids.linked}"]`).getByRole('link', { name: '#hashtag' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Campaign #hashtag' })).toBeVisible();
    await page.goBack();

    // The comment is past the first page: the pages loaded before are still there.
    await expect(reading).toBeInViewport();
    await expect.poll(() => topOf(reading)).toBe(top);
    expect(consoleErrors).toEqual([]);
  });

  test('"Show more comments" gives the focus to the first comment it brought', async ({
    page,
    consoleErrors,
  }) => {
    await openThread(page, thread(1_000));
    await page.getByRole('button', { name: 'Show more comments' }).focus();
    await page.keyboard.press('Enter');
    const first = comment(page, 51);
    await expect(first).toBeFocused();
    await expect(first).toBeInViewport();
    expect(consoleErrors).toEqual([]);
  });

  test('"Show earlier comments" keeps the comment being read in place, and focuses the one before it', async ({
    page,
    consoleErrors,
  }) => {
    await openThread(page, `${thread(10_000)}/comments/s10000-5001`);
    const reading = comment(page, 5001);
    await expect(reading).toBeFocused();
    await expect(reading).toBeInViewport();
    const top = await topOf(reading);

    await page.getByRole('button', { name: 'Show earlier comments' }).focus();
    await page.keyboard.press('Enter');
    const before = comment(page, 5000);
    await expect(before).toBeFocused();
    await expect(reading).toBeInViewport();
    await expect.poll(() => topOf(reading)).toBe(top);
    expect(consoleErrors).toEqual([]);
  });
});
