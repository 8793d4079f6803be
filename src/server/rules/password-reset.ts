/**
 * Forgotten passwords: a one-time link, valid for an hour, either emailed
 * (where the forum can send email) or handed over by a moderator. Only the
 * token's hash is stored; using the link sets the password and ends every session.
 */
import {
  completeResetSchema,
  requestResetSchema,
  type ResetLinkResponse,
} from '../../api/contract';
import { deleteResetsOf, findValidReset, insertReset, takeReset } from '../store/password-resets';
import { setPasswordHash } from '../store/people';
import type { UserRow } from '../store/schema';
import { endSessions, findUserByEmail } from '../store/users';
import { type Ctx, RuleError, parse } from './core';
import { hashToken, refuseCommonPassword } from './session';

export const RESET_LIFETIME_MS = 60 * 60 * 1000;

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export const resetPath = (token: string) => `/reset-password/${token}`;

/** A new link replaces the person's earlier ones. */
export async function issueResetLink(ctx: Ctx, user: UserRow): Promise<ResetLinkResponse> {
  const token = hex(crypto.getRandomValues(new Uint8Array(32)));
  const expiresAt = new Date(ctx.now.getTime() + RESET_LIFETIME_MS).toISOString();
  await deleteResetsOf(ctx.tx, user.id);
  await insertReset(ctx.tx, {
    token_hash: await hashToken(token),
    user_id: user.id,
    created_at: ctx.now.toISOString(),
    expires_at: expiresAt,
  });
  return { path: resetPath(token), expiresAt };
}

/**
 * The answer is the same whether or not the email has an account; the caller
 * emails the link when there is one. A suspended account gets no link.
 */
export async function requestReset(
  ctx: Ctx,
  input: unknown,
  { canSend }: { canSend: boolean },
): Promise<{ user: UserRow; link: ResetLinkResponse } | null> {
  const { email } = parse(requestResetSchema, input);
  // Without email, nobody receives a link: the request is checked, and nothing is made.
  if (!canSend) return null;
  const user = await findUserByEmail(ctx.tx, email);
  if (!user || user.suspended_at) return null;
  return { user, link: await issueResetLink(ctx, user) };
}

const invalid = () =>
  new RuleError(
    404,
    'not_found',
    'This reset link has expired or has already been used. Ask for a new one.',
  );

const tokenOk = (token: string) => /^[0-9a-f]{64}$/.test(token);

export async function checkReset(ctx: Ctx, token: string): Promise<{ valid: true }> {
  if (
    !tokenOk(token) ||
    !(await findValidReset(ctx.tx, await hashToken(token), ctx.now.toISOString()))
  ) {
    throw invalid();
  }
  return { valid: true };
}

export async function completeReset(ctx: Ctx, token: string, input: unknown): Promise<void> {
  const { password } = parse(completeResetSchema, input);
  refuseCommonPassword(password, 'password');
  if (!tokenOk(token)) throw invalid();
  const hash = await ctx.passwords.hash(password);
  const userId = await takeReset(ctx.tx, await hashToken(token), ctx.now.toISOString());
  if (!userId) throw invalid();
  await setPasswordHash(ctx.tx, userId, hash);
  await deleteResetsOf(ctx.tx, userId);
  await endSessions(ctx.tx, userId);
}
