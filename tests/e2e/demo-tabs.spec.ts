import type { Page } from '@playwright/test';
import {
  AWAITING,
  PARTICIPANT,
  SEED,
  SEED_TITLE,
  expect,
  openDiscussion,
  postComment,
  signIn,
  test,
  unique,
} from './helpers';

/** Amina's own comment with `text`, waiting for a moderator, as `page` shows it. */
const mine = (page: Page, text: string) =>
  page
    .getByRole('region', { name: 'Comments' })
    .getByRole('article', { name: PARTICIPANT.name })
    .filter({ hasText: text });

// The demo keeps its forum in this browser, shared by its tabs; on the server there
// is one forum for every browser, which the other specs show.
test.describe('the demo in two tabs of one browser', { tag: '@demo' }, () => {
  test('is one forum: what one tab posts, the other shows, and neither undoes the other', async ({
    page: first,
    context,
    consoleErrors,
  }) => {
    const [one, two, three] = [
      unique('From the first tab:'),
      unique('From the first tab again, while the second one still shows the thread:'),
      unique('From the second tab:'),
    ];
    const comments = (page: Page) =>
      page.getByRole('region', { name: 'Comments' }).getByRole('article');
    await signIn(first, PARTICIPANT.email, PARTICIPANT.password);
    await openDiscussion(first, SEED);
    const second = await context.newPage();
    await openDiscussion(second, SEED);
    await expect(second.getByRole('button', { name: 'Sign out' })).toBeVisible();

    await postComment(first, one);
    await expect(mine(first, one).getByText(AWAITING)).toBeVisible();
    await second.reload();
    await expect(mine(second, one).getByText(AWAITING)).toBeVisible();
    await expect(comments(second)).toHaveCount(7);

    // The second tab has not seen this one when it posts its own.
    await postComment(first, two);
    await expect(mine(first, two)).toBeVisible();
    await postComment(second, three);
    await expect(mine(second, three).getByText(AWAITING)).toBeVisible();
    await expect(mine(second, two)).toBeVisible();

    for (const page of [first, second]) {
      await page.reload();
      for (const text of [one, two, three]) {
        await expect(mine(page, text).getByText(AWAITING)).toBeVisible();
      }
      await expect(comments(page)).toHaveCount(9);
    }
    expect(consoleErrors).toEqual([]);
  });
});

/**
 * Keeps the page's in-page backend from starting: its service worker never registers,
 * so no read that the page does not already hold an answer to can be answered.
 */
async function holdBackend(page: Page): Promise<void> {
  await page.addInitScript(() => {
    navigator.serviceWorker.register = () => new Promise(() => undefined);
  });
}

test.describe('a first visit to the demo', { tag: '@demo' }, () => {
  test('shows the original discussion before the in-page backend has started', async ({
    page: first,
    consoleErrors,
  }) => {
    await holdBackend(first);
    await first.goto(SEED.path);
    await expect(first.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
    await expect(
      first
        .getByRole('region', { name: 'Comments' })
        .getByRole('article', { name: 'Macarena Aguilar' }),
    ).toContainText('Online activism is taking our struggles to a level of organising');
    await expect(first.getByRole('link', { name: 'Sign in', exact: true })).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });
});
