/**
 * What the integration tests share: signing in through the real endpoint (MSW's
 * cookie store keeps the session for the app's later requests), calling the API
 * as a second tab would, putting entries in the store as people would have left
 * them, and finding what a person sees.
 */
import { screen, waitFor } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { getStore } from '../mocks/db';
import type { Ctx } from '../mocks/rules/core';
import { SEED_SLUG } from '../mocks/seed';
import { SESSION_COOKIE } from '../src/api/contract';
import {
  newId,
  type Store,
  type StoredComment,
  type StoredResource,
  type StoredUser,
} from '../mocks/store';
import { renderMarkdown } from '../src/lib/markdown';

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

/** Another participant, straight into the store, with a password to sign in with. */
export function addParticipant(
  name: string,
  { organisation = null, store = getStore() }: { organisation?: string | null; store?: Store } = {},
): StoredUser {
  const user: StoredUser = {
    id: newId(store, 'u'),
    email: `${name.toLowerCase().replace(/\W+/g, '-')}-${store.nextId.toString(36)}@example.org`,
    password: 'a-password',
    displayName: name,
    organisation,
    role: 'participant',
    createdAt: '2026-01-01T00:00:00.000Z',
  };
  store.users.push(user);
  return user;
}

export const credentials = (u: StoredUser) => ({ email: u.email, password: u.password });

export function ctxAs(store: Store, userId: string | null, now = new Date()): Ctx {
  return { store, viewer: store.users.find((u) => u.id === userId) ?? null, now };
}

export function seedDiscussion(store: Store = getStore()) {
  const d = store.discussions.find((x) => x.slug === SEED_SLUG);
  if (!d) throw new Error('The seeded discussion is missing.');
  return d;
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

export function addComment(
  fields: Partial<StoredComment> & { body: string; authorId: string },
): StoredComment {
  const store = getStore();
  const author = store.users.find((u) => u.id === fields.authorId);
  const slug = fields.discussionSlug ?? SEED_SLUG;
  const { html, hashtags } = renderMarkdown(fields.body, slug);
  minute += 1;
  const comment: StoredComment = {
    id: newId(store, 'c'),
    discussionSlug: slug,
    parentId: null,
    depth: 0,
    authorName: author?.displayName ?? 'Someone',
    authorOrganisation: author?.organisation ?? null,
    html,
    hashtags,
    status: 'pending',
    moderationReason: null,
    featured: false,
    original: false,
    createdAt: new Date(Date.UTC(2026, 0, 1, 9, minute)).toISOString(),
    editedAt: null,
    revisions: [],
    ...fields,
  };
  store.comments.push(comment);
  return comment;
}

export function addResource(
  fields: Partial<StoredResource> & { title: string; authorId: string },
): StoredResource {
  const store = getStore();
  const author = store.users.find((u) => u.id === fields.authorId);
  minute += 1;
  const resource: StoredResource = {
    id: newId(store, 'r'),
    discussionSlug: SEED_SLUG,
    url: 'https://example.org/a-resource',
    kind: 'report',
    description: '',
    authorName: author?.displayName ?? 'Someone',
    authorOrganisation: author?.organisation ?? null,
    status: 'pending',
    moderationReason: null,
    original: false,
    createdAt: new Date(Date.UTC(2026, 0, 1, 9, minute)).toISOString(),
    ...fields,
  };
  store.resources.push(resource);
  return resource;
}

/** Open flags on an entry, from distinct participants. */
export function addFlags(
  kind: 'comment' | 'resource',
  targetId: string,
  flags: { reason: 'spam' | 'abusive' | 'off-topic' | 'other'; note?: string }[],
): void {
  const store = getStore();
  for (const f of flags) {
    minute += 1;
    store.flags.push({
      id: newId(store, 'f'),
      kind,
      targetId,
      userId: addParticipant(`Flagger ${minute}`).id,
      reason: f.reason,
      note: f.note ?? '',
      createdAt: new Date(Date.UTC(2026, 0, 2, 9, minute)).toISOString(),
      open: true,
    });
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
