/**
 * What the HTTP app needs from where it runs: the database, the clock, the
 * password hasher, the Markdown renderer, and a few settings. The Node server,
 * the tests and the in-page demo each build one; the app and its rules are the same.
 */
import type { Kysely } from 'kysely';
import type { CookieOptions } from 'hono/utils/cookie';
import type { Rendered } from '../lib/markdown';
import type { Mailer } from './mail';
import type { PasswordHasher, Tx } from './rules/core';
import type { RateLimits } from './rules/rate-limits';
import type { Peers } from './engines/engine';
import type { PageCache } from './http/page-cache';
import type { LiveHub } from './http/live-hub';
import type { DB } from './store/schema';

export type Render = (source: string, slug: string) => Rendered;

export interface Backend {
  db(): Kysely<DB>;
  clock(): Date;
  passwords: PasswordHasher;
  /** Loads the renderer (once) for a request that may write. */
  renderer(): Promise<Render>;
  /** The renderer if loaded; reads never need it, so a stand-in that throws is fine. */
  rendererIfLoaded(): Render;
  /** Where the engine groups writes into shared commits (the SQLite file): how a write runs. */
  transactWrite?: <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;
  /** Called after every successful write, e.g. to save the demo's database. */
  onWrite(): void;
  /** Added before every answer: the demo's `?latency=`, zero elsewhere. */
  latencyMs: number;
  cookieOptions: CookieOptions;
  /**
   * Where people reach the forum (`PUBLIC_ORIGIN`): writes must come from it. Absent in the
   * in-page backend, which only the page reaches, through the MSW bridge.
   */
  publicOrigin?: string;
  /** The session cookie's name when not the contract's: `__Host-…` over HTTPS. */
  sessionCookie?: string;
  log: { error(error: unknown): void };
  /** Answers to reads kept until the next write: the Node server's, where only the app writes. */
  cache?: PageCache;
  /** Other servers on the same database (PostgreSQL): their writes clear this one's cache too. */
  peers?: Peers;
  /** Sends email (SMTP_URL); absent, the forum sends none and moderators issue reset links. */
  mail?: Mailer;
  /** Attempts allowed per bucket and window; null turns the limits off (`AGORA_RATE_LIMITS=off`). */
  rateLimits: RateLimits;
  /** Behind a proxy (`TRUST_PROXY=1`): the client's address is X-Forwarded-For's last hop. */
  trustProxy?: boolean;
  /** This server's open live streams; absent, `GET /api/events` answers 404. */
  live?: LiveHub;
  /** How often a quiet live stream sends a heartbeat (`AGORA_HEARTBEAT_SECONDS`). */
  heartbeatMs?: number;
  /** Present only where demo data may be reset (the in-page demo and tests). */
  resetDemo?: () => Promise<void>;
}

let render: Render | null = null;

export async function loadRenderer(): Promise<Render> {
  render ??= (await import('../lib/markdown')).renderMarkdown;
  return render;
}

export function rendererIfLoaded(): Render {
  return (
    render ??
    (() => {
      throw new Error('The Markdown renderer is not loaded.');
    })
  );
}
