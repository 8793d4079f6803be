import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import {
  MODERATOR,
  PARTICIPANT,
  expect,
  newDiscussion,
  openDiscussion,
  postComment,
  signIn,
  signOut,
  test,
  unique,
  uniqueEmail,
} from './helpers';

/** No WCAG 2.1 A/AA violation on the page as it stands, in both color schemes. */
async function expectAccessible(page: Page, state: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
      .analyze();
    expect(
      violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      `${state}, ${scheme} scheme`,
    ).toEqual([]);
  }
}

const AUTHOR = {
  name: 'Nadia Haddad',
  email: 'nadia@example.org',
  password: 'nadia-long-password',
};

test.describe('notifications', () => {
  test('an author is told of the approval of their comment and follows it there', async ({
    page,
    consoleErrors,
  }) => {
    const discussion = await newDiscussion(page);
    const email = uniqueEmail(AUTHOR.email);
    const text = unique('Community radio reached women that no hashtag did.');

    // A newcomer of this test only, so that the count is theirs alone on a shared server.
    await page.evaluate(
      async (account) => {
        const response = await fetch('/api/accounts', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(account),
        });
        if (!response.ok) throw new Error(`join: ${response.status}`);
      },
      { displayName: AUTHOR.name, email, password: AUTHOR.password },
    );
    await openDiscussion(page, discussion);
    await postComment(page, text);
    await signOut(page);

    // The moderator approves it from another session, through the API.
    await page.evaluate(
      async ({ moderator, slug }) => {
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
        const queue = (await send('GET', `/moderation/queue?discussion=${slug}`)) as {
          items: { comment: { id: string } | null }[];
        };
        const id = queue.items[0]?.comment?.id;
        await send('POST', '/moderation/decisions', {
          kind: 'comment',
          id,
          action: 'approve',
          expectedStatus: 'pending',
        });
        await send('DELETE', '/session');
      },
      {
        moderator: { email: MODERATOR.email, password: MODERATOR.password },
        slug: discussion.slug,
      },
    );

    await signIn(page, email, AUTHOR.password);
    const header = page.getByRole('banner');
    await header.getByRole('link', { name: 'Notifications, 1 unread' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
    const told = page
      .getByRole('list', { name: 'Your notifications, newest first' })
      .getByRole('listitem');
    await expect(told).toHaveCount(1);
    await expect(told).toContainText(text);
    await expectAccessible(page, 'the notifications page');
    await told
      .getByRole('link', { name: `Your comment in “${discussion.title}” was published.` })
      .click();

    const comment = page.getByRole('article', { name: AUTHOR.name }).filter({ hasText: text });
    await expect(comment).toBeVisible();
    await expect(
      comment.getByRole('button', { name: 'Follow this thread', pressed: true }),
    ).toBeVisible();
    await expect(header.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();
    await expectAccessible(page, 'a permalink with the follow buttons');
    expect(consoleErrors).toEqual([]);
  });

  test.describe('on a 375 px wide phone', () => {
    test.use({ viewport: { width: 375, height: 740 } });

    for (const person of [PARTICIPANT, MODERATOR]) {
      test(`the header with the notifications link does not scroll sideways for ${person.name}`, async ({
        page,
      }) => {
        await signIn(page, person.email, person.password);
        await page.goto('/notifications');
        await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
        await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(scrollWidth).toBeLessThanOrEqual(375);
      });
    }
  });
});
