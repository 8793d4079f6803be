/**
 * The Node server as a target of the hostile-input cases (tests/hostile/suite.ts):
 * started over a socket on a fresh SQLite file or PostgreSQL database, its database
 * put back row by row to the fixture between tests.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { readConfig } from '../../src/server/config';
import { type RunningServer, startServer } from '../../src/server/main';
import { LEFT_BEHIND, TABLES } from '../../src/server/store/transfer';
import type { HostileTarget } from '../hostile/suite';
import { INDEX_HTML, memoryLog, TEST_PASSWORDS } from './harness';
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
  const dataDir = mkdtempSync(join(tmpdir(), 'agora-hostile-'));
  const clientDir = mkdtempSync(join(tmpdir(), 'agora-hostile-client-'));
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
  let kept: Rows = {};
  return {
    origin: server.url,
    // What a browser sends with the forum's own pages' requests.
    headers: { 'Sec-Fetch-Site': 'same-origin' },
    keep: async () => {
      kept = await rowsOf(db);
    },
    restore: async () => {
      await putBack(db, kept);
      server.forget();
    },
    dump: async () => sortedRows(await rowsOf(db)),
    close: async () => {
      await server.close();
      await postgres?.drop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(clientDir, { recursive: true, force: true });
    },
  };
}

/** As the in-page target's dump: rows compared as sets, whatever order they come in. */
function sortedRows(rows: Rows): Record<string, unknown[]> {
  return Object.fromEntries(
    Object.entries(rows).map(([table, list]) => [
      table,
      list
        .map((row) => JSON.stringify(row))
        .sort()
        .map((text) => JSON.parse(text) as unknown),
    ]),
  );
}
