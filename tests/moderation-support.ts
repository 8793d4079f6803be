/**
 * What the moderation tests share: signing in through the real endpoint (MSW's
 * cookie store keeps the session for the app's later requests) and putting
 * entries in the store as participants would have left them.
 */
import { expect } from 'vitest';
import { getStore } from '../mocks/db';
import { SEED_SLUG } from '../mocks/seed';
import { newId, type StoredComment, type StoredResource } from '../mocks/store';
import { renderMarkdown } from '../src/lib/markdown';

export const ORIGIN = 'http://localhost:3000';
export const DISCUSSION = `/discussions/${SEED_SLUG}`;

export const MODERATOR = { email: 'moderator@example.org', password: 'demo-moderator' };
export const PARTICIPANT = { email: 'amina@example.org', password: 'demo-participant' };

export async function signInAs(account: { email: string; password: string }): Promise<void> {
  const response = await fetch(`${ORIGIN}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(account),
  });
  expect(response.status).toBe(200);
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

/** A second participant, so that entries can have an author other than the seeded one. */
export function addParticipant(name: string, organisation: string | null = null): string {
  const store = getStore();
  const id = newId(store, 'u');
  store.users.push({
    id,
    email: `${id}@example.org`,
    password: 'a-password',
    displayName: name,
    organisation,
    role: 'participant',
    createdAt: '2026-01-01T00:00:00.000Z',
  });
  return id;
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
      userId: addParticipant(`Flagger ${minute}`),
      reason: f.reason,
      note: f.note ?? '',
      createdAt: new Date(Date.UTC(2026, 0, 2, 9, minute)).toISOString(),
      open: true,
    });
  }
}
