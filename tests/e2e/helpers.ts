import { randomUUID } from 'node:crypto';
import { test as base, expect, type Locator, type Page } from '@playwright/test';

/**
 * Which backend the project runs against: `demo`, the demo build's backend in the
 * page, where each browser context starts from a fresh seeded forum; `server`, the
 * Node server, where every test of the run shares one database.
 *
 * So that the specs hold on both, a test writes only its own texts (see `unique`)
 * under accounts of its own or the seeded ones, and whatever it publishes, hides or
 * approves goes into a discussion it creates (`newDiscussion`): the seeded
 * discussion stays as seeded for the tests that read it.
 */
export type Backend = 'demo' | 'server';

export interface Discussion {
  slug: string;
  title: string;
  path: string;
}

/** The seeded discussion: no test publishes into it, so it reads as seeded. */
export const SEED: Discussion = {
  slug: 'advancing-womens-rights-through-social-media',
  title: 'Advancing women’s rights through social media: which strategies?',
  path: '/discussions/advancing-womens-rights-through-social-media',
};
export const SEED_SLUG = SEED.slug;
export const SEED_TITLE = SEED.title;
export const DISCUSSION_PATH = SEED.path;

/** A short random word, to make a text, title or address no other test uses. */
export const uniqueId = (): string => randomUUID().slice(0, 8);

/** `label` and a unique word after it. */
export const unique = (label: string): string => `${label} ${uniqueId()}`;

/** An address of its own for a person a test makes join (`ama@…` becomes `ama+1a2b3c4d@…`). */
export function uniqueEmail(email: string): string {
  const [local, domain] = email.split('@');
  return `${local}+${uniqueId()}@${domain}`;
}

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

/** Opens a discussion (the seeded one unless told) and waits until its thread has loaded. */
export async function openDiscussion(page: Page, discussion: Discussion = SEED): Promise<void> {
  await page.goto(discussion.path);
  await expect(page.getByRole('heading', { level: 1, name: discussion.title })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Comments' }).getByText(/^\d+ comments?\b/),
  ).toBeVisible();
}

/** Writes in the composer under the thread and posts. */
export async function postComment(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Your comment' }).fill(text);
  await page.getByRole('button', { name: 'Post comment' }).click();
}

interface NewDiscussion {
  approvalMode?: 'all' | 'first' | 'none';
  /** Comments the moderator posts at once, published: parents for replies. */
  comments?: string[];
}

/**
 * A discussion of the test's own, made by the moderator through the API from the
 * page (in the demo, the backend lives there), who then signs out again. It starts
 * before the seeded one, so that lists keep the seeded one first.
 */
export async function newDiscussion(
  page: Page,
  { approvalMode = 'all', comments = [] }: NewDiscussion = {},
): Promise<Discussion & { commentIds: string[] }> {
  const title = unique('Test discussion');
  // Search results come from the backend itself, never from the answers a page may carry
  // (the demo's first visit): once they show, the backend answers.
  await page.goto(`${SEED.path}/search?q=social`);
  await expect(page.getByText(/^\d+ comments? match/)).toBeVisible();
  const made = await page.evaluate(
    async ({ moderator, discussion, comments }) => {
      const send = async (method: string, path: string, body?: unknown) => {
        const response = await fetch(`/api${path}`, {
          method,
          headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
        return response.status === 204 ? null : ((await response.json()) as unknown);
      };
      await send('POST', '/session', moderator);
      const { slug } = (await send('POST', '/discussions', discussion)) as { slug: string };
      const commentIds: string[] = [];
      for (const body of comments) {
        const comment = (await send('POST', `/discussions/${slug}/comments`, { body })) as {
          id: string;
        };
        commentIds.push(comment.id);
      }
      await send('DELETE', '/session');
      return { slug, commentIds };
    },
    {
      moderator: { email: MODERATOR.email, password: MODERATOR.password },
      discussion: {
        title,
        introduction: 'A discussion made for one end-to-end test.',
        organiser: 'Wikigender',
        startsOn: '2014-01-01',
        endsOn: '2014-01-31',
        approvalMode,
      },
      comments,
    },
  );
  return { ...made, title, path: `/discussions/${made.slug}` };
}

/**
 * The header's link to the queue, named with how many items wait. In the demo the
 * test's own entries are all that wait; on the server other tests' entries wait
 * too, so there it only says that some do.
 */
export function queueLink(page: Page, backend: Backend, waiting = 1): Locator {
  const count =
    backend === 'server'
      ? String.raw`\d+ items? waits?`
      : waiting === 1
        ? '1 item waits'
        : `${waiting} items wait`;
  return page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: new RegExp(String.raw`^Moderation\W+${count}$`) });
}

/** On the queue's page, shows only what waits in `discussion`, as a moderator chooses. */
export async function filterQueue(page: Page, discussion: Discussion): Promise<void> {
  await page
    .getByRole('combobox', { name: 'Discussion', exact: true })
    .selectOption({ label: discussion.title });
  await expect(page).toHaveURL(new RegExp(`[?&]discussion=${discussion.slug}(&|$)`));
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
 * On each page load the demo's mock backend (MSW) calls `registration.update()` on its
 * service worker without waiting for it; now and then, on a busy machine, Chromium
 * reports that update as failed. It is the demo's plumbing, not the app: the page
 * silences it (mocks/browser.ts), and should a browser report it anyway, it is left out.
 */
function dropWorkerUpdateNoise(errors: string[]): void {
  const noise =
    /^(Uncaught \(in promise\) \w+: )?Failed to update a ServiceWorker for scope \(.+\) with script \(.+\/mockServiceWorker\.js\): Not found$/;
  for (let i = errors.length - 1; i >= 0; i -= 1) {
    if (noise.test(errors[i] ?? '')) errors.splice(i, 1);
  }
}

/**
 * `test` with the project's `backend`, and a `consoleErrors` fixture: every console
 * error and uncaught page error of the test. A test that uses it fails when any
 * remain at the end, unless it empties the list itself after checking an expected error.
 */
export const test = base.extend<{ consoleErrors: string[] }, { backend: Backend }>({
  backend: ['demo', { option: true, scope: 'worker' }],
  consoleErrors: async ({ page }, provide) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await provide(errors);
    dropWorkerUpdateNoise(errors);
    expect(errors, 'console errors during the test').toEqual([]);
  },
});

export { expect };
