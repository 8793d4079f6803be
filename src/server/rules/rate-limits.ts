/**
 * Rate limits: how many attempts of one kind an account or an address may make
 * in a fixed window. The counters are in the database, so they hold across
 * servers. Sign-in and joining are checked before any password is hashed, so the
 * slow hash is no lever; a refused request changes nothing else.
 */
import { countHit, findHits, pruneWindows, returnHit } from '../store/rate-limits';
import { type Ctx, RuleError } from './core';

export const BUCKETS = ['sign-in', 'sign-in-address', 'join', 'comment', 'share', 'flag'] as const;
export type Bucket = (typeof BUCKETS)[number];

export interface Limit {
  max: number;
  windowSeconds: number;
}

/** Every bucket's limit; null turns them all off (load tests, benchmarks). */
export type RateLimits = Record<Bucket, Limit> | null;

export const DEFAULT_LIMITS: Record<Bucket, Limit> = {
  /** Failed sign-ins per account (email); joining with its email counts too. */
  'sign-in': { max: 10, windowSeconds: 15 * 60 },
  /** Sign-in attempts per address, right or wrong. */
  'sign-in-address': { max: 50, windowSeconds: 15 * 60 },
  /** Attempts to join per address. */
  join: { max: 10, windowSeconds: 60 * 60 },
  /** Comments and replies per account. */
  comment: { max: 30, windowSeconds: 10 * 60 },
  /** Resources shared per account. */
  share: { max: 10, windowSeconds: 10 * 60 },
  /** Flags per account. */
  flag: { max: 20, windowSeconds: 10 * 60 },
};

const WHAT: Record<Bucket, string> = {
  'sign-in': 'Too many attempts.',
  'sign-in-address': 'Too many attempts.',
  join: 'Too many attempts.',
  comment: 'Too many comments in a short time.',
  share: 'Too many resources shared in a short time.',
  flag: 'Too many flags in a short time.',
};

/** "in 12 minutes", "in 1 minute", "in 40 seconds". */
export function tryAgainIn(seconds: number): string {
  if (seconds < 60) return `in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
  const minutes = Math.ceil(seconds / 60);
  return `in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}

interface Window {
  start: string;
  retryAfterSeconds: number;
}

function windowOf(limit: Limit, now: Date): Window {
  const length = limit.windowSeconds * 1000;
  const start = Math.floor(now.getTime() / length) * length;
  return {
    start: new Date(start).toISOString(),
    retryAfterSeconds: Math.max(1, Math.ceil((start + length - now.getTime()) / 1000)),
  };
}

function refuse(bucket: Bucket, window: Window): RuleError {
  return new RuleError(
    429,
    'rate_limited',
    `${WHAT[bucket]} Try again ${tryAgainIn(window.retryAfterSeconds)}.`,
    undefined,
    { retryAfterSeconds: window.retryAfterSeconds },
  );
}

/** Counts one attempt of `subject` in `bucket`; over the limit, refuses with 429. */
export async function limit(ctx: Ctx, bucket: Bucket, subject: string): Promise<void> {
  const settings = ctx.limits?.[bucket];
  if (!settings) return;
  const window = windowOf(settings, ctx.now);
  const hits = await countHit(ctx.tx, bucket, subject, window.start);
  // The first hit of a window is a good moment to forget the bucket's ended ones.
  if (hits === 1) await pruneWindows(ctx.tx, bucket, window.start);
  if (hits > settings.max) throw refuse(bucket, window);
}

/** Refuses with 429 when `subject` has used up `bucket` already, counting nothing. */
export async function checkLimit(ctx: Ctx, bucket: Bucket, subject: string): Promise<void> {
  const settings = ctx.limits?.[bucket];
  if (!settings) return;
  const window = windowOf(settings, ctx.now);
  if ((await findHits(ctx.tx, bucket, subject, window.start)) >= settings.max) {
    throw refuse(bucket, window);
  }
}

/** Gives back an attempt counted by `limit`: it turned out not to be one that counts. */
export async function forgive(ctx: Ctx, bucket: Bucket, subject: string): Promise<void> {
  const settings = ctx.limits?.[bucket];
  if (!settings) return;
  await returnHit(ctx.tx, bucket, subject, windowOf(settings, ctx.now).start);
}
