import type { Locator, Page } from '@playwright/test';
import {
  DISCUSSION_PATH,
  MODERATOR,
  PARTICIPANT,
  SEED_TITLE,
  expect,
  newDiscussion,
  openDiscussion,
  signIn,
  test,
  unique,
} from './helpers';

const PAGES = [
  { path: '/', heading: 'Discussions' },
  { path: DISCUSSION_PATH, heading: SEED_TITLE },
  { path: `${DISCUSSION_PATH}/resources`, heading: 'Shared resources' },
  { path: `${DISCUSSION_PATH}/digest`, heading: 'Extracts from the Wikigender online discussion' },
  { path: '/moderation', heading: 'Moderation' },
  { path: '/moderation/log', heading: 'Moderation log' },
] as const;

async function open(page: Page, path: string, heading: string) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

/** The computed styles a reader sees of the first element `locator` finds. */
const styleOf = (locator: Locator, ...names: string[]) =>
  locator.first().evaluate((el, keys) => {
    const style = getComputedStyle(el);
    return keys.map((k) => style.getPropertyValue(k));
  }, names);

test.describe('at 375 px', () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test('no page is wider than the screen, and the tabs keep one row', async ({ page }) => {
    await signIn(page, MODERATOR.email, MODERATOR.password);
    for (const { path, heading } of PAGES) {
      await open(page, path, heading);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(375);
    }
    await open(page, DISCUSSION_PATH, SEED_TITLE);
    const tabs = page.getByRole('navigation', { name: 'This discussion' }).getByRole('link');
    await expect(tabs).toHaveCount(3);
    const tops = await tabs.evaluateAll((links) =>
      links.map((l) => Math.round(l.getBoundingClientRect().top)),
    );
    expect(new Set(tops).size).toBe(1);
  });
});

test.describe('at 1280 px', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the header shows the moderator’s whole name', async ({ page }) => {
    await signIn(page, MODERATOR.email, MODERATOR.password);
    const name = page.getByRole('banner').getByText(MODERATOR.name, { exact: true });
    await expect(name).toBeVisible();
    // The box that cuts a long name with an ellipsis holds this one whole.
    const [scroll, client] = await name.evaluate((el) => {
      const box = el.closest('strong') ?? el;
      return [box.scrollWidth, box.clientWidth];
    });
    expect(client).toBeGreaterThan(0);
    expect(scroll).toBeLessThanOrEqual(client);
  });
});

test('printing from dark mode prints dark text on white', async ({ page }) => {
  await open(page, DISCUSSION_PATH, SEED_TITLE);
  const comments = page.getByRole('region', { name: 'Comments' }).getByRole('article');
  await expect(comments.first()).toBeVisible();
  await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
  /** The channels of a computed `rgb(…)` or `rgba(…)` colour, and its opacity. */
  const channels = async (locator: Locator, property: string) => {
    const [value = ''] = await styleOf(locator, property);
    const [r = 0, g = 0, b = 0, a = 1] = (value.match(/[\d.]+/g) ?? []).map(Number);
    return { rgb: [r, g, b], a };
  };
  const texts: [string, Locator][] = [
    ['the title', page.getByRole('heading', { level: 1 })],
    ['the organiser line', page.locator('.discussion-header .eyebrow')],
    ['the dates', page.locator('.discussion-header .meta')],
    ['a comment', comments],
  ];
  for (const [name, locator] of texts) {
    const { rgb } = await channels(locator, 'color');
    expect(Math.max(...rgb), name).toBeLessThan(90);
  }
  for (const locator of [page.locator('body'), comments]) {
    const { rgb, a } = await channels(locator, 'background-color');
    if (a > 0) expect(Math.min(...rgb)).toBeGreaterThan(240);
  }
});

test('a comment’s lists and quotes look the same in the preview and once posted', async ({
  page,
}) => {
  const discussion = await newDiscussion(page, { approvalMode: 'none' });
  await signIn(page, PARTICIPANT.email, PARTICIPANT.password);
  await openDiscussion(page, discussion);
  const first = unique('Three things:');
  await page
    .getByRole('textbox', { name: 'Your comment' })
    .fill(`${first}\n\n- one\n- two\n\n> A quote\n\nAfter the quote.`);
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('listitem')).toHaveCount(2);
  const LIST = ['list-style-type', 'margin-bottom', 'padding-left'];
  const QUOTE = ['margin-top', 'margin-bottom', 'padding-left'];
  const previewed = [
    await styleOf(preview.getByRole('list'), ...LIST),
    await styleOf(preview.getByRole('blockquote'), ...QUOTE),
  ];
  await page.getByRole('button', { name: 'Post comment' }).click();
  const posted = page
    .getByRole('region', { name: 'Comments' })
    .getByRole('article')
    .filter({ hasText: first });
  await expect(posted.getByRole('listitem')).toHaveCount(2);
  expect([
    await styleOf(posted.getByRole('list'), ...LIST),
    await styleOf(posted.getByRole('blockquote'), ...QUOTE),
  ]).toEqual(previewed);
  expect(previewed[0]?.[0]).toBe('disc');
});
