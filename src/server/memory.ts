/**
 * A backend on SQLite in memory (sql.js), restored from a seeded snapshot on
 * every reset: what the tests and the in-page demo run on. The snapshot is built
 * once per process, so a reset costs a copy, not a migration and a seed.
 */
import { type Backend, loadRenderer, rendererIfLoaded } from './backend';
import { type SqlJsEngine, openSqlJs } from './engines/sqljs';
import { LiveHub } from './http/live-hub';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { DEMO_SCRYPT, type Scrypt, scryptHasher } from './passwords';
import type { PasswordHasher } from './rules/core';
import { DEFAULT_LIMITS, type RateLimits } from './rules/rate-limits';
import { migrate } from './store/migrations';
import { seedDemoAccounts, seedDiscussionData } from './store/seed';

export interface MemoryBackend {
  backend: Backend;
  engine(): SqlJsEngine;
  /** Back to the seeded state: the original discussion and the demo accounts. */
  reset(): Promise<void>;
  /** Starts from given bytes (a saved demo database). */
  load(bytes: Uint8Array): Promise<void>;
}

export interface MemoryOptions {
  passwords?: PasswordHasher;
  wasmUrl?: string;
  clock?: () => Date;
  onWrite?: (engine: SqlJsEngine) => void;
  /**
   * The seeded database, made ahead (the demo build's, by the same code): the backend
   * starts from it instead of migrating, seeding and hashing the demo accounts' passwords.
   */
  seed?: Uint8Array;
  /** The server's defaults unless a test needs others (null: none). */
  rateLimits?: RateLimits;
}

/**
 * scrypt in plain JavaScript (@noble/hashes: audited, no native code), for the
 * in-page backend, where there is no node:crypto; the same bytes as the server's.
 */
export const nobleScrypt: Scrypt = (password, salt, { logN, r, p }, dkLen, maxmem) =>
  scryptAsync(password, salt, { N: 2 ** logN, r, p, dkLen, maxmem });

const snapshots = new WeakMap<PasswordHasher, Promise<Uint8Array>>();

async function buildSnapshot(passwords: PasswordHasher, wasmUrl?: string): Promise<Uint8Array> {
  const engine = await openSqlJs(undefined, wasmUrl);
  await migrate(engine.db, 'sqlite');
  await engine.db.transaction().execute(async (tx) => {
    await seedDiscussionData(tx);
    await seedDemoAccounts(tx, passwords);
  });
  const bytes = engine.snapshot();
  await engine.close();
  return bytes;
}

export async function createMemoryBackend(options: MemoryOptions = {}): Promise<MemoryBackend> {
  // Demo passwords are public; a modest cost keeps the first visit and the tests quick.
  const passwords = options.passwords ?? scryptHasher(nobleScrypt, DEMO_SCRYPT);
  let snapshot = options.seed ? Promise.resolve(options.seed) : snapshots.get(passwords);
  if (!snapshot) {
    snapshot = buildSnapshot(passwords, options.wasmUrl);
    snapshots.set(passwords, snapshot);
  }
  let current = await openSqlJs(await snapshot, options.wasmUrl);

  // A request of the previous test (a refetch as its page unmounted) may still be
  // reading the old database: it is closed one swap later, when surely idle.
  let retired: SqlJsEngine | null = null;
  const swap = async (bytes: Uint8Array) => {
    const next = await openSqlJs(bytes, options.wasmUrl);
    await retired?.close();
    retired = current;
    current = next;
  };

  const memory: MemoryBackend = {
    engine: () => current,
    reset: async () => swap(await snapshot),
    load: swap,
    backend: {
      db: () => current.db,
      clock: options.clock ?? (() => new Date()),
      passwords,
      renderer: loadRenderer,
      rendererIfLoaded,
      onWrite: () => options.onWrite?.(current),
      latencyMs: 0,
      rateLimits: options.rateLimits === undefined ? DEFAULT_LIMITS : options.rateLimits,
      cookieOptions: { path: '/', sameSite: 'Lax' },
      log: { error: (error) => console.error(error) },
      live: new LiveHub(
        () => current.db,
        (error) => console.error(error),
      ),
    },
  };
  memory.backend.resetDemo = () => memory.reset();
  return memory;
}
