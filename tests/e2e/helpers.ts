import { test as base, expect, type Locator, type Page } from '@playwright/test';

/** The seeded discussion every spec starts from: a fresh context has an empty localStorage. */
export const SEED_SLUG = 'advancing-womens-rights-through-social-media';
export const SEED_TITLE = 'Advancing women’s rights through social media: which strategies?';
export const DISCUSSION_PATH = `/discussions/${SEED_SLUG}`;

/** Signs in through the form, as a person would, and waits until the header says so. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

export const PARTICIPANT = {
  name: 'Amina Diallo',
  email: 'amina@example.org',
  password: 'demo-participant',
} as const;
export const MODERATOR = {
  name: 'Wikigender moderator',
  email: 'moderator@example.org',
  password: 'demo-moderator',
} as const;

/** What a participant's own entry says while it waits for a moderator. */
export const AWAITING = 'Awaiting moderation — only you and the moderators see it.';

/** Signs out from the site header and waits until it offers to sign in again. */
export async function signOut(page: Page): Promise<void> {
  const header = page.getByRole('banner');
  await header.getByRole('button', { name: 'Sign out' }).click();
  await expect(header.getByRole('link', { name: 'Sign in' })).toBeVisible();
}

/** Opens the seeded discussion and waits until its thread has loaded. */
export async function openDiscussion(page: Page): Promise<void> {
  await page.goto(DISCUSSION_PATH);
  await expect(page.getByRole('heading', { level: 3, name: 'Nana Darkoa' })).toBeVisible();
}

/** Writes in the composer under the thread and posts. */
export async function postComment(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Your comment' }).fill(text);
  await page.getByRole('button', { name: 'Post comment' }).click();
}

/**
 * The app's one polite live region, where results of posting and moderating are
 * read out to screen reader users: a status that speaks its whole text at once.
 */
export function liveRegion(page: Page): Locator {
  return page.getByRole('status').and(page.locator('[aria-live="polite"][aria-atomic="true"]'));
}

/**
 * Chromium logs every 4xx response as a console error. A test that makes the
 * backend refuse a request on purpose drops exactly those lines, and only those;
 * it gets how many it dropped.
 */
export function dropRefusedRequestErrors(errors: string[], status: number): number {
  const refused = new RegExp(
    `^Failed to load resource: the server responded with a status of ${status} \\(.*\\)$`,
  );
  const before = errors.length;
  const kept = errors.filter((e) => !refused.test(e));
  errors.splice(0, errors.length, ...kept);
  return before - kept.length;
}

/**
 * `test` with a `consoleErrors` fixture: every console error and uncaught page error
 * of the test. A test that uses it fails when any remain at the end, unless it
 * empties the list itself after checking an expected error.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: async ({ page }, provide) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await provide(errors);
    expect(errors, 'console errors during the test').toEqual([]);
  },
});

export { expect };
