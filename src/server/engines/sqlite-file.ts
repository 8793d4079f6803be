/**
 * The server's default engine: one SQLite file, through libsql (better-sqlite3's
 * API, installed as a prebuilt binary). WAL lets readers go on while one request
 * writes; `synchronous = FULL` makes each answered write durable.
 */
import Database from 'libsql';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { DB } from '../store/schema';
import type { Engine } from './engine';

export function openSqliteFile(path: string): Engine {
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    dialect: 'sqlite',
    async backup(file) {
      // VACUUM INTO takes a consistent copy while the server keeps serving.
      await sql`VACUUM INTO ${file}`.execute(db);
    },
    close: () => db.destroy(),
  };
}
