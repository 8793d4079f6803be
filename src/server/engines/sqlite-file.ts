/**
 * The server's default engine: one SQLite file, through libsql (better-sqlite3's
 * API, installed as a prebuilt binary). WAL lets readers go on while one request
 * writes; `synchronous = FULL` makes each answered write durable.
 */
import Database from 'libsql';
import { Kysely, SqliteDialect, type SqliteDatabase, sql } from 'kysely';
import type { DB } from '../store/schema';
import type { Engine } from './engine';
import { groupCommit } from './group-commit';

/** Distinct statements kept prepared: the app's queries are a few hundred shapes at most. */
const STATEMENTS = 500;

/**
 * The database as Kysely's dialect uses it, with each statement prepared once:
 * Kysely prepares every query it runs, and SQLite's parse and plan of a query
 * cost as much as reading a page of comments does. Parameters vary, the text does
 * not; the least recently used text is dropped past the bound.
 */
function preparedOnce(sqlite: Database.Database): SqliteDatabase {
  const statements = new Map<string, Database.Statement>();
  return {
    prepare(text) {
      let statement = statements.get(text);
      if (statement) statements.delete(text);
      else statement = sqlite.prepare(text);
      statements.set(text, statement);
      if (statements.size > STATEMENTS) {
        const oldest = statements.keys().next().value;
        if (oldest !== undefined) statements.delete(oldest);
      }
      return statement;
    },
    close: () => sqlite.close(),
  };
}

export function openSqliteFile(path: string): Engine {
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: preparedOnce(sqlite) }) });
  return {
    db,
    dialect: 'sqlite',
    transactWrite: groupCommit(db),
    async backup(file) {
      // VACUUM INTO takes a consistent copy while the server keeps serving.
      await sql`VACUUM INTO ${file}`.execute(db);
    },
    close: () => db.destroy(),
  };
}
