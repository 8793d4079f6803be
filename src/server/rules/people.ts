/**
 * Moderators manage people: the list of accounts with their entries' outcomes,
 * the moderator role, suspension, and one-time reset links. Every change is in
 * the moderation log, as an 'account' entry naming the person.
 */
import {
  ENTRY_STATUSES,
  type EntryStatus,
  type PeopleAction,
  type PeopleResponse,
  type Person,
  type ResetLinkResponse,
  roleSchema,
} from '../../api/contract';
import { countEntriesByAuthor, listUsers, setRole, setSuspended } from '../store/people';
import type { UserRow } from '../store/schema';
import { endSessions, findUser } from '../store/users';
import { type Ctx, RuleError, notFound, parse, requireModerator } from './core';
import { appendLog } from './moderation';
import { issueResetLink } from './password-reset';

const noEntries = (): Record<EntryStatus, number> =>
  Object.fromEntries(ENTRY_STATUSES.map((s) => [s, 0])) as Record<EntryStatus, number>;

function toPerson(u: UserRow, entries = noEntries()): Person {
  return {
    id: u.id,
    displayName: u.display_name,
    organisation: u.organisation,
    role: u.role,
    joinedAt: u.created_at,
    suspendedAt: u.suspended_at ?? null,
    entries,
  };
}

async function people(ctx: Ctx, users: UserRow[]): Promise<Person[]> {
  const counts = new Map(users.map((u) => [u.id, noEntries()]));
  for (const c of await countEntriesByAuthor(
    ctx.tx,
    users.map((u) => u.id),
  )) {
    const entries = c.author_id === null ? undefined : counts.get(c.author_id);
    if (entries) entries[c.status] += Number(c.n);
  }
  return users.map((u) => toPerson(u, counts.get(u.id)));
}

export async function listPeople(ctx: Ctx): Promise<PeopleResponse> {
  requireModerator(ctx);
  return { people: await people(ctx, await listUsers(ctx.tx)) };
}

async function findPerson(ctx: Ctx, id: string): Promise<UserRow> {
  const user = await findUser(ctx.tx, id);
  if (!user) throw notFound('The account');
  return user;
}

async function log(ctx: Ctx, moderator: UserRow, action: PeopleAction, person: UserRow) {
  await appendLog(ctx, moderator, {
    action,
    kind: 'account',
    targetId: person.id,
    discussionSlug: '',
    reason: person.display_name,
  });
}

async function answer(ctx: Ctx, id: string): Promise<Person> {
  const [person] = await people(ctx, [await findPerson(ctx, id)]);
  if (!person) throw notFound('The account');
  return person;
}

function notOneself(moderator: UserRow, person: UserRow, message: string) {
  if (moderator.id === person.id) throw new RuleError(409, 'conflict', message);
}

export async function changeRole(ctx: Ctx, id: string, input: unknown): Promise<Person> {
  const moderator = requireModerator(ctx);
  const { role } = parse(roleSchema, input);
  const person = await findPerson(ctx, id);
  if (person.role === role) return answer(ctx, id);
  notOneself(moderator, person, 'You cannot withdraw your own moderator role.');
  await setRole(ctx.tx, id, role);
  await log(
    ctx,
    moderator,
    role === 'moderator' ? 'grant-moderator' : 'withdraw-moderator',
    person,
  );
  return answer(ctx, id);
}

export async function suspend(ctx: Ctx, id: string): Promise<Person> {
  const moderator = requireModerator(ctx);
  const person = await findPerson(ctx, id);
  notOneself(moderator, person, 'You cannot suspend your own account.');
  if (!person.suspended_at) {
    await setSuspended(ctx.tx, id, ctx.now.toISOString());
    await endSessions(ctx.tx, id);
    await log(ctx, moderator, 'suspend', person);
  }
  return answer(ctx, id);
}

export async function restoreAccount(ctx: Ctx, id: string): Promise<Person> {
  const moderator = requireModerator(ctx);
  const person = await findPerson(ctx, id);
  if (person.suspended_at) {
    await setSuspended(ctx.tx, id, null);
    await log(ctx, moderator, 'restore-account', person);
  }
  return answer(ctx, id);
}

/** For a forum without email: the moderator hands the person the link. */
export async function issueResetLinkFor(ctx: Ctx, id: string): Promise<ResetLinkResponse> {
  const moderator = requireModerator(ctx);
  const person = await findPerson(ctx, id);
  const link = await issueResetLink(ctx, person);
  await log(ctx, moderator, 'issue-reset-link', person);
  return link;
}
