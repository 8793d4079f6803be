/**
 * How servers on one PostgreSQL database keep their page caches true: every
 * write sends NOTIFY agora_changes in its own transaction, so it is delivered
 * exactly when the write commits, and each server LISTENs on a connection of
 * its own, reconnecting with backoff. While it is not listening it keeps and
 * reuses no answer, and every (re)connection and loss counts as a change, since
 * notifications may have been missed meanwhile.
 */
import type pg from 'pg';
import { sql } from 'kysely';
import type { PeerHandlers, Peers } from '../engines/engine';

export const CHANNEL = 'agora_changes';

/** The transaction lock that orders the commits of live events (see Peers.order). */
const EVENTS_LOCK = '4279186102731552';

const MIN_WAIT_MS = 100;
const MAX_WAIT_MS = 5_000;

export function listenForChanges(connect: () => pg.Client, handlers: PeerHandlers): Peers {
  let client: pg.Client | null = null;
  let closed = false;
  let failures = 0;
  let retry: ReturnType<typeof setTimeout> | null = null;

  const lost = (which: pg.Client, error?: unknown) => {
    if (client !== which) return;
    client = null;
    handlers.onChange();
    if (error !== undefined) handlers.onError(error);
    which.end().catch(() => undefined);
    schedule();
  };

  function schedule() {
    if (closed || retry) return;
    const wait = Math.min(MAX_WAIT_MS, MIN_WAIT_MS * 2 ** failures) * (0.5 + Math.random() / 2);
    failures++;
    retry = setTimeout(() => {
      retry = null;
      void open();
    }, wait);
  }

  async function open() {
    const next = connect();
    next.on('error', (error) => lost(next, error));
    next.on('end', () => lost(next));
    next.on('notification', () => handlers.onChange());
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      next.end().catch(() => undefined);
      if (failures === 0) handlers.onError(error);
      schedule();
      return;
    }
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    failures = 0;
    handlers.onChange();
  }

  // Callers that come while a ping is under way wait for the next one: only a
  // ping sent after they came proves that what committed before has arrived.
  let running: Promise<boolean> | null = null;
  let queued: Promise<boolean> | null = null;

  const ping = async (): Promise<boolean> => {
    const on = client;
    try {
      if (!on) return false;
      // PostgreSQL sends a session the notifications that reached it before it
      // answers the session's next query, and node-postgres hands them on first.
      await on.query('select 1');
      return client === on;
    } catch {
      return false;
    } finally {
      running = null;
    }
  };

  const settled = (): Promise<boolean> => {
    if (!client) return Promise.resolve(false);
    if (!running) return (running = ping());
    return (queued ??= running.then(() => {
      queued = null;
      return settled();
    }));
  };

  void open();
  return {
    async announce(tx) {
      await sql`select pg_notify(${CHANNEL}, '')`.execute(tx);
    },
    async order(tx) {
      await sql`select pg_advisory_xact_lock(${EVENTS_LOCK})`.execute(tx);
    },
    settled,
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const on = client;
      client = null;
      await on?.end().catch(() => undefined);
    },
  };
}
