/**
 * What the server tests share: a fresh data folder (and, on PostgreSQL, a fresh
 * database that goes with it), a fake client build, the server started
 * in-process on port 0, a client that keeps its session cookie, and a dump of
 * every table to compare databases record by record.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../src/server/config';
import { openSqliteFile } from '../../src/server/engines/sqlite-file';
import type { Kysely } from 'kysely';
import type { Engine } from '../../src/server/engines/engine';
import { startServer } from '../../src/server/main';
import { openDatabase } from '../../src/server/node/database';
import { jsonLog } from '../../src/server/node/log';
import { serverPasswords } from '../../src/server/node/scrypt';
import { DEMO_SCRYPT } from '../../src/server/passwords';
import type { PasswordHasher } from '../../src/server/rules/core';
import { createPostgresDatabase } from './postgres';
import { TABLES } from '../../src/server/store/transfer';

export const SLUG = 'advancing-womens-rights-through-social-media';
export const PARTICIPANT = { email: 'amina@example.org', password: 'demo-participant' };
export const MODERATOR = { email: 'moderator@example.org', password: 'demo-moderator' };

const cleanups: (() => Promise<void> | void)[] = [];

/** Stops the servers and removes the folders and databases of the test that ends (tests/server/setup.ts). */
export async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}

/**
 * Where the tests' data folders go: memory (tmpfs) where the system has it. Each fresh
 * SQLite file syncs its migrations and seed to disk (`synchronous = FULL`), which on a
 * disk other work is writing to took most of a server test's time; a kill of the server
 * (tests/server/crash.test.ts) loses nothing the kernel holds either way.
 */
export const TEST_TMP =
  process.env.AGORA_TEST_TMPDIR ?? (existsSync('/dev/shm') ? '/dev/shm' : tmpdir());

export function tempDir(): string {
  const dir = mkdtempSync(join(TEST_TMP, 'agora-server-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export const INDEX_HTML = '<!doctype html><title>Agora</title><div id="root"></div>';

/** A client build as `vite build` lays it out, hashed asset, source map and mock worker included. */
export function fakeClient(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX_HTML);
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dir, 'mockServiceWorker.js'), '/* mock */');
  writeFileSync(join(dir, 'assets', 'index-Ab12Cd34.js'), 'console.log("app");');
  writeFileSync(join(dir, 'assets', 'index-Ab12Cd34.js.map'), '{"version":3}');
  return dir;
}

/** The server's own JSON log, written to arrays instead of stdout and stderr. */
export function memoryLog() {
  const out: string[] = [];
  const err: string[] = [];
  const log = jsonLog(
    (line) => out.push(line),
    (line) => err.push(line),
  );
  const parse = (lines: string[]) => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { log, out, err, requests: () => parse(out).filter((l) => 'method' in l) };
}

/** The engines every socket test runs on: a SQLite file, and a PostgreSQL database. */
export const ENGINES = ['sqlite', 'postgres'] as const;
export type EngineName = (typeof ENGINES)[number];

/** The PostgreSQL database that stands for a data folder, as its SQLite file does. */
const databases = new Map<string, string>();

/** Puts the forum of `dataDir` on a fresh PostgreSQL database (on SQLite, its file is already its own). */
export async function onEngine(dataDir: string, engine: EngineName): Promise<void> {
  if (engine === 'sqlite' || databases.has(dataDir)) return;
  const { url, drop } = await createPostgresDatabase();
  databases.set(dataDir, url);
  cleanups.push(async () => {
    databases.delete(dataDir);
    await drop();
  });
}

export function configFor(dataDir: string, extra: Record<string, string> = {}) {
  const url = databases.get(dataDir);
  return readConfig({
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    ...(url ? { DATABASE_URL: url } : {}),
    ...extra,
  });
}

/**
 * The servers the tests start hash passwords at the demo's cost: the production cost
 * takes a second of CPU per hash here, which is what it is for and what no test needs,
 * but for the one that checks a joined account's hash names it (passwords.test.ts).
 */
export const TEST_PASSWORDS = serverPasswords(DEMO_SCRYPT);

export interface StartOptions {
  clientDir?: string;
  demo?: boolean;
  engine?: EngineName;
  passwords?: PasswordHasher;
  /** More settings, as environment variables. */
  env?: Record<string, string>;
  /** How long the server's stop lets requests under way finish. */
  graceMs?: number;
}

export async function startOn(
  dataDir: string,
  {
    clientDir = fakeClient(),
    demo = true,
    engine = 'sqlite',
    passwords = TEST_PASSWORDS,
    env = {},
    graceMs,
  }: StartOptions = {},
) {
  await onEngine(dataDir, engine);
  const logs = memoryLog();
  const config = configFor(dataDir, { AGORA_DEMO: demo ? '1' : '0', ...env });
  const server = await startServer({
    config,
    clientDir,
    log: logs.log,
    passwords,
    ...(graceMs === undefined ? {} : { graceMs }),
  });
  cleanups.push(() => server.close());
  return { server, logs, config, visitor: () => visitor(server.url) };
}

/** A visitor with a cookie jar of one cookie, which is all the app sets. */
export function visitor(base: string) {
  let cookie = '';
  const call = async (path: string, init: RequestInit & { json?: unknown } = {}) => {
    const { json, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (cookie) headers.set('Cookie', cookie);
    if (json !== undefined) headers.set('Content-Type', 'application/json');
    // What a browser sends with the forum's own pages' requests (fetch adds no Origin here).
    if (!headers.has('Sec-Fetch-Site')) headers.set('Sec-Fetch-Site', 'same-origin');
    const response = await fetch(`${base}${path}`, {
      ...rest,
      headers,
      ...(json !== undefined ? { body: JSON.stringify(json), method: rest.method ?? 'POST' } : {}),
    });
    const set = response.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0] ?? '';
    return response;
  };
  return {
    call,
    cookie: () => cookie,
    setCookie: (value: string) => {
      cookie = value;
    },
    signIn: async (account: { email: string; password: string }) => {
      const response = await call('/api/session', { json: account });
      if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
    },
  };
}

export type Dump = Record<string, Record<string, unknown>>;

async function dumpTables(engine: Engine): Promise<Record<string, Record<string, unknown>[]>> {
  try {
    const db = engine.db as unknown as Kysely<Dump>;
    const dump: Record<string, Record<string, unknown>[]> = {};
    for (const [table, keys] of TABLES) {
      let query = db.selectFrom(table).selectAll();
      for (const key of keys) query = query.orderBy(key);
      dump[table] = await query.execute();
    }
    return dump;
  } finally {
    await engine.close();
  }
}

/** Every record of every table, in key order: equal dumps are equal forums. */
export function dumpFile(file: string): Promise<Record<string, Record<string, unknown>[]>> {
  return dumpTables(openSqliteFile(file));
}

/** As dumpFile, for the database of any settings: the SQLite file or PostgreSQL. */
export async function dumpDatabase(
  config: ReturnType<typeof configFor>,
): Promise<Record<string, Record<string, unknown>[]>> {
  return dumpTables(await openDatabase(config));
}
