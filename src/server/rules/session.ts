import { joinSchema, signInSchema, type SessionResponse } from '../../api/contract';
import { decoyHash } from '../passwords';
import {
  deleteSession,
  findUserByEmail,
  findUserBySession,
  insertSession,
  insertUser,
} from '../store/users';
import type { UserRow } from '../store/schema';
import { type Ctx, RuleError, newId, parse, toUser, type Tx } from './core';

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** Only this hash of a session token is stored, so a copy of the database opens no session. */
export async function hashToken(token: string): Promise<string> {
  return hex(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token))),
  );
}

export async function userForToken(tx: Tx, token: string | undefined): Promise<UserRow | null> {
  if (!token || token.length > 200) return null;
  return (await findUserBySession(tx, await hashToken(token))) ?? null;
}

/** A session: a 256-bit random token for the cookie, its hash in the database. */
async function startSession(ctx: Ctx, user: UserRow): Promise<string> {
  const token = hex(crypto.getRandomValues(new Uint8Array(32)));
  await insertSession(ctx.tx, await hashToken(token), user.id, ctx.now.toISOString());
  return token;
}

export function getSession(ctx: Ctx): SessionResponse {
  return { user: ctx.viewer ? toUser(ctx.viewer) : null };
}

let decoy: Promise<string> | null = null;

export async function signIn(
  ctx: Ctx,
  input: unknown,
): Promise<{ body: SessionResponse; token: string }> {
  const { email, password } = parse(signInSchema, input);
  const user = await findUserByEmail(ctx.tx, email);
  // An unknown email costs one hash too, so the answer's time does not tell who has an account.
  decoy ??= decoyHash(ctx.passwords);
  const ok = await ctx.passwords.verify(user?.password_hash ?? (await decoy), password);
  if (!user || !ok) {
    throw new RuleError(401, 'unauthenticated', 'That email and password do not match an account.');
  }
  return { body: { user: toUser(user) }, token: await startSession(ctx, user) };
}

export async function signOut(ctx: Ctx, token: string | undefined): Promise<void> {
  if (token) await deleteSession(ctx.tx, await hashToken(token));
}

export async function join(
  ctx: Ctx,
  input: unknown,
): Promise<{ body: SessionResponse; token: string }> {
  const data = parse(joinSchema, input);
  if (await findUserByEmail(ctx.tx, data.email)) {
    throw new RuleError(
      409,
      'conflict',
      'An account with this email already exists. Sign in instead.',
      {
        email: 'An account with this email already exists.',
      },
    );
  }
  const user: UserRow = {
    id: newId('u'),
    email: data.email,
    password_hash: await ctx.passwords.hash(data.password),
    display_name: data.displayName,
    organisation: data.organisation,
    role: 'participant',
    created_at: ctx.now.toISOString(),
    suspended_at: null,
  };
  await insertUser(ctx.tx, user);
  return { body: { user: toUser(user) }, token: await startSession(ctx, user) };
}
