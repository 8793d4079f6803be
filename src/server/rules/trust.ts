/**
 * How far the forum trusts an account, like Discourse's trust level 0: an account
 * with no published entry that is younger than a day is new. Its flags do not
 * hide anything, and it may keep only a few entries waiting and post few links,
 * so that a fresh account cannot flood the queue or the thread.
 */
import {
  NEW_ACCOUNT_HOURS,
  NEW_ACCOUNT_LINKS_MAX,
  NEW_ACCOUNT_PENDING_MAX,
} from '../../api/contract';
import type { UserRow } from '../store/schema';
import { countPendingBy, hasAnyPublished } from '../store/trust';
import { type Ctx, RuleError } from './core';

/** Accounts made at or before this time are no longer new by age. */
export const newAccountCutoff = (now: Date): string =>
  new Date(now.getTime() - NEW_ACCOUNT_HOURS * 3_600_000).toISOString();

/** A new account: younger than a day, with nothing published; moderators never are. */
export const isNewAccount = (
  user: Pick<UserRow, 'role' | 'created_at'>,
  hasPublished: boolean,
  now: Date,
): boolean => user.role !== 'moderator' && !hasPublished && user.created_at > newAccountCutoff(now);

/** The distinct web addresses in a text, however often each is repeated. */
export function countLinks(text: string): number {
  return new Set(text.match(/(?:https?:\/\/|www\.)[^\s<>()[\]"']+/giu)?.map((l) => l.toLowerCase()))
    .size;
}

const tooManyLinks = (field: string) => {
  const message = `New accounts can put up to ${NEW_ACCOUNT_LINKS_MAX} links in one entry, a shared resource's own address included. Remove some, or add them once a moderator has published one of your entries.`;
  return new RuleError(403, 'forbidden', message, { [field]: message });
};

interface Posted {
  /** The field the links are in, for the form to show the message there. */
  field: string;
  text: string;
  /** Links the entry is, besides those in its text: a resource's address. */
  ownLinks?: number;
  /** An edit of an entry already waiting: only its links are checked. */
  edit?: boolean;
}

/** Refuses an entry from a new account that carries too many links or that would wait beyond the limit. */
export async function checkNewAccountLimits(ctx: Ctx, user: UserRow, entry: Posted): Promise<void> {
  // Age first: it needs no query, and most accounts are past it.
  if (!isNewAccount(user, false, ctx.now) || (await hasAnyPublished(ctx.tx, user.id))) return;
  if (countLinks(entry.text) + (entry.ownLinks ?? 0) > NEW_ACCOUNT_LINKS_MAX) {
    throw tooManyLinks(entry.field);
  }
  if (!entry.edit && (await countPendingBy(ctx.tx, user.id)) >= NEW_ACCOUNT_PENDING_MAX) {
    throw new RuleError(
      403,
      'forbidden',
      `New accounts can have ${NEW_ACCOUNT_PENDING_MAX} entries waiting for a moderator at once. You can post again once one is reviewed.`,
    );
  }
}
