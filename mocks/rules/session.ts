import { joinSchema, signInSchema, type SessionResponse } from '../../src/api/contract';
import { newId, type Store, type StoredUser } from '../store';
import { type Ctx, RuleError, parse, toUser } from './core';

export function userForToken(store: Store, token: string | undefined): StoredUser | null {
  if (!token) return null;
  const session = store.sessions.find((s) => s.token === token);
  return session ? (store.users.find((u) => u.id === session.userId) ?? null) : null;
}

function newToken(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function startSession(ctx: Ctx, user: StoredUser): string {
  const token = newToken();
  ctx.store.sessions.push({ token, userId: user.id, createdAt: ctx.now.toISOString() });
  return token;
}

export function getSession(ctx: Ctx): SessionResponse {
  return { user: ctx.viewer ? toUser(ctx.viewer) : null };
}

export function signIn(ctx: Ctx, input: unknown): { body: SessionResponse; token: string } {
  const { email, password } = parse(signInSchema, input);
  const user = ctx.store.users.find((u) => u.email === email);
  if (!user || user.password !== password) {
    throw new RuleError(401, 'unauthenticated', 'That email and password do not match an account.');
  }
  return { body: { user: toUser(user) }, token: startSession(ctx, user) };
}

export function signOut(ctx: Ctx, token: string | undefined): void {
  ctx.store.sessions = ctx.store.sessions.filter((s) => s.token !== token);
}

export function join(ctx: Ctx, input: unknown): { body: SessionResponse; token: string } {
  const data = parse(joinSchema, input);
  if (ctx.store.users.some((u) => u.email === data.email)) {
    throw new RuleError(
      409,
      'conflict',
      'An account with this email already exists. Sign in instead.',
      {
        email: 'An account with this email already exists.',
      },
    );
  }
  const user: StoredUser = {
    id: newId(ctx.store, 'u'),
    email: data.email,
    password: data.password,
    displayName: data.displayName,
    organisation: data.organisation,
    role: 'participant',
    createdAt: ctx.now.toISOString(),
  };
  ctx.store.users.push(user);
  return { body: { user: toUser(user) }, token: startSession(ctx, user) };
}
