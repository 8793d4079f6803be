/**
 * The XSS corpus end to end: a newcomer with a hostile name posts vectors of every
 * family as comments, replies and resources, a moderator approves them all, and a
 * reader reads the thread, the resources and the campaign pages. Nothing runs,
 * no element the renderer does not make appears, and every vector still reads as
 * the text it was.
 */
import type { Page } from '@playwright/test';
import { campaignPath, findHashtags, hashtagKey } from '../../src/lib/hashtags';
import { DEFAULT_LIMITS } from '../../src/server/rules/rate-limits';
import { XSS_VECTORS, type XssVector } from '../xss/vectors';
import {
  MODERATOR,
  expect,
  filterQueue,
  liveRegion,
  newDiscussion,
  openDiscussion,
  postComment,
  signIn,
  signOut,
  test,
  uniqueEmail,
} from './helpers';

const NEWCOMER = {
  name: '<img src=x onerror=alert(1)>',
  organisation: '<script>alert(document.domain)</script>',
  email: 'hostile@example.org',
  password: 'a long password',
};

/** Runs of three or more letters outside entity references: what a reader should still see. */
function visibleWords(vector: XssVector): readonly string[] {
  if (vector.visible) return vector.visible;
  return vector.input.replace(/&#?[A-Za-z0-9]+;/g, ' ').match(/\p{L}{3,}/gu) ?? [];
}

const FAMILIES = [...new Set(XSS_VECTORS.map((v) => v.family))];
const ofFamily = (family: string) => XSS_VECTORS.filter((v) => v.family === family);
/** Text a person could type in a one-line field. */
const oneLine = (v: XssVector) => v.input === v.input.trim() && !/\p{Cc}/u.test(v.input);

interface Posted {
  vector: XssVector;
  /** Added after the vector, to find the comment it became. */
  marker: string;
  /** Which of the discussion's first comments it replies to. */
  parent: number | null;
}

/** Published comments of the moderator's, in the test's own discussion, to reply to. */
const PARENTS = [
  'Often, the key is pairing online action with offline action.',
  'Online activism is taking our struggles to a level of organising.',
  'On the ground action is what it really takes for lasting change.',
  'It needs an organising source to harness the momentum into action.',
  'We campaigned to pressure a platform into filtering and banning.',
  'What is needed are large active movements of women.',
];

/**
 * The first vector of each family as a comment, then the second ones as replies to
 * earlier comments: as many as one account may post within the comment rate limit.
 */
const raisesCampaign = (v: XssVector) => findHashtags(v.input).length > 0;
const seconds = FAMILIES.flatMap((family) => ofFamily(family).slice(1, 2));
const POSTS: Posted[] = [
  ...FAMILIES.flatMap((family) => ofFamily(family).slice(0, 1)),
  // Those that raise campaigns first, so that the campaign pages are read too.
  ...seconds.filter(raisesCampaign),
  ...seconds.filter((v) => !raisesCampaign(v)),
]
  .slice(0, DEFAULT_LIMITS.comment.max)
  .map((vector, i) => ({
    vector,
    marker: `Case ${String(i).padStart(2, '0')} ends.`,
    parent: i < FAMILIES.length ? null : i % PARENTS.length,
  }));
const bodyOf = (p: Posted) => `${p.vector.input}\n\n${p.marker}`;

/** Resources titled and described with one-line vectors of other families. */
const RESOURCES = FAMILIES.map((family) => ofFamily(family).slice(2).filter(oneLine))
  .filter((vs) => vs.length >= 2)
  .slice(0, 6)
  .map(([title, description], i) => ({
    url: `https://example.org/hostile-${i}`,
    title: title?.input ?? '',
    kind: 'article',
    description: description?.input ?? '',
  }));

/** Campaigns the posted text raises, by the label a reader sees. */
const CAMPAIGNS = [
  ...new Map(
    POSTS.flatMap((p) => findHashtags(p.vector.input)).map((h) => [hashtagKey(h.label), h.label]),
  ).values(),
];

/** Elements no participant's text may bring in, wherever it is shown. */
const FOREIGN =
  'script, iframe, frame, frameset, object, embed, applet, portal, svg, math, img, picture, ' +
  'video, audio, source, style, link, meta, base, noscript, template, marquee, form, input';

/** Everything on the page that participants' text could have added and should not have. */
async function foreignMarkup(page: Page): Promise<string[]> {
  return page.evaluate((foreign) => {
    const problems: string[] = [];
    const userText = document.querySelectorAll('main .prose, main article.resource');
    for (const container of Array.from(userText)) {
      for (const el of Array.from(container.querySelectorAll(foreign))) {
        problems.push(`<${el.tagName.toLowerCase()}> in ${container.className}`);
      }
    }
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      for (const attr of Array.from(el.attributes)) {
        const value = attr.value.trim().toLowerCase();
        if (attr.name.startsWith('on')) problems.push(`${attr.name} on <${el.tagName}>`);
        if (/^(javascript|vbscript|data):/.test(value)) problems.push(`${attr.name}="${value}"`);
      }
    }
    return problems;
  }, FOREIGN);
}

/** Posts as the signed-in person through the page, as the app's own requests go. */
async function postAll(page: Page, requests: { path: string; body: unknown }[]) {
  return page.evaluate(async (all) => {
    const statuses: number[] = [];
    for (const { path, body } of all) {
      const response = await fetch(`/api${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      statuses.push(response.status);
    }
    return statuses;
  }, requests);
}

test('the XSS corpus posted, approved and read: nothing runs, everything reads as text', async ({
  page,
  consoleErrors,
}) => {
  test.setTimeout(120_000);
  expect(POSTS.length + RESOURCES.length * 2).toBeGreaterThanOrEqual(15);
  expect(new Set(POSTS.map((p) => p.vector.family)).size).toBe(FAMILIES.length);

  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.defineProperty(window, '__violations', { value: seen });
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const violations = () =>
    page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
  const expectNothingRan = async (where: string) => {
    expect.soft(dialogs, `dialogs on ${where}`).toEqual([]);
    expect.soft(await violations(), `CSP violations on ${where}`).toEqual([]);
    expect(await foreignMarkup(page), `foreign markup on ${where}`).toEqual([]);
  };

  // Everything is approved, so it goes into a discussion of the test's own.
  const discussion = await newDiscussion(page, { comments: PARENTS });
  const parentId = (p: Posted) => (p.parent === null ? null : discussion.commentIds[p.parent]);

  // A newcomer joins with a hostile name and organisation, and posts through the form.
  await page.goto(discussion.path);
  await page.getByRole('banner').getByRole('link', { name: 'Join' }).click();
  await page.getByLabel('Display name').fill(NEWCOMER.name);
  await page.getByLabel('Organisation (optional)').fill(NEWCOMER.organisation);
  const email = uniqueEmail(NEWCOMER.email);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(NEWCOMER.password);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page).toHaveURL(discussion.path);
  await expect(page.getByRole('banner')).toContainText(NEWCOMER.name);

  const [typed, ...rest] = POSTS;
  if (!typed) throw new Error('No vectors to post.');
  await postComment(page, bodyOf(typed));
  await expect(page.locator('.prose', { hasText: typed.marker })).toBeVisible();

  // A new account may keep only a few entries waiting: a moderator publishes its
  // first one, and the newcomer, no longer new, comes back to post the rest.
  await signOut(page);
  await signIn(page, MODERATOR.email, MODERATOR.password);
  await page.goto('/moderation');
  await filterQueue(page, discussion);
  const first = page
    .locator('.queue-item')
    .filter({ has: page.locator('.prose', { hasText: typed.marker }) });
  await first.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(first.getByRole('button', { name: 'Approve', exact: true })).toHaveCount(0);
  await page.goto(discussion.path);
  await signOut(page);
  await signIn(page, email, NEWCOMER.password);
  // The thread shows: the backend answers (in the demo, its worker is ready for the posts).
  await openDiscussion(page, discussion);

  // The rest through the API, as a script would send them.
  const statuses = await postAll(page, [
    ...rest.map((p) => ({
      path: `/discussions/${discussion.slug}/comments`,
      body: { body: bodyOf(p), parentId: parentId(p) },
    })),
    ...RESOURCES.map((r) => ({ path: `/discussions/${discussion.slug}/resources`, body: r })),
  ]);
  expect(statuses).toEqual([...rest, ...RESOURCES].map(() => 201));
  await page.reload();
  await expect(page.locator('.prose', { hasText: rest.at(-1)?.marker })).toBeVisible();
  await expectNothingRan('the thread, to its author');

  // The moderator sees them all in the queue and approves them at once.
  await signOut(page);
  await signIn(page, MODERATOR.email, MODERATOR.password);
  await page.goto('/moderation');
  await filterQueue(page, discussion);
  const waiting = rest.length + RESOURCES.length;
  for (const p of [rest[0], rest.at(-1)]) {
    await expect(page.locator('.prose', { hasText: p?.marker })).toBeVisible();
  }
  await expectNothingRan('the moderation queue');
  await page.getByRole('checkbox', { name: 'Select all new entries' }).check();
  await page.getByRole('button', { name: 'Approve selected' }).click();
  await expect(liveRegion(page)).toHaveText(`Approved ${waiting} entries.`);
  await expect(page.getByText('Nothing waits for a decision.')).toBeVisible();
  // Leave the moderators' page first: signed out there, it would ask for the queue again.
  await page.goto(discussion.path);
  await signOut(page);

  // A reader reads the thread: every vector is there as text, under the hostile name.
  await page.goto(discussion.path);
  const comments = page.getByRole('region', { name: 'Comments' });
  await expect(comments.getByRole('article', { name: NEWCOMER.name })).toHaveCount(POSTS.length);
  for (const p of POSTS) {
    const prose = comments.locator('.prose', { hasText: p.marker });
    await expect(prose, p.vector.input).toHaveCount(1);
    for (const word of visibleWords(p.vector)) await expect(prose).toContainText(word);
  }
  await expect(comments.getByText(NEWCOMER.organisation, { exact: true }).first()).toBeVisible();
  await expectNothingRan('the thread');

  await page.goto(`${discussion.path}/resources`);
  const list = page.locator('main article.resource');
  for (const r of RESOURCES) {
    const item = list.filter({ has: page.getByRole('heading', { name: r.title, exact: true }) });
    await expect(item, r.title).toHaveCount(1);
    await expect(item.locator('.resource-description')).toHaveText(r.description);
    await expect(item).toContainText(`Shared by ${NEWCOMER.name} · ${NEWCOMER.organisation}`);
  }
  await expectNothingRan('the resources page');

  expect(CAMPAIGNS.length).toBeGreaterThan(0);
  for (const label of CAMPAIGNS) {
    await page.goto(campaignPath(discussion.slug, label));
    await expect(page.getByRole('heading', { level: 1, name: `Campaign #${label}` })).toBeVisible();
    const raisedBy = POSTS.filter((p) =>
      findHashtags(p.vector.input).some((h) => hashtagKey(h.label) === hashtagKey(label)),
    );
    for (const p of raisedBy) await expect(page.getByText(p.marker)).toBeVisible();
    await expectNothingRan(`the campaign page of #${label}`);
  }
  expect(consoleErrors).toEqual([]);
});
