import { joinSchema, signInSchema, type SessionResponse } from '../../api/contract';
import { isCommonPassword } from '../common-passwords';
import { decoyHash } from '../passwords';
import {
  deleteSession,
  touchSession,
  findUserByEmail,
  findUserBySession,
  insertSession,
  insertUser,
} from '../store/users';
import type { UserRow } from '../store/schema';
import { setPasswordHash } from '../store/people';
import { type Ctx, RuleError, newId, parse, toUser, type Tx } from './core';
import { checkLimit, forgive, limit } from './rate-limits';

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * Node's crypto on the server, where every request hashes its session token: Web
 * Crypto's digest is a job on another thread, which for a few dozen bytes costs
 * twenty times more. The page has only Web Crypto.
 */
const nodeCrypto =
  'process' in globalThis && 'getBuiltinModule' in process
    ? process.getBuiltinModule('node:crypto')
    : undefined;

/** Only this hash of a session token is stored, so a copy of the database opens no session. */
export async function hashToken(token: string): Promise<string> {
  if (nodeCrypto) return nodeCrypto.createHash('sha256').update(token).digest('hex');
  return hex(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token))),
  );
}

/** A session ends after this long unused, and this long after signing in in any case. */
export const SESSION_IDLE_MS = 7 * 24 * 3600_000;
export const SESSION_LIFETIME_MS = 30 * 24 * 3600_000;
/** Last use is written at most this often, so reading pages writes little. */
const TOUCH_EVERY_MS = 3600_000;

/** No token the forum issues is longer: a longer one is no session, and is not even hashed. */
export const MAX_TOKEN_LENGTH = 200;

/**
 * The user of a session, from its token's hash (`hashToken`), which the caller
 * computes once per request and outside any transaction.
 */
export async function userForToken(
  tx: Tx,
  hash: string | undefined,
  now: Date,
): Promise<UserRow | null> {
  if (!hash) return null;
  const found = await findUserBySession(tx, hash);
  if (!found) return null;
  const at = now.getTime();
  if (
    at - Date.parse(found.lastSeenAt) > SESSION_IDLE_MS ||
    at - Date.parse(found.createdAt) > SESSION_LIFETIME_MS
  ) {
    await deleteSession(tx, hash);
    return null;
  }
  if (at - Date.parse(found.lastSeenAt) > TOUCH_EVERY_MS) {
    await touchSession(tx, hash, now.toISOString());
  }
  return found.user;
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

export const COMMON_PASSWORD =
  'This password is one of the most common, and among the first that guessers try. Choose another.';

/** A new password of any kind (joining, changing, resetting) may not be a common one. */
export function refuseCommonPassword(password: string, field: string): void {
  if (isCommonPassword(password)) {
    throw new RuleError(400, 'validation_failed', COMMON_PASSWORD, { [field]: COMMON_PASSWORD });
  }
}

let decoy: Promise<string> | null = null;

export async function signIn(
  ctx: Ctx,
  input: unknown,
  previous?: string,
): Promise<{ body: SessionResponse; token: string }> {
  const { email, password } = parse(signInSchema, input);
  // Counted before the slow hash; a right password gives the account's attempt back.
  await limit(ctx, 'sign-in-address', ctx.address ?? 'local');
  await limit(ctx, 'sign-in', email);
  const user = await findUserByEmail(ctx.tx, email);
  // An unknown email costs one hash too, so the answer's time does not tell who has an account.
  decoy ??= decoyHash(ctx.passwords);
  const ok = await ctx.passwords.verify(user?.password_hash ?? (await decoy), password);
  if (!user || !ok) {
    throw new RuleError(401, 'unauthenticated', 'That email and password do not match an account.');
  }
  // A hash of an older form (PBKDF2) is made again now, while the password is at hand.
  if (ctx.passwords.needsRehash?.(user.password_hash)) {
    await setPasswordHash(ctx.tx, user.id, await ctx.passwords.hash(password));
  }
  await forgive(ctx, 'sign-in', email);
  // A new token at every sign-in: one planted in the browser beforehand opens nothing.
  await signOut(ctx, previous);
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
  refuseCommonPassword(data.password, 'password');
  await limit(ctx, 'join', ctx.address ?? 'local');
  // Joining with a registered email counts as a failed sign-in for it, so joining
  // cannot list who takes part faster than signing in could.
  await checkLimit(ctx, 'sign-in', data.email);
  if (await findUserByEmail(ctx.tx, data.email)) {
    await limit(ctx, 'sign-in', data.email);
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
