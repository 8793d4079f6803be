/** Shared by the participation tests: who is signed in, and direct access to the rules. */
import { screen, waitFor } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { getStore } from '../mocks/db';
import type { Ctx } from '../mocks/rules/core';
import { SEED_SLUG } from '../mocks/seed';
import type { Store, StoredUser } from '../mocks/store';

export { SEED_SLUG };
export const DISCUSSION = `/discussions/${SEED_SLUG}`;
export const RESOURCES = `${DISCUSSION}/resources`;

export const AMINA = { email: 'amina@example.org', password: 'demo-participant' };
export const MODERATOR = { email: 'moderator@example.org', password: 'demo-moderator' };

/** Signs in as the backend would for a browser: MSW keeps the session cookie for the app's requests. */
export async function signInAs(account: { email: string; password: string }): Promise<void> {
  const response = await fetch(new URL('/api/session', window.location.origin), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(account),
  });
  if (!response.ok) throw new Error(`Could not sign in as ${account.email}: ${response.status}`);
}

export async function signOut(): Promise<void> {
  await fetch(new URL('/api/session', window.location.origin), { method: 'DELETE' });
}

/** Another participant, straight into the store, with a password to sign in with. */
export function addParticipant(name: string, store: Store = getStore()): StoredUser {
  const slugged = name.toLowerCase().replace(/\W+/g, '-');
  const user: StoredUser = {
    id: `u-${slugged}`,
    email: `${slugged}@example.org`,
    password: 'a-password',
    displayName: name,
    organisation: null,
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
