import { DISCUSSION_PATH, SEED_TITLE, expect, test } from './helpers';

/** The six original extracts: author, organisation, and words from the quote. */
const QUOTES = [
  ['Take Back the Tech!', null, 'Often, the key is pairing online action with offline action.'],
  ['Macarena Aguilar', 'AWID', 'Online activism is taking our struggles to a level of organising'],
  ['GGCA Secretariat', null, 'But on the ground action is what it really takes for lasting change'],
  ['Keshet Bachan', null, 'it needs and organising source to harness the momentum into action'],
  ['Liri Kopaci-Di Michele', null, 'campaigned to pressure Facebook into filtering and banning'],
  ['Nana Darkoa', null, 'I think what is needed in Ghana are large active movements of women'],
] as const;

const RESOURCES = [
  'Gender, Technology, and Social Change',
  'Online social change: easy to organize, hard to win',
  'Media and the Image of Women',
  'HarassMap',
];

const CAMPAIGNS = [
  'everydaysexism',
  'bringbackourgirls',
  'HeForShe',
  'OzgecanAslan',
  'MyDressMyChoice',
  '5thwcw',
];

test.describe('reading a discussion', () => {
  test('from the home page to the quotes, resources and campaigns', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Discussions' })).toBeVisible();
    await expect(page).toHaveTitle('Discussions · Agora');

    await page.getByRole('link', { name: SEED_TITLE }).click();
    await expect(page).toHaveURL(DISCUSSION_PATH);
    await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
    await expect(page).toHaveTitle(`${SEED_TITLE} · Agora`);

    const comments = page.getByRole('region', { name: 'Comments' });
    for (const [author, organisation, words] of QUOTES) {
      const comment = comments.getByRole('article', { name: author });
      await expect(comment.getByRole('heading', { level: 3, name: author })).toBeVisible();
      if (organisation)
        await expect(comment.getByText(organisation, { exact: true })).toBeVisible();
      await expect(comment).toContainText(words);
    }
    await expect(comments.getByRole('article')).toHaveCount(QUOTES.length);

    const resources = page.getByRole('region', { name: 'Shared resources' });
    for (const title of RESOURCES) {
      await expect(resources.getByRole('heading', { level: 3, name: title })).toBeVisible();
    }
    await expect(resources.getByRole('article')).toHaveCount(RESOURCES.length);

    const campaigns = page.getByRole('region', { name: 'Campaigns mentioned' });
    for (const tag of CAMPAIGNS) {
      await expect(campaigns.getByRole('link', { name: `#${tag}`, exact: true })).toBeVisible();
    }
    await expect(campaigns.getByRole('link')).toHaveCount(CAMPAIGNS.length);
    expect(consoleErrors).toEqual([]);
  });

  test('a permalink opens at its comment, in view, highlighted and focused', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto(`${DISCUSSION_PATH}/comments/c-original-4`);
    const comment = page.getByRole('article', { name: 'Keshet Bachan' });
    await expect(comment).toBeFocused();
    await expect(comment).toHaveClass(/\bis-target\b/);
    await expect(comment).toBeInViewport();
    await expect(
      page
        .getByRole('navigation', { name: 'This discussion' })
        .getByRole('link', { name: 'Comments' }),
    ).toHaveAttribute('aria-current', 'page');
    // Only the linked comment stands out.
    await expect(page.getByRole('article').and(page.locator('.is-target'))).toHaveCount(1);
    await expect(page).toHaveTitle(`${SEED_TITLE} · Agora`);
    expect(consoleErrors).toEqual([]);
  });

  test('a campaign link opens the comments that mention it', async ({ page, consoleErrors }) => {
    await page.goto(DISCUSSION_PATH);
    await page
      .getByRole('region', { name: 'Campaigns mentioned' })
      .getByRole('link', { name: '#HeForShe', exact: true })
      .click();
    await expect(page).toHaveURL(`${DISCUSSION_PATH}/campaigns/heforshe`);
    // Named as written, not as the lower-case key in the address.
    await expect(
      page.getByRole('heading', { level: 1, name: 'Campaign #HeForShe', exact: true }),
    ).toBeVisible();
    await expect(
      page.getByRole('heading', { level: 2, name: /mentioning #HeForShe/ }),
    ).toBeVisible();
    await expect(page).toHaveTitle(`#HeForShe · ${SEED_TITLE} · Agora`);
    await page.getByRole('link', { name: SEED_TITLE }).click();
    await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });

  test('the resources page lists the four resources under its own title', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto(`${DISCUSSION_PATH}/resources`);
    await expect(page.getByRole('heading', { level: 1, name: 'Shared resources' })).toBeVisible();
    await expect(page).toHaveTitle(`Resources · ${SEED_TITLE} · Agora`);
    for (const title of RESOURCES) {
      await expect(page.getByRole('heading', { level: 3, name: title })).toBeVisible();
    }
    expect(consoleErrors).toEqual([]);
  });

  test('an unknown address says the page was not found', async ({ page, consoleErrors }) => {
    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page).toHaveTitle('Page not found · Agora');
    await page.getByRole('link', { name: 'See all discussions' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Discussions' })).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });

  test('every route names itself in the title', async ({ page }) => {
    const titles = new Set<string>();
    for (const path of [
      '/',
      DISCUSSION_PATH,
      `${DISCUSSION_PATH}/resources`,
      `${DISCUSSION_PATH}/campaigns/heforshe`,
      '/no/such/page',
    ]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page).not.toHaveTitle('Agora');
      titles.add(await page.title());
    }
    expect(titles.size).toBe(5);
  });

  // Only the demo has data to reset.
  test(
    'the footer offers to reset the demo data',
    { tag: '@demo' },
    async ({ page, consoleErrors }) => {
      await page.goto('/');
      const footer = page.getByRole('contentinfo');
      await expect(footer.getByRole('button', { name: 'Reset demo data' })).toBeVisible();
      expect(consoleErrors).toEqual([]);
    },
  );
});
