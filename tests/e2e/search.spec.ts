import { syntheticSlug } from '../../src/server/store/scenarios';
import { expect, newDiscussion, test, uniqueId } from './helpers';

/**
 * A long thread keeps only some of its comments in the page, so the browser's
 * own find misses the rest: the discussion's search finds one of those and opens
 * it in place. The demo has its synthetic thread of 1,000 comments; on the server
 * the test makes a thread of 80 of its own, longer than the first page of 50.
 */
test('the search finds a comment the long thread had not put in the page, and opens it there', async ({
  page,
  backend,
  consoleErrors,
}) => {
  let path: string;
  let query: string;
  let n: number;
  if (backend === 'demo') {
    path = `/discussions/${syntheticSlug(1_000)}?scenario=long-threads`;
    query = '777';
    n = 777;
  } else {
    query = `wombat${uniqueId()}`;
    n = 75;
    const comments = Array.from(
      { length: 80 },
      (_, i) => `Comment ${i + 1}. ${i + 1 === n ? `Sighted a ${query} today.` : 'More filler.'}`,
    );
    path = (await newDiscussion(page, { comments })).path;
  }
  const wanted = new RegExp(`^Comment ${n}\\.`);
  await page.goto(path);
  const thread = page.getByRole('region', { name: 'Comments' });
  await expect(thread.getByRole('article').first()).toBeVisible();
  await expect(thread.getByText(wanted)).toHaveCount(0);

  const field = page.getByRole('searchbox', { name: 'Search this discussion' });
  await field.focus();
  await page.keyboard.type(query);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /match/ })).toHaveText(
    `1 comment matches “${query}”`,
  );
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${query}$`));
  const hit = page.getByRole('list', { name: `Comments that match “${query}”` }).getByRole('link');
  await expect(hit.locator('xpath=ancestor::li').locator('mark')).toHaveText(query);
  await hit.focus();
  await page.keyboard.press('Enter');

  const target = page
    .getByRole('region', { name: 'Comments' })
    .getByRole('article')
    .filter({ has: page.getByText(wanted) });
  await expect(target).toBeVisible();
  await expect(target).toHaveClass(/is-target/);
  await expect(target).toBeInViewport();

  // Back goes to the results, with the words still in the field.
  await page.goBack();
  await expect(page.getByRole('searchbox', { name: 'Search this discussion' })).toHaveValue(query);
  await expect(page.getByRole('status').filter({ hasText: /match/ })).toHaveText(
    `1 comment matches “${query}”`,
  );
  expect(consoleErrors).toEqual([]);
});
