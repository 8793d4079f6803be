/**
 * PostgreSQL through node-postgres: what several server instances share. A
 * bounded pool serves the requests; start-up takes a session-level advisory lock
 * on a connection of its own, and each instance listens for the others' writes
 * on another (node/changes.ts). A backup is pg_dump's job, not this engine's.
 */
import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { listenForChanges } from '../node/changes';
import type { DB } from '../store/schema';
import type { Engine } from './engine';

export interface PostgresOptions {
  /** Connections the requests share; more requests wait their turn. */
  poolSize?: number;
  /** A connection failed (PostgreSQL restarted, an administrator ended it); the pool opens another. */
  onConnectionError?: (error: Error) => void;
}

/**
 * The one place where the drivers' answers are made alike: PostgreSQL returns
 * 64-bit integers (what count(*) gives) and numerics as text to keep their
 * precision, SQLite as numbers. No count here comes near 2^53, so numbers it is;
 * a value that would lose precision fails loudly rather than quietly.
 */
const types = new pg.TypeOverrides();
types.setTypeParser(pg.types.builtins.INT8, (text: string) => {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`${text} does not fit a JavaScript number.`);
  return n;
});
types.setTypeParser(pg.types.builtins.NUMERIC, (text: string) => Number(text));

/** The key of the start-up lock, apart from Kysely's own migration lock. */
const START_LOCK = '4279186102731551';

/** How the listening connection shows in pg_stat_activity. */
export const LISTENER = 'agora-listen';

export function openPostgres(url: string, options: PostgresOptions = {}): Engine {
  const client = { connectionString: url, types, application_name: 'agora' };
  const pool = new pg.Pool({ ...client, max: options.poolSize ?? 10 });
  const failed = (error: Error) => options.onConnectionError?.(error);
  pool.on('error', failed);
  // The pool listens only while a connection is idle; one that fails while a request
  // holds it would end the process unheard. Now the request's next query fails
  // instead, and the pool drops the connection.
  pool.on('connect', (connection) => connection.on('error', failed));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    async exclusive(work) {
      // Its own connection, not one of the pool's: the work needs the pool, and
      // the lock goes with this session if the process dies holding it.
      const lock = new pg.Client(client);
      lock.on('error', () => undefined);
      await lock.connect();
      try {
        await lock.query('select pg_advisory_lock($1)', [START_LOCK]);
        return await work();
      } finally {
        await lock.end();
      }
    },
    async afterImport() {
      const serials = await sql<{ table_name: string; column_name: string }>`
        select table_name, column_name from information_schema.columns
        where table_schema = current_schema() and column_default like 'nextval(%'`.execute(db);
      for (const { table_name: table, column_name: column } of serials.rows) {
        await sql`select setval(pg_get_serial_sequence(${table}, ${column}),
          coalesce((select max(${sql.ref(column)}) from ${sql.table(table)}), 0) + 1, false)`.execute(
          db,
        );
      }
      // Statistics of the rows just loaded: without them the planner may read a whole
      // discussion for a search rather than take its index (autovacuum comes later).
      await sql`analyze`.execute(db);
    },
    peers: (handlers) =>
      listenForChanges(() => new pg.Client({ ...client, application_name: LISTENER }), handlers),
    close: () => db.destroy(),
  };
}
