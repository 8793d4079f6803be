/**
 * The Node server as a target of the hostile-input cases (tests/hostile/suite.ts):
 * started over a socket on a fresh SQLite file or PostgreSQL database, its database
 * put back row by row to the fixture after a test that may have changed it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { readConfig } from '../../src/server/config';
import { type RunningServer, startServer } from '../../src/server/main';
import { LEFT_BEHIND, TABLES } from '../../src/server/store/transfer';
import type { Dump, HostileTarget } from '../hostile/suite';
import { INDEX_HTML, memoryLog, TEST_PASSWORDS, TEST_TMP } from './harness';
import { createPostgresDatabase } from './postgres';

type Rows = Record<string, Record<string, unknown>[]>;
type Loose = Kysely<Record<string, Record<string, unknown>>>;

/** Rows a statement may carry: well under SQLite's limit of bound values. */
const CHUNK = 50;

async function rowsOf(db: Loose): Promise<Rows> {
  const rows: Rows = {};
  for (const [table, keys] of TABLES) {
    let query = db.selectFrom(table).selectAll();
    for (const key of keys) query = query.orderBy(key);
    rows[table] = await query.execute();
  }
  return rows;
}

/** Empties every table, children first, then writes the kept rows back, parents first. */
async function putBack(db: Loose, kept: Rows): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const emptied = [...LEFT_BEHIND, ...TABLES.map(([table]) => table).reverse()];
    for (const table of emptied) await tx.deleteFrom(table).execute();
    for (const [table] of TABLES) {
      const rows = kept[table] ?? [];
      for (let i = 0; i < rows.length; i += CHUNK) {
        await tx
          .insertInto(table)
          .values(rows.slice(i, i + CHUNK))
          .execute();
      }
    }
  });
}

export async function serverTarget(engine: 'sqlite' | 'postgres'): Promise<HostileTarget> {
  const postgres = engine === 'postgres' ? await createPostgresDatabase() : null;
  const dataDir = mkdtempSync(join(TEST_TMP, 'agora-hostile-'));
  const clientDir = mkdtempSync(join(TEST_TMP, 'agora-hostile-client-'));
  writeFileSync(join(clientDir, 'index.html'), INDEX_HTML);
  const config = readConfig({
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    AGORA_DEMO: '1',
    // Hundreds of requests from one address and three accounts, a few seconds apart.
    AGORA_RATE_LIMITS: 'off',
    ...(postgres ? { DATABASE_URL: postgres.url } : {}),
  });
  const server: RunningServer = await startServer({
    config,
    clientDir,
    log: memoryLog().log,
    passwords: TEST_PASSWORDS,
  });
  const db = server.engine.db as unknown as Loose;
  const dump = await dumpStatement(db, engine);
  let kept: Rows = {};
  return {
    origin: server.url,
    // What a browser sends with the forum's own pages' requests.
    headers: { 'Sec-Fetch-Site': 'same-origin' },
    keep: async () => {
      kept = await rowsOf(db);
    },
    restore: async (changed) => {
      if (!changed) return;
      await putBack(db, kept);
      server.forget();
    },
    dump: async () => {
      const text = (await dump.execute(db)).rows[0]?.dump ?? '{}';
      const { rows, counters } = JSON.parse(text) as { rows: Dump['rows']; counters: unknown };
      return { rows, counters: JSON.stringify(counters) };
    },
    close: async () => {
      await server.close();
      await postgres?.drop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(clientDir, { recursive: true, force: true });
    },
  };
}

const COUNTERS = {
  rate_limits: ['bucket', 'subject', 'window_start'],
  events: ['id'],
} satisfies Record<(typeof LEFT_BEHIND)[number], string[]>;

/**
 * One statement that reads every table, each in key order, as JSON text: the cases
 * read the database after each request, and on PostgreSQL a statement a table was
 * a round trip a table.
 */
async function dumpStatement(db: Loose, engine: 'sqlite' | 'postgres') {
  const ref = (name: string) => `"${name}"`;
  const order = (keys: readonly string[]) => keys.map(ref).join(', ');
  let table: (name: string, keys: readonly string[]) => string;
  if (engine === 'postgres') {
    table = (name, keys) =>
      `(select coalesce(json_agg(t order by ${order(keys)}), '[]') from ${ref(name)} t)`;
  } else {
    // SQLite has no row-to-JSON: each table's row is built from its columns.
    const rowOf = new Map<string, string>();
    for (const name of [...TABLES.map(([t]) => t), ...LEFT_BEHIND]) {
      const { rows } = await sql<{
        name: string;
      }>`select name from pragma_table_info(${name})`.execute(db);
      rowOf.set(name, `json_object(${rows.map((c) => `'${c.name}', ${ref(c.name)}`).join(', ')})`);
    }
    table = (name, keys) =>
      `json((select json_group_array(${rowOf.get(name) ?? ''} order by ${order(keys)}) from ${ref(name)}))`;
  }
  const object = engine === 'postgres' ? 'json_build_object' : 'json_object';
  const all = (tables: (readonly [string, readonly string[]])[]) =>
    `${object}(${tables.map(([name, keys]) => `'${name}', ${table(name, keys)}`).join(', ')})`;
  const rows = all([...TABLES]);
  const counters = all(Object.entries(COUNTERS));
  const text = `select ${object}('rows', ${rows}, 'counters', ${counters})${engine === 'postgres' ? '::text' : ''} as dump`;
  return sql<{ dump: string }>`${sql.raw(text)}`;
}
