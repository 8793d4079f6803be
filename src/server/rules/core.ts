/**
 * What every backend rule stands on: the request context, the error a rule
 * refuses with, and the checks of who may do what. Rules never see HTTP; they
 * get a transaction and the viewer, and return the contract's shapes.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ErrorCode, LiveEvent, User } from '../../api/contract';
import type { Rendered } from '../../lib/markdown';
import type { Mailer } from '../mail';
import type { Audience, DB, UserRow } from '../store/schema';
import type { RateLimits } from './rate-limits';

/** The request's transaction, or the database itself for the few endpoints that must not hold one. */
export type Tx = Kysely<DB>;

export interface Ctx {
  tx: Tx;
  viewer: UserRow | null;
  now: Date;
  /** Renders participants' Markdown into safe HTML and finds its hashtags. */
  cook: (source: string, slug: string) => Rendered;
  /** Hashes and checks passwords; slow on purpose on the server. */
  passwords: PasswordHasher;
  /** The client's address, for the limits per address. */
  address?: string;
  /** The backend's rate limits; absent or null, none apply (a rule called outside any endpoint). */
  limits?: RateLimits;
  /** Live events the request raised, written just before it commits (rules/live.ts). */
  raised?: Raised[];
  /** Sends email (SMTP_URL); absent, the forum sends none. */
  mail?: Mailer;
  /**
   * Runs a task once the request's transaction has committed (an email), on the
   * database itself; absent outside an endpoint, where nothing is sent.
   */
  afterCommit?: (task: (db: Tx) => Promise<void>) => void;
}

/** A live event with who may receive it (see rules/live.ts). */
export interface Raised {
  event: LiveEvent;
  audience: Audience;
  userId: string | null;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(stored: string, password: string): Promise<boolean>;
  /** A stored hash of an older form than this hasher makes: made again at the next sign-in. */
  needsRehash?(stored: string): boolean;
}

export class RuleError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'RuleError';
  }
}

export const notFound = (what: string) => new RuleError(404, 'not_found', `${what} was not found.`);

export function requireUser(ctx: Ctx): UserRow {
  if (!ctx.viewer) throw new RuleError(401, 'unauthenticated', 'Sign in to do this.');
  return ctx.viewer;
}

export function requireModerator(ctx: Ctx): UserRow {
  const user = requireUser(ctx);
  if (user.role !== 'moderator') {
    throw new RuleError(403, 'forbidden', 'Only moderators can do this.');
  }
  return user;
}

export const isModerator = (ctx: Ctx) => ctx.viewer?.role === 'moderator';
export const isAuthor = (ctx: Ctx, authorId: string | null) =>
  ctx.viewer !== null && authorId !== null && ctx.viewer.id === authorId;

/** Published and hidden entries are part of the thread for everyone; the rest only for their author and moderators. */
export function canSee(ctx: Ctx, e: { status: string; author_id: string | null }): boolean {
  if (e.status === 'published' || e.status === 'hidden') return true;
  if (e.status === 'withdrawn') return false;
  return isModerator(ctx) || isAuthor(ctx, e.author_id);
}

/** Validates input with a contract schema; a failure names each field. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : '_';
    fields[key] ??=
      issue.code === 'unrecognized_keys'
        ? `Unknown field: ${issue.keys.join(', ')}.`
        : issue.message;
  }
  const first = Object.values(fields)[0] ?? 'The request is not valid.';
  throw new RuleError(400, 'validation_failed', first, fields);
}

export function toUser(u: UserRow): User {
  return { id: u.id, displayName: u.display_name, organisation: u.organisation, role: u.role };
}

/** A new record's id: random, so that instances sharing a database never collide. */
export function newId(prefix: string): string {
  const bytes = new Uint8Array(10);
  crypto.getRandomValues(bytes);
  return `${prefix}-${Array.from(bytes, (b) => (b % 36).toString(36)).join('')}`;
}
