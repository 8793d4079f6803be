import type { Browser, Page } from '@playwright/test';
import {
  AWAITING,
  MODERATOR,
  PARTICIPANT,
  expect,
  filterQueue,
  newDiscussion,
  openDiscussion,
  postComment,
  signIn,
  test,
  unique,
  type Discussion,
} from './helpers';

/**
 * Live updates on the real server: two (or three) people side by side, each in
 * a browser context of their own, one seeing what another does without
 * reloading. "Within 2 s" is the bound for a change to show.
 */
const LIVE = { timeout: 2_000 };

async function personIn(browser: Browser, account?: { email: string; password: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (account) await signIn(page, account.email, account.password);
  return { context, page };
}

async function queueOf(page: Page, discussion: Discussion) {
  await page.goto('/moderation');
  await expect(page.getByRole('heading', { level: 1, name: 'Moderation' })).toBeVisible();
  await filterQueue(page, discussion);
}

const approveFirst = (page: Page) =>
  page
    .getByRole('group', { name: `Moderate the comment by ${PARTICIPANT.name}` })
    .getByRole('button', { name: 'Approve', exact: true })
    .click();

test.describe('live updates', { tag: '@server' }, () => {
  test('a moderator sees a new entry at once, and the readers see its approval', async ({
    page,
    browser,
  }) => {
    const discussion = await newDiscussion(page);
    const moderator = await personIn(browser, MODERATOR);
    const author = await personIn(browser, PARTICIPANT);
    const reader = await personIn(browser);
    await queueOf(moderator.page, discussion);
    await expect(moderator.page.getByText('Nothing waits for a decision.')).toBeVisible();
    await openDiscussion(author.page, discussion);
    await openDiscussion(reader.page, discussion);

    const text = unique('Community radio reaches the villages that hashtags miss.');
    await postComment(author.page, text);
    const own = author.page.getByRole('article', { name: PARTICIPANT.name }).filter({
      hasText: text,
    });
    await expect(own.getByText(AWAITING)).toBeVisible();
    // The moderator's queue has it without a reload; the reader has nothing yet.
    await expect(moderator.page.getByText(text)).toBeVisible(LIVE);
    await expect(moderator.page.getByText('1 item waiting', { exact: true })).toBeVisible();
    await expect(reader.page.getByRole('button', { name: /new comment/ })).toHaveCount(0);

    await approveFirst(moderator.page);
    await expect(own.getByText(AWAITING)).toHaveCount(0, LIVE);
    const notice = reader.page.getByRole('button', { name: '1 new comment — show them' });
    await expect(notice).toBeVisible(LIVE);
    await notice.click();
    await expect(reader.page.getByRole('article', { name: PARTICIPANT.name })).toContainText(text);

    for (const person of [moderator, author, reader]) await person.context.close();
  });

  test('a reader whose connection dropped catches up when it returns', async ({
    page,
    browser,
  }) => {
    const discussion = await newDiscussion(page);
    const moderator = await personIn(browser, MODERATOR);
    const reader = await personIn(browser);
    await openDiscussion(reader.page, discussion);
    await openDiscussion(moderator.page, discussion);

    await reader.context.setOffline(true);
    const text = unique('Posted while the reader was offline.');
    await postComment(moderator.page, text);
    await expect(
      moderator.page.getByRole('article', { name: MODERATOR.name }).filter({ hasText: text }),
    ).toBeVisible();
    await reader.context.setOffline(false);

    const notice = reader.page.getByRole('button', { name: '1 new comment — show them' });
    await expect(notice).toBeVisible();
    await notice.click();
    await expect(
      reader.page.getByRole('article', { name: MODERATOR.name }).filter({ hasText: text }),
    ).toBeVisible();

    for (const person of [moderator, reader]) await person.context.close();
  });
});
