import { test as base, expect, type Page } from '@playwright/test';

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
