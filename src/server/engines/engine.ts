import type { Kysely } from 'kysely';
import type { Dialect } from '../store/migrations';
import type { DB } from '../store/schema';
import type { Tx } from '../rules/core';

/** A database the backend runs on; only engine modules know which one it is. */
export interface Engine {
  db: Kysely<DB>;
  dialect: Dialect;
  /** A consistent copy into `file` while the database stays in use. */
  backup?: (file: string) => Promise<void>;
  /**
   * Runs `work` while no other server on this database runs its own: start-up's
   * migrations and first seed. Absent where one process alone opens the database.
   */
  exclusive?: <T>(work: () => Promise<T>) => Promise<T>;
  /** After an import that wrote generated keys as exported: moves their counters past them. */
  afterImport?: () => Promise<void>;
  /**
   * Runs a write's transaction where the engine groups several into one commit
   * (group-commit.ts); absent, each write is a transaction of its own.
   */
  transactWrite?: <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;
  /** Present where several servers may share the database: how they learn of each other's writes. */
  peers?: (handlers: PeerHandlers) => Peers;
  close(): Promise<void>;
}

export interface PeerHandlers {
  /** Another server wrote, or this one may have missed that it did. */
  onChange(): void;
  onError(error: unknown): void;
}

/** The other servers on the same database, as the page cache needs them. */
export interface Peers {
  /** Tells the others, in the write's own transaction, that the forum changed. */
  announce(tx: Tx): Promise<void>;
  /**
   * Called in a transaction that is about to write live events: from then until
   * it commits, no other server's such transaction may, so that events commit in
   * the order of their ids and a reader of "what follows id N" misses none.
   */
  order(tx: Tx): Promise<void>;
  /**
   * True once every change committed before the call has reached this server;
   * false while it is not listening, when no kept answer may be used or kept.
   */
  settled(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * SQLSTATEs after which the whole transaction may simply run again: a
 * serialisation failure, a deadlock, and a unique violation (another request
 * inserted the same thing since this one looked, which the rule, run again, sees
 * and answers as it would have).
 */
const TRANSIENT = new Set(['40001', '40P01', '23505']);

export const RETRIES = 3;

export function isTransient(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  return typeof error.code === 'string' && TRANSIENT.has(error.code);
}

/** Runs a transaction, and again (up to RETRIES more times) after a transient failure. */
export async function retryTransient<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= RETRIES || !isTransient(error)) throw error;
      // A little random wait, so that the two that collided do not collide again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * (attempt + 1)));
    }
  }
}
