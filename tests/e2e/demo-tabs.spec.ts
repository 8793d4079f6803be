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
  test('shows the original discussion before the in-page backend has started, and only the first time', async ({
    page: first,
    context,
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

    // Signing in writes this browser's own database: the seeded forum's answers are no longer its.
    const page = await context.newPage();
    await signIn(page, PARTICIPANT.email, PARTICIPANT.password);
    const later = await context.newPage();
    await holdBackend(later);
    // Another tab learns of a storage write a moment later, as a person's next tab would.
    await later.goto('/favicon.svg');
    await expect
      .poll(() => later.evaluate(() => localStorage.getItem('agora-demo-database') !== null))
      .toBe(true);
    await later.goto(SEED.path);
    await expect(
      later.getByRole('status').filter({ hasText: 'Loading the discussion…' }),
    ).toBeVisible();
    // Two frames later the page would have rendered the answers, had it taken them.
    await later.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    await expect(later.getByRole('heading', { level: 1, name: SEED_TITLE })).toHaveCount(0);
    await expect(later.getByRole('link', { name: 'Sign in', exact: true })).toHaveCount(0);
    expect(consoleErrors).toEqual([]);
  });
});
