/**
 * What the integration tests share: signing in through the real endpoint (MSW's
 * cookie store keeps the session for the app's later requests), calling the API
 * as a second tab would, putting entries in the database as people would have
 * left them, and finding what a person sees.
 */
import { screen, waitFor } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import type { Updateable } from 'kysely';
import { app, memory } from '../mocks/node';
import { SESSION_COOKIE, type EntryStatus, type ResourceKind } from '../src/api/contract';
import { renderMarkdown } from '../src/lib/markdown';
import { loadRenderer } from '../src/server/backend';
import { type Ctx, newId } from '../src/server/rules/core';
import { findCommentRow, insertComment, threadKey } from '../src/server/store/comments';
import { updateDiscussionRow } from '../src/server/store/discussions';
import { bumpPublished } from '../src/server/store/entries';
import { insertResource } from '../src/server/store/resources';
import type {
  CommentRow,
  DiscussionRow,
  DiscussionsTable,
  ResourceRow,
} from '../src/server/store/schema';
import { SEED_SLUG } from '../src/server/store/seed-data';
import { findUser, insertUser } from '../src/server/store/users';

export { SEED_SLUG };
export const ORIGIN = 'http://localhost:3000';
export const DISCUSSION = `/discussions/${SEED_SLUG}`;
export const RESOURCES = `${DISCUSSION}/resources`;

export const AMINA = { email: 'amina@example.org', password: 'demo-participant' };
export const MODERATOR = { email: 'moderator@example.org', password: 'demo-moderator' };

export async function signInAs(account: { email: string; password: string }): Promise<void> {
  const response = await fetch(`${ORIGIN}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(account),
  });
  if (!response.ok) throw new Error(`Could not sign in as ${account.email}: ${response.status}`);
}

export async function signOut(): Promise<void> {
  await fetch(`${ORIGIN}/api/session`, { method: 'DELETE' });
}

/** Calls the API as the signed-in person, the way a script or a second tab would. */
export async function api(path: string, method = 'GET', body?: unknown) {
  const response = await fetch(`${ORIGIN}/api${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as unknown };
}

/** Another person's browser: a session of its own, with the cookie it was given. */
export async function otherBrowser(account: { email: string; password: string }) {
  let cookie = '';
  const call = async (path: string, method = 'GET', body?: unknown) => {
    const headers = new Headers({ 'Sec-Fetch-Site': 'same-origin' });
    if (cookie) headers.set('Cookie', cookie);
    if (body !== undefined) headers.set('Content-Type', 'application/json');
    const response = await app.fetch(
      new Request(`${ORIGIN}/api${path}`, {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
      }),
    );
    const set = response.headers.get('Set-Cookie');
    if (set) cookie = set.split(';')[0] ?? '';
    return { status: response.status, body: (await response.json().catch(() => null)) as unknown };
  };
  const signIn = await call('/session', 'POST', account);
  if (signIn.status !== 200)
    throw new Error(`Could not sign in as ${account.email}: ${signIn.status}`);
  return { call };
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  displayName: string;
  organisation: string | null;
}

/** The database the tests' backend runs on now (it is replaced after each test). */
export const testDb = () => memory.backend.db();

let serial = 0;

/**
 * Another participant, straight into the database, with a password to sign in with.
 * Joined long ago unless said, so that the limits on new accounts do not apply.
 */
export async function addParticipant(
  name: string,
  {
    organisation = null,
    joinedAt = '2026-01-01T00:00:00.000Z',
  }: { organisation?: string | null; joinedAt?: string } = {},
): Promise<TestUser> {
  serial += 1;
  const user: TestUser = {
    id: newId('u'),
    email: `${name.toLowerCase().replace(/\W+/g, '-')}-${serial}@example.org`,
    password: 'a-password',
    displayName: name,
    organisation,
  };
  await insertUser(testDb(), {
    id: user.id,
    email: user.email,
    password_hash: await memory.backend.passwords.hash(user.password),
    display_name: name,
    organisation,
    role: 'participant',
    created_at: joinedAt,
  });
  return user;
}

export const credentials = (u: TestUser) => ({ email: u.email, password: u.password });

/** A rule's context as `userId` (null: a reader), on the tests' database without a transaction. */
export async function ctxAs(userId: string | null, now = new Date()): Promise<Ctx> {
  const db = testDb();
  return {
    tx: db,
    viewer: userId === null ? null : ((await findUser(db, userId)) ?? null),
    now,
    cook: await loadRenderer(),
    passwords: memory.backend.passwords,
  };
}

/** Changes the seeded discussion's columns, as a moderator's earlier decisions would have. */
export async function updateSeedDiscussion(changes: Updateable<DiscussionsTable>): Promise<void> {
  await updateDiscussionRow(testDb(), SEED_SLUG, changes);
}

export function seedDiscussionRow(): Promise<DiscussionRow> {
  return testDb()
    .selectFrom('discussions')
    .selectAll()
    .where('slug', '=', SEED_SLUG)
    .executeTakeFirstOrThrow();
}

/** Every row of every table, in a stable order: to show that a refused request changed nothing. */
export async function dumpTables(): Promise<Record<string, unknown[]>> {
  const db = testDb();
  const tables = [
    'users',
    'sessions',
    'discussions',
    'comments',
    'comment_tags',
    'revisions',
    'resources',
    'flags',
    'moderation_log',
    'idempotency',
  ] as const;
  const dump: Record<string, unknown[]> = {};
  for (const table of tables) {
    const rows = await db.selectFrom(table).selectAll().execute();
    dump[table] = rows
      .map((row) => JSON.stringify(row))
      .sort()
      .map((text) => JSON.parse(text) as unknown);
  }
  return dump;
}

/** The comment article whose heading (its author) is `author` and whose text contains `text`. */
export function findComment(author: string, text: string): Promise<HTMLElement> {
  return waitFor(() => {
    const match = screen
      .getAllByRole('article', { name: author })
      .find((a) => a.textContent.includes(text));
    if (!match) throw new Error(`No comment by ${author} says “${text}”.`);
    return match;
  });
}

/** Comments shown whose text contains `text`. */
export const commentsSaying = (text: string) =>
  screen
    .queryAllByRole('article')
    .filter((a) => a.querySelector('.prose')?.textContent.includes(text));

/** Fills a field as a person pasting would: much faster in tests than typing each key. */
export async function fill(user: UserEvent, field: HTMLElement, text: string): Promise<void> {
  await user.click(field);
  await user.paste(text);
}

/** On the sign-in page: signs in through the form, as a person would. */
export async function signInThroughForm(
  user: UserEvent,
  account: { email: string; password: string },
): Promise<void> {
  await fill(user, await screen.findByLabelText('Email'), account.email);
  await fill(user, screen.getByLabelText('Password'), account.password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

let minute = 0;

export interface TestCommentFields {
  body: string;
  authorId: string;
  discussionSlug?: string;
  parentId?: string | null;
  status?: EntryStatus;
  featured?: boolean;
  moderationReason?: string | null;
  createdAt?: string;
}

/** A comment as a person would have left it (pending unless said), straight into the database. */
export async function addComment(fields: TestCommentFields): Promise<CommentRow> {
  const db = testDb();
  const author = await findUser(db, fields.authorId);
  const slug = fields.discussionSlug ?? SEED_SLUG;
  const { html, hashtags } = renderMarkdown(fields.body, slug);
  minute += 1;
  const createdAt = fields.createdAt ?? new Date(Date.UTC(2026, 0, 1, 9, minute)).toISOString();
  const parentId = fields.parentId ?? null;
  const parent = parentId === null ? undefined : await findCommentRow(db, parentId);
  const status = fields.status ?? 'pending';
  const row: CommentRow = {
    id: newId('c'),
    discussion_slug: slug,
    parent_id: parentId,
    depth: parent ? Math.min(parent.depth + 1, 2) : 0,
    thread_key: threadKey(parent?.thread_key ?? null, createdAt),
    author_id: fields.authorId,
    author_name: author?.display_name ?? 'Someone',
    author_organisation: author?.organisation ?? null,
    body: fields.body,
    html,
    hashtags: JSON.stringify(hashtags),
    status,
    moderation_reason: fields.moderationReason ?? null,
    featured: fields.featured ? 1 : 0,
    original: 0,
    created_at: createdAt,
    edited_at: null,
  };
  await insertComment(db, row);
  if (status === 'published') await bumpPublished(db, 'comment', slug, 1);
  return row;
}

export interface TestResourceFields {
  title: string;
  authorId: string;
  discussionSlug?: string;
  url?: string | null;
  kind?: ResourceKind;
  description?: string;
  status?: EntryStatus;
  moderationReason?: string | null;
  createdAt?: string;
}

export async function addResource(fields: TestResourceFields): Promise<ResourceRow> {
  const db = testDb();
  const author = await findUser(db, fields.authorId);
  const slug = fields.discussionSlug ?? SEED_SLUG;
  minute += 1;
  const status = fields.status ?? 'pending';
  const row: ResourceRow = {
    id: newId('r'),
    discussion_slug: slug,
    // Each its own address, as the database holds one resource per address.
    url: fields.url === undefined ? `https://example.org/resource-${minute}` : fields.url,
    title: fields.title,
    kind: fields.kind ?? 'report',
    description: fields.description ?? '',
    author_id: fields.authorId,
    author_name: author?.display_name ?? 'Someone',
    author_organisation: author?.organisation ?? null,
    status,
    moderation_reason: fields.moderationReason ?? null,
    original: 0,
    created_at: fields.createdAt ?? new Date(Date.UTC(2026, 0, 1, 9, minute)).toISOString(),
  };
  await insertResource(db, row);
  if (status === 'published') await bumpPublished(db, 'resource', slug, 1);
  return row;
}

/** Open flags on an entry, from distinct participants. */
export async function addFlags(
  kind: 'comment' | 'resource',
  targetId: string,
  flags: { reason: 'spam' | 'abusive' | 'off-topic' | 'other'; note?: string }[],
): Promise<void> {
  for (const f of flags) {
    minute += 1;
    const flagger = await addParticipant(`Flagger ${minute}`);
    await testDb()
      .insertInto('flags')
      .values({
        id: newId('f'),
        kind,
        target_id: targetId,
        user_id: flagger.id,
        reason: f.reason,
        note: f.note ?? '',
        created_at: new Date(Date.UTC(2026, 0, 2, 9, minute)).toISOString(),
        open: 1,
      })
      .execute();
  }
}

/** Opens a session and returns its token, for tests that send the cookie themselves. */
export async function sessionToken(path: '/session' | '/accounts', body: unknown): Promise<string> {
  const response = await fetch(`${ORIGIN}/api${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: `${SESSION_COOKIE}=` },
    body: JSON.stringify(body),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  const token = cookie?.split(';')[0]?.split('=')[1];
  if (!response.ok || !token) throw new Error(`No session from ${path}: ${response.status}`);
  return token;
}

/** The people the backend tests act as: the demo participant and moderator, and a newcomer. */
export async function demoSessions(): Promise<{ amina: string; moderator: string; bea: string }> {
  return {
    amina: await sessionToken('/session', AMINA),
    moderator: await sessionToken('/session', MODERATOR),
    bea: await sessionToken('/accounts', {
      displayName: 'Bea Otieno',
      email: 'bea@example.org',
      password: 'bea-password',
    }),
  };
}
