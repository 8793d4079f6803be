/**
 * SQLite in WebAssembly (sql.js): the engine of the in-page backend of dev and
 * the demo, and of the tests' in-memory databases. `snapshot()` exports the
 * whole database as bytes, and `openSqlJs(bytes)` starts from such a snapshot.
 */
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { Kysely } from 'kysely';
import { SqlJsDialect } from 'kysely-wasm';
import type { DB } from '../store/schema';
import type { Engine } from './engine';

export interface SqlJsEngine extends Engine {
  snapshot(): Uint8Array;
}

let loading: Promise<SqlJsStatic> | null = null;

/** Loads the WebAssembly module once; `wasmUrl` is where a browser finds it. */
export function loadSqlJs(wasmUrl?: string): Promise<SqlJsStatic> {
  loading ??= initSqlJs(wasmUrl ? { locateFile: () => wasmUrl } : {});
  return loading;
}

export async function openSqlJs(bytes?: Uint8Array, wasmUrl?: string): Promise<SqlJsEngine> {
  const SQL = await loadSqlJs(wasmUrl);
  const database = new SQL.Database(bytes);
  database.run('PRAGMA foreign_keys = ON');
  const db = new Kysely<DB>({ dialect: new SqlJsDialect({ database }) });
  return {
    db,
    dialect: 'sqlite',
    snapshot: () => database.export(),
    close: () => db.destroy(),
  };
}
