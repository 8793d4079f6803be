import type { Locator, Page } from '@playwright/test';
import {
  AWAITING,
  DISCUSSION_PATH,
  MODERATOR,
  SEED_TITLE,
  expect,
  liveRegion,
  newDiscussion,
  queueLink,
  test,
  unique,
  uniqueEmail,
} from './helpers';

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user
 * moves through a page; fails if it is not reached within `max` presses.
 */
async function tabTo(page: Page, target: Locator, { back = false, max = 80 } = {}) {
  await expect(target).toBeVisible();
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target, `reached with ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}`).toBeFocused({
    timeout: 1,
  });
}

/** The focused element draws a focus indicator: its computed outline is not `none`. */
async function expectVisibleFocus(page: Page) {
  const outline = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: style.outlineWidth };
  });
  expect(outline, 'the focused element').not.toBeNull();
  expect(outline?.style).not.toBe('none');
  expect(outline?.width).not.toBe('0px');
}

/** Presses Tab once and checks where the focus went, and that it shows. */
async function tab(page: Page, next: Locator) {
  await page.keyboard.press('Tab');
  await expect(next).toBeFocused();
  await expectVisibleFocus(page);
}

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

const NEWCOMER = { name: 'Ama Owusu', email: 'ama@example.org', password: 'keyboard only' };

test.describe('with the keyboard only', () => {
  test('a person joins and posts a comment, and a moderator approves it from the queue', async ({
    page,
    backend,
    consoleErrors,
  }) => {
    const header = page.getByRole('banner');
    const text = unique('Keyboard users take part in campaigns too.');
    // The approval publishes: in a discussion of this test's own.
    const discussion = await newDiscussion(page);
    await page.goto(discussion.path);
    await expect(h1(page, discussion.title)).toBeVisible();

    await tabTo(page, header.getByRole('link', { name: 'Join' }));
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await expect(h1(page, 'Join Agora')).toBeFocused();

    await tab(page, page.getByLabel('Display name'));
    await page.keyboard.type(NEWCOMER.name);
    await tab(page, page.getByLabel('Organisation (optional)'));
    await tab(page, page.getByLabel('Email'));
    await page.keyboard.type(uniqueEmail(NEWCOMER.email));
    await tab(page, page.getByLabel('Password'));
    await page.keyboard.type(NEWCOMER.password);
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(discussion.path);
    await expect(h1(page, discussion.title)).toBeFocused();
    await expect(header.getByText(NEWCOMER.name, { exact: true })).toBeVisible();
    await expect(liveRegion(page)).toHaveText(`Welcome, ${NEWCOMER.name}. You are signed in.`);

    const composer = page.getByRole('textbox', { name: 'Your comment' });
    await tabTo(page, composer);
    await expectVisibleFocus(page);
    await page.keyboard.type(text);
    await tab(page, page.getByRole('button', { name: 'Post comment' }));
    await page.keyboard.press('Enter');
    await expect(liveRegion(page)).toHaveText('Your comment was sent to the moderators');
    const mine = page.getByRole('article', { name: NEWCOMER.name });
    await expect(mine).toContainText(text);
    await expect(mine.getByText(AWAITING)).toBeVisible();

    await tabTo(page, header.getByRole('button', { name: 'Sign out' }), { back: true });
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await expect(liveRegion(page)).toHaveText('You are signed out.');
    const signInLink = header.getByRole('link', { name: 'Sign in' });
    await tabTo(page, signInLink, { back: true });
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');

    await expect(h1(page, 'Sign in')).toBeFocused();
    await tab(page, page.getByLabel('Email'));
    await page.keyboard.type(MODERATOR.email);
    await tab(page, page.getByLabel('Password', { exact: true }));
    await page.keyboard.type(MODERATOR.password);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(discussion.path);
    await expect(h1(page, discussion.title)).toBeFocused();
    await expect(liveRegion(page)).toHaveText(`You are signed in as ${MODERATOR.name}`);

    const toQueue = queueLink(page, backend);
    await expect(toQueue).toBeVisible();
    if (backend === 'demo') {
      await tabTo(page, toQueue, { back: true });
    } else {
      // On the server the whole queue holds other tests' entries too: this
      // discussion's queue, linked from its moderator tools, holds this one alone.
      await tabTo(page, page.getByRole('link', { name: 'Queue for this discussion' }));
    }
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await expect(h1(page, 'Moderation')).toBeFocused();

    const controls = page.getByRole('group', { name: `Moderate the comment by ${NEWCOMER.name}` });
    await tabTo(page, controls.getByRole('button', { name: 'Approve', exact: true }));
    await expectVisibleFocus(page);
    await page.keyboard.press('Space');
    await expect(liveRegion(page)).toHaveText(`Approved the comment by ${NEWCOMER.name}.`);
    await expect(page.getByText('Nothing waits for a decision.')).toBeVisible();
    // The pressed button went away with the decision; the focus stays on the entry's controls.
    await expect(controls).toBeFocused();
    await expectVisibleFocus(page);
    expect(consoleErrors).toEqual([]);
  });

  test('each page change moves the focus to the new page’s main heading', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto('/');
    await expect(h1(page, 'Discussions')).toBeVisible();

    await tabTo(page, page.getByRole('link', { name: SEED_TITLE }));
    await page.keyboard.press('Enter');
    await expect(h1(page, SEED_TITLE)).toBeFocused();

    const tabs = page.getByRole('navigation', { name: 'This discussion' });
    await tabTo(page, tabs.getByRole('link', { name: 'Resources' }));
    await page.keyboard.press('Enter');
    await expect(h1(page, 'Shared resources')).toBeFocused();

    await tabTo(page, tabs.getByRole('link', { name: 'Digest of extracts' }));
    await page.keyboard.press('Enter');
    await expect(h1(page, 'Extracts from the Wikigender online discussion')).toBeFocused();

    await tabTo(page, page.getByRole('link', { name: '#HeForShe', exact: true }));
    await page.keyboard.press('Enter');
    await expect(h1(page, 'Campaign #HeForShe')).toBeFocused();

    await tabTo(page, page.getByRole('banner').getByRole('link', { name: 'Sign in' }), {
      back: true,
    });
    await page.keyboard.press('Enter');
    await expect(h1(page, 'Sign in')).toBeFocused();

    await tabTo(page, page.getByRole('link', { name: 'Join Agora' }));
    await page.keyboard.press('Enter');
    await expect(h1(page, 'Join Agora')).toBeFocused();

    await tabTo(
      page,
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Discussions' }),
      { back: true },
    );
    await page.keyboard.press('Enter');
    await expect(h1(page, 'Discussions')).toBeFocused();
    expect(consoleErrors).toEqual([]);
  });

  test('the skip link is the first stop and leads to the content', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto(DISCUSSION_PATH);
    await expect(h1(page, SEED_TITLE)).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`${DISCUSSION_PATH}#main`);
    // The next stop is inside the page's content, past the site's header.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('banner').locator(':focus')).toHaveCount(0);
    await expect(page.getByRole('main').locator(':focus')).toHaveCount(1);
    expect(consoleErrors).toEqual([]);
  });
});
