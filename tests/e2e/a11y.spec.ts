import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import {
  AWAITING,
  DISCUSSION_PATH,
  MODERATOR,
  PARTICIPANT,
  SEED_TITLE,
  expect,
  filterQueue,
  newDiscussion,
  openDiscussion,
  postComment,
  signIn,
  signOut,
  test,
  unique,
} from './helpers';

const PAGES = [
  { name: 'home', path: '/', heading: 'Discussions' },
  { name: 'discussion', path: DISCUSSION_PATH, heading: SEED_TITLE },
  // The highlighted comment has its own colours to check.
  { name: 'permalink', path: `${DISCUSSION_PATH}/comments/c-original-4`, heading: SEED_TITLE },
  { name: 'resources', path: `${DISCUSSION_PATH}/resources`, heading: 'Shared resources' },
  { name: 'campaign', path: `${DISCUSSION_PATH}/campaigns/heforshe`, heading: /^Campaign #/ },
  // Marked words in the excerpts have their own colours to check.
  {
    name: 'search results',
    path: `${DISCUSSION_PATH}/search?q=social`,
    heading: 'Search this discussion',
  },
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

/** Checks the page as it stands, in both color schemes, naming the state in a failure. */
async function expectNoViolations(page: Page, state: string) {
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
      .analyze();
    expect(describeViolations(results.violations), `${state}, ${scheme} scheme`).toEqual([]);
  }
}

/**
 * A participant's comment waits in the queue; the moderator is signed in, on the
 * queue of the comment's discussion, one of the test's own.
 */
async function queueWithAComment(page: Page) {
  const discussion = await newDiscussion(page);
  await signIn(page, PARTICIPANT.email, PARTICIPANT.password);
  await openDiscussion(page, discussion);
  await postComment(page, unique('A comment for the moderators to read.'));
  await expect(page.getByText(AWAITING)).toBeVisible();
  await signOut(page);
  await signIn(page, MODERATOR.email, MODERATOR.password);
  await open(page, '/moderation', 'Moderation');
  await filterQueue(page, discussion);
  await expect(page.getByText('1 item waiting', { exact: true })).toBeVisible();
}

test.describe('accessibility of the states a person brings about', () => {
  // Each state is checked in both color schemes, and one axe pass over a long page
  // takes seconds on a busy machine.
  test.slow();

  test('writing a comment: the composer with text, then its preview', async ({ page }) => {
    await signIn(page, PARTICIPANT.email, PARTICIPANT.password);
    await open(page, DISCUSSION_PATH, SEED_TITLE);
    await page
      .getByRole('textbox', { name: 'Your comment' })
      .fill('Our **#HeForShe** panel: see https://example.org and > quote');
    await expectNoViolations(page, 'composer with text');

    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(
      page
        .getByRole('region', { name: 'Preview' })
        .getByRole('link', { name: 'https://example.org' }),
    ).toBeVisible();
    await expectNoViolations(page, 'preview');
  });

  test('signing in and joining, with the field errors of an empty form', async ({ page }) => {
    await open(page, '/sign-in', 'Sign in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
    await expectNoViolations(page, 'sign-in with errors');

    await open(page, '/join', 'Join Agora');
    await page.getByRole('button', { name: 'Join' }).click();
    await expect(page.getByLabel('Display name')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
    await expectNoViolations(page, 'join with errors');
  });

  test('sharing a resource refused, and a flag form open', async ({ page }) => {
    await signIn(page, PARTICIPANT.email, PARTICIPANT.password);
    await open(page, `${DISCUSSION_PATH}/resources`, 'Shared resources');
    const share = page.getByRole('region', { name: 'Share a resource' });
    await share.getByLabel('Address').fill('javascript:alert(1)');
    await share.getByLabel('Title').fill('Free prizes');
    await share.getByLabel('Kind of resource').selectOption({ label: 'Other' });
    await share.getByRole('button', { name: 'Share resource' }).click();
    await expect(share.getByLabel('Address')).toHaveAttribute('aria-invalid', 'true');
    await expectNoViolations(page, 'share form with an error');

    await page
      .getByRole('article', { name: 'HarassMap' })
      .getByRole('button', { name: 'Flag' })
      .click();
    await expect(
      page.getByRole('radiogroup', { name: 'Why should the moderators look at this resource?' }),
    ).toBeVisible();
    await expectNoViolations(page, 'flag form open');
  });

  test('moderating: the queue with an item, a rejection reason, then the log', async ({ page }) => {
    await queueWithAComment(page);
    await expectNoViolations(page, 'queue with an item');

    const controls = page.getByRole('group', {
      name: `Moderate the comment by ${PARTICIPANT.name}`,
    });
    await controls.getByRole('button', { name: 'Reject', exact: true }).click();
    await controls.getByRole('radio', { name: 'Another reason' }).check();
    await expect(controls.getByRole('textbox', { name: 'Reason in your words' })).toBeVisible();
    await expectNoViolations(page, 'rejection reason form');

    const reason = unique('Not on topic:');
    await controls.getByRole('textbox', { name: 'Reason in your words' }).fill(reason);
    await controls.getByRole('button', { name: 'Reject with this reason' }).click();
    await expect(page.getByText('Nothing waits for a decision.')).toBeVisible();
    await page.getByRole('link', { name: 'Moderation log' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Moderation log' })).toBeVisible();
    await expect(page.getByRole('cell', { name: reason })).toBeVisible();
    await expectNoViolations(page, 'moderation log');
  });

  test('the digest as a moderator sees it, with its editor', async ({ page }) => {
    await signIn(page, MODERATOR.email, MODERATOR.password);
    await open(page, `${DISCUSSION_PATH}/digest`, 'Extracts from the Wikigender online discussion');
    await expect(page.getByRole('region', { name: 'Edit the digest' })).toBeVisible();
    await expectNoViolations(page, 'digest');
  });

  test('creating a discussion, with the field errors of an empty form', async ({ page }) => {
    await signIn(page, MODERATOR.email, MODERATOR.password);
    await open(page, '/discussions/new', 'Create a discussion');
    await page.getByRole('button', { name: 'Create discussion' }).click();
    await expect(page.getByRole('alert')).toContainText('The discussion was not created.');
    await expect(page.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
    await expectNoViolations(page, 'discussion form with errors');
  });

  test.describe('when the backend cannot be reached', () => {
    // The demo's backend is a service worker in the page, which answers before any
    // request reaches the network (so page.route sees none): blocking it leaves the
    // app with nothing to talk to. The server's requests are cut off on their way.
    test.use({ serviceWorkers: 'block' });

    test('the home page says so and offers to try again', async ({ page, backend }) => {
      if (backend === 'server') await page.route('**/api/**', (route) => route.abort());
      // The page as a cache would have kept it: without the answers the server (or the demo
      // build) puts in the page (src/server/node/page-reads.ts), so that its reads go out.
      await page.route(
        (url) => url.pathname === '/',
        async (route) => {
          const response = await route.fetch();
          const body = (await response.text()).replace(
            /<script type="application\/json" id="agora-page-answers">.*?<\/script>/s,
            '',
          );
          await route.fulfill({ response, body });
        },
      );
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1, name: 'Discussions' })).toBeVisible();
      const alert = page.getByRole('alert');
      // Loads are retried twice before the page gives up.
      await expect(alert).toContainText('The discussions could not be loaded', {
        timeout: 15_000,
      });
      await expect(alert).toContainText('Could not reach the server.');
      await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
      await expectNoViolations(page, 'error state');
    });
  });
});

test.describe('taking part on a 375 px wide phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  const expectNoSidewaysScroll = async (page: Page, state: string) => {
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth, state).toBeLessThanOrEqual(375);
  };

  test('the composer with text and its preview do not scroll sideways', async ({ page }) => {
    await signIn(page, PARTICIPANT.email, PARTICIPANT.password);
    await open(page, DISCUSSION_PATH, SEED_TITLE);
    await page
      .getByRole('textbox', { name: 'Your comment' })
      .fill(`A long address: https://example.org/${'a-very-long-path-segment/'.repeat(6)}`);
    await expectNoSidewaysScroll(page, 'composer');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByRole('region', { name: 'Preview' }).getByRole('link')).toBeVisible();
    await expectNoSidewaysScroll(page, 'preview');
  });

  test('the moderation queue with an item and its reason form does not scroll sideways', async ({
    page,
  }) => {
    await queueWithAComment(page);
    await expectNoSidewaysScroll(page, 'queue');
    const controls = page.getByRole('group', {
      name: `Moderate the comment by ${PARTICIPANT.name}`,
    });
    await controls.getByRole('button', { name: 'Reject', exact: true }).click();
    await controls.getByRole('radio', { name: 'Another reason' }).check();
    await expectNoSidewaysScroll(page, 'reason form');
  });
});
