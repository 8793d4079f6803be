/**
 * A participant's own account: name and organisation, password, sessions, and
 * deletion, which keeps their entries under a neutral name and removes the rest.
 */
import {
  type Account,
  changePasswordSchema,
  deleteAccountSchema,
  FORMER_PARTICIPANT,
  updateAccountSchema,
} from '../../api/contract';
import { deleteResetsOf } from '../store/password-resets';
import { deleteUserKeepingEntries, setPasswordHash, setProfile } from '../store/people';
import type { UserRow } from '../store/schema';
import { endSessions, findUser } from '../store/users';
import { type Ctx, RuleError, parse, requireUser, toUser } from './core';
import { hashToken, refuseCommonPassword } from './session';

const toAccount = (u: UserRow): Account => ({ user: toUser(u), email: u.email });

export function getAccount(ctx: Ctx): Account {
  return toAccount(requireUser(ctx));
}

export async function updateAccount(ctx: Ctx, input: unknown): Promise<Account> {
  const user = requireUser(ctx);
  const { displayName, organisation } = parse(updateAccountSchema, input);
  await setProfile(ctx.tx, user.id, { display_name: displayName, organisation });
  return toAccount({ ...user, display_name: displayName, organisation });
}

async function requirePassword(ctx: Ctx, user: UserRow, password: string, field: string) {
  const fresh = await findUser(ctx.tx, user.id);
  if (!fresh || !(await ctx.passwords.verify(fresh.password_hash, password))) {
    throw new RuleError(403, 'forbidden', 'That password is not right.', {
      [field]: 'That password is not right.',
    });
  }
}

/** Every other session ends; this one stays signed in. */
export async function changePassword(
  ctx: Ctx,
  token: string | undefined,
  input: unknown,
): Promise<void> {
  const user = requireUser(ctx);
  const { currentPassword, newPassword } = parse(changePasswordSchema, input);
  refuseCommonPassword(newPassword, 'newPassword');
  await requirePassword(ctx, user, currentPassword, 'currentPassword');
  await setPasswordHash(ctx.tx, user.id, await ctx.passwords.hash(newPassword));
  await deleteResetsOf(ctx.tx, user.id);
  await endSessions(ctx.tx, user.id, token ? await hashToken(token) : undefined);
}

/** Signs out on every device, this one included. */
export async function signOutEverywhere(ctx: Ctx): Promise<void> {
  await endSessions(ctx.tx, requireUser(ctx).id);
}

export async function deleteAccount(ctx: Ctx, input: unknown): Promise<void> {
  const user = requireUser(ctx);
  const { password } = parse(deleteAccountSchema, input);
  await requirePassword(ctx, user, password, 'password');
  await deleteUserKeepingEntries(ctx.tx, user.id, FORMER_PARTICIPANT);
}
