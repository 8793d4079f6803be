import {
  AWAITING,
  DISCUSSION_PATH,
  PARTICIPANT,
  SEED_TITLE,
  dropRefusedRequestErrors,
  expect,
  liveRegion,
  openDiscussion,
  postComment,
  signIn,
  signOut,
  test,
  unique,
  uniqueEmail,
  uniqueId,
} from './helpers';

const NEWCOMER = {
  name: 'Zeynep Kaya',
  organisation: 'Kadın Dayanışma',
  email: 'zeynep@example.org',
  password: 'a long password',
};

// Entries that wait for a moderator are seen by their authors and the moderators only,
// so these tests may post into the seeded discussion: its readers see it as seeded.

test.describe('taking part', () => {
  test('a newcomer joins, comments, shares a resource, is refused a javascript: address, and signs out', async ({
    page,
    consoleErrors,
  }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const header = page.getByRole('banner');
    const email = uniqueEmail(NEWCOMER.email);
    const id = uniqueId();

    await openDiscussion(page);
    await header.getByRole('link', { name: 'Join' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Join Agora' })).toBeVisible();
    await page.getByLabel('Display name').fill(NEWCOMER.name);
    await page.getByLabel('Organisation (optional)').fill(NEWCOMER.organisation);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(NEWCOMER.password);
    await page.getByRole('button', { name: 'Join' }).click();

    // Back where they were, signed in under their own name.
    await expect(page).toHaveURL(DISCUSSION_PATH);
    await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
    await expect(header).toContainText(`Signed in as ${NEWCOMER.name}`);
    await expect(header.getByText(NEWCOMER.name, { exact: true })).toBeVisible();
    await expect(header.getByRole('link', { name: 'Sign in' })).toHaveCount(0);

    const text = `Pairing online campaigns with **local meetings** worked for us in Izmir (${id}).`;
    await postComment(page, text);
    const comments = page.getByRole('region', { name: 'Comments' });
    const mine = comments.getByRole('article', { name: NEWCOMER.name });
    await expect(mine).toContainText('Pairing online campaigns with local meetings worked');
    await expect(mine.getByText(AWAITING)).toBeVisible();
    await expect(mine.getByText(NEWCOMER.organisation, { exact: true })).toBeVisible();
    await expect(liveRegion(page)).toHaveText('Your comment was sent to the moderators');
    await expect(page.getByRole('textbox', { name: 'Your comment' })).toHaveValue('');

    // The backend keeps it (the demo's in this browser): it is still there after a reload.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
    await expect(header.getByText(NEWCOMER.name, { exact: true })).toBeVisible();
    await expect(mine.getByText(AWAITING)).toBeVisible();
    await expect(mine).toContainText(`worked for us in Izmir (${id}).`);
    await expect(comments.getByRole('article')).toHaveCount(7);

    await page
      .getByRole('navigation', { name: 'This discussion' })
      .getByRole('link', { name: 'Resources' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Shared resources' })).toBeVisible();
    const resources = page.getByRole('region', { name: 'Resources' });
    await expect(resources.getByRole('article')).toHaveCount(4);
    const share = page.getByRole('region', { name: 'Share a resource' });
    // An address already shared in a discussion is refused: this one is the test's own.
    const url = `https://example.org/digital-security-toolkit-${id}`;
    const title = `Digital security toolkit for activists (${id})`;
    await share.getByLabel('Address').fill(url);
    await share.getByLabel('Title').fill(title);
    await share.getByLabel('Kind of resource').selectOption({ label: 'Tool' });
    await share.getByLabel('Description (optional)').fill('Keeping campaigners safe online.');
    await share.getByRole('button', { name: 'Share resource' }).click();

    const shared = resources.getByRole('article', { name: title });
    await expect(shared.getByText(AWAITING)).toBeVisible();
    await expect(shared).toContainText('Keeping campaigners safe online.');
    await expect(shared).toContainText(`Shared by ${NEWCOMER.name} · ${NEWCOMER.organisation}`);
    await expect(shared.getByRole('link', { name: title })).toHaveAttribute('href', url);
    await expect(liveRegion(page)).toHaveText('Your resource was sent to the moderators');
    await expect(share.getByLabel('Address')).toHaveValue('');
    await expect(resources.getByRole('article')).toHaveCount(5);

    const address = share.getByLabel('Address');
    await address.fill('javascript:alert(1)');
    await share.getByLabel('Title').fill('Free prizes');
    await share.getByLabel('Kind of resource').selectOption({ label: 'Other' });
    await share.getByRole('button', { name: 'Share resource' }).click();
    await expect(address).toHaveAttribute('aria-invalid', 'true');
    await expect(address).toHaveAccessibleDescription(
      /Use an address that starts with http:\/\/ or https:\/\/\.$/,
    );
    await expect(
      share.getByText('Use an address that starts with http:// or https://.'),
    ).toBeVisible();
    await expect(address).toBeFocused();
    await expect(address).toHaveValue('javascript:alert(1)');
    await expect(resources.getByRole('article', { name: 'Free prizes' })).toHaveCount(0);
    await expect(resources.getByRole('article')).toHaveCount(5);
    expect(dialogs).toEqual([]);

    await signOut(page);
    await expect(header.getByRole('link', { name: 'Join' })).toBeVisible();
    await expect(header.getByText(NEWCOMER.name, { exact: true })).toHaveCount(0);
    // Signed out, they are a reader like any other: their entries wait out of sight.
    await expect(resources.getByRole('article')).toHaveCount(4);

    // The one refused share, and nothing else.
    expect(dropRefusedRequestErrors(consoleErrors, 400)).toBe(1);
  });

  test('a reader does not see another person’s comment while it waits', async ({
    page,
    consoleErrors,
  }) => {
    const text = unique('A draft strategy the moderators have not read yet:');
    await signIn(page, PARTICIPANT.email, PARTICIPANT.password);
    await openDiscussion(page);
    await postComment(page, text);
    const comments = page.getByRole('region', { name: 'Comments' });
    await expect(
      comments
        .getByRole('article', { name: PARTICIPANT.name })
        .filter({ hasText: text })
        .getByText(AWAITING),
    ).toBeVisible();
    await signOut(page);

    await openDiscussion(page);
    await expect(comments.getByRole('article')).toHaveCount(6);
    await expect(comments.getByRole('article', { name: PARTICIPANT.name })).toHaveCount(0);
    await expect(page.getByText('A draft strategy the moderators')).toHaveCount(0);
    await expect(page.getByText(AWAITING)).toHaveCount(0);
    await expect(comments.getByText('6 comments', { exact: true })).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });
});
