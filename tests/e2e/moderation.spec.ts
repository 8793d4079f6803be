import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import {
  AWAITING,
  DISCUSSION_PATH,
  MODERATOR,
  PARTICIPANT,
  SEED_SLUG,
  SEED_TITLE,
  expect,
  filterQueue,
  liveRegion,
  newDiscussion,
  openDiscussion,
  postComment,
  queueLink,
  signIn,
  signOut,
  test,
  unique,
  type Backend,
  type Discussion,
} from './helpers';

/**
 * The demo's backend lives in this browser context, so the people of one story
 * take turns in one page: sign out, sign in as the next one. Each story has a
 * discussion of its own, so what it publishes or hides changes no other test's.
 */
async function participantPosts(page: Page, discussion: Discussion, text: string) {
  await signIn(page, PARTICIPANT.email, PARTICIPANT.password);
  await openDiscussion(page, discussion);
  await postComment(page, text);
  await expect(
    page
      .getByRole('article', { name: PARTICIPANT.name })
      .filter({ hasText: text })
      .getByText(AWAITING),
  ).toBeVisible();
  await signOut(page);
}

/**
 * The moderator signs in, opens the queue from the header, which says that one
 * item waits (on the server: that some do), and chooses the story's discussion.
 */
async function moderatorOpensQueue(page: Page, backend: Backend, discussion: Discussion) {
  await signIn(page, MODERATOR.email, MODERATOR.password);
  // The count is read out after the link's name: "Moderation, 1 item waits".
  await queueLink(page, backend).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Moderation' })).toBeVisible();
  await filterQueue(page, discussion);
  await expect(page.getByText('1 item waiting', { exact: true })).toBeVisible();
}

const controlsFor = (page: Page, author: string) =>
  page.getByRole('group', { name: `Moderate the comment by ${author}` });

test.describe('moderating', () => {
  test('an approved comment is published for readers', async ({ page, backend, consoleErrors }) => {
    const discussion = await newDiscussion(page);
    const text = unique(
      'Local radio and WhatsApp groups carry our campaigns further than Twitter.',
    );
    await participantPosts(page, discussion, text);

    await moderatorOpensQueue(page, backend, discussion);
    const item = page.getByRole('listitem').filter({ hasText: text });
    await expect(item).toContainText('New comment');
    await expect(item).toContainText(`by ${PARTICIPANT.name}`);
    await controlsFor(page, PARTICIPANT.name)
      .getByRole('button', { name: 'Approve', exact: true })
      .click();
    await expect(liveRegion(page)).toHaveText(`Approved the comment by ${PARTICIPANT.name}.`);
    await expect(page.getByText('Nothing waits for a decision.')).toBeVisible();
    await signOut(page);

    await openDiscussion(page, discussion);
    const comments = page.getByRole('region', { name: 'Comments' });
    const published = comments.getByRole('article', { name: PARTICIPANT.name });
    await expect(published).toContainText(text);
    await expect(published.getByText(AWAITING)).toHaveCount(0);
    await expect(comments.getByRole('article')).toHaveCount(1);
    await expect(comments.getByText('1 comment', { exact: true })).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });

  test('a rejected comment shows its author the reason, and nobody else', async ({
    page,
    backend,
    consoleErrors,
  }) => {
    const discussion = await newDiscussion(page);
    const text = unique('Buy followers cheap at my shop!');
    const reason = 'Advertising has no place in this discussion.';
    await participantPosts(page, discussion, text);

    await moderatorOpensQueue(page, backend, discussion);
    const controls = controlsFor(page, PARTICIPANT.name);
    await controls.getByRole('button', { name: 'Reject', exact: true }).click();
    const form = controls.getByRole('group', {
      name: `Why reject the comment by ${PARTICIPANT.name}?`,
    });
    await form.getByRole('radio', { name: 'Another reason' }).check();
    await controls.getByRole('textbox', { name: 'Reason in your words' }).fill(reason);
    await controls.getByRole('button', { name: 'Reject with this reason' }).click();
    await expect(liveRegion(page)).toHaveText(`Rejected the comment by ${PARTICIPANT.name}.`);
    await expect(page.getByText('Nothing waits for a decision.')).toBeVisible();
    await signOut(page);

    await signIn(page, PARTICIPANT.email, PARTICIPANT.password);
    await openDiscussion(page, discussion);
    const mine = page.getByRole('article', { name: PARTICIPANT.name });
    await expect(mine).toContainText(text);
    await expect(mine.getByText(`Rejected by a moderator: ${reason}`)).toBeVisible();
    await expect(mine.getByText(AWAITING)).toHaveCount(0);
    await signOut(page);

    await expect(page.getByRole('article', { name: PARTICIPANT.name })).toHaveCount(0);
    await expect(page.getByText(text)).toHaveCount(0);
    expect(consoleErrors).toEqual([]);
  });

  test('a hidden comment shows readers the moderator’s reason in its place', async ({
    page,
    consoleErrors,
  }) => {
    // Entries publish at once here: the comment is readable before it is hidden.
    const discussion = await newDiscussion(page, { approvalMode: 'none' });
    const reason = 'It names a private person without consent.';
    const words = unique('What is needed in Ghana are large active movements of women.');
    await signIn(page, PARTICIPANT.email, PARTICIPANT.password);
    await openDiscussion(page, discussion);
    await postComment(page, words);
    const comments = page.getByRole('region', { name: 'Comments' });
    await expect(comments.getByRole('article', { name: PARTICIPANT.name })).toContainText(words);
    await expect(page.getByText(AWAITING)).toHaveCount(0);
    await signOut(page);

    await signIn(page, MODERATOR.email, MODERATOR.password);
    await openDiscussion(page, discussion);
    const controls = controlsFor(page, PARTICIPANT.name);
    await controls.getByRole('button', { name: 'Hide', exact: true }).click();
    await controls.getByRole('radio', { name: 'Another reason' }).check();
    await controls.getByRole('textbox', { name: 'Reason in your words' }).fill(reason);
    await controls.getByRole('button', { name: 'Hide with this reason' }).click();
    await expect(liveRegion(page)).toHaveText(`Hid the comment by ${PARTICIPANT.name}.`);
    await expect(controls.getByRole('button', { name: 'Restore' })).toBeVisible();
    await signOut(page);

    await openDiscussion(page, discussion);
    const removed = comments.getByRole('article', { name: PARTICIPANT.name });
    await expect(removed.getByText(`Removed by a moderator: ${reason}`)).toBeVisible();
    await expect(removed).not.toContainText(words);
    await expect(page.getByText(words)).toHaveCount(0);
    await expect(comments.getByRole('article')).toHaveCount(1);
    expect(consoleErrors).toEqual([]);
  });
});

const QUOTES = [
  'Often, the key is pairing online action with offline action.',
  'Online activism is taking our struggles to a level of organising',
  'But on the ground action is what it really takes for lasting change',
  'it needs and organising source to harness the momentum into action',
  'campaigned to pressure Facebook into filtering and banning',
  'I think what is needed in Ghana are large active movements of women',
] as const;

test.describe('the digest of extracts', () => {
  test('prints without the site around it or the moderator’s controls', async ({
    page,
    consoleErrors,
  }) => {
    await signIn(page, MODERATOR.email, MODERATOR.password);
    await page.goto(`${DISCUSSION_PATH}/digest`);
    const heading = page.getByRole('heading', {
      level: 1,
      name: 'Extracts from the Wikigender online discussion',
    });
    await expect(heading).toBeVisible();
    const editor = page.getByRole('region', { name: 'Edit the digest' });
    await expect(editor).toBeVisible();
    const download = page.getByRole('button', { name: 'Download as Markdown' });

    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('banner')).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'This discussion' })).toBeHidden();
    await expect(page.getByRole('contentinfo')).toBeHidden();
    await expect(editor).toBeHidden();
    await expect(download).toBeHidden();
    await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
    await expect(heading).toBeVisible();
    await expect(page.getByText(`“${SEED_TITLE}”`)).toBeVisible();
    const quotes = page.getByRole('article', { name: `“${SEED_TITLE}”` }).getByRole('figure');
    await expect(quotes).toHaveCount(QUOTES.length);
    for (const words of QUOTES) {
      await expect(quotes.filter({ hasText: words })).toBeVisible();
    }

    await page.emulateMedia({ media: 'screen' });
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(editor).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });

  test('downloads as a Markdown file with the title and the six quotes', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto(`${DISCUSSION_PATH}/digest`);
    await expect(
      page.getByRole('heading', {
        level: 1,
        name: 'Extracts from the Wikigender online discussion',
      }),
    ).toBeVisible();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download as Markdown' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${SEED_SLUG}-digest.md`);
    const markdown = await readFile(await download.path(), 'utf8');

    expect(markdown).toMatch(/^# Extracts from the Wikigender online discussion\n/);
    expect(markdown).toContain(`## “${SEED_TITLE}”`);
    for (const words of QUOTES) expect(markdown).toContain(words);
    // Each extract is a block quote signed by its author.
    expect(markdown.match(/^> — /gm)).toHaveLength(QUOTES.length);
    expect(markdown).toContain('> — Macarena Aguilar, AWID');
    await expect(liveRegion(page)).toHaveText(`Downloaded ${SEED_SLUG}-digest.md.`);
    expect(consoleErrors).toEqual([]);
  });
});
