/**
 * Opens the server's database, the SQLite file (created with its folder on the
 * first start) or PostgreSQL when DATABASE_URL names it, and brings its schema up
 * to date. The server and every command open it the same way; only the server
 * and create-moderator seed it. Servers starting at once on one PostgreSQL
 * database take turns: one migrates and seeds, the others find it done.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from '../config';
import type { Engine } from '../engines/engine';
import { openPostgres } from '../engines/postgres';
import { openSqliteFile } from '../engines/sqlite-file';
import { DEMO_SCRYPT } from '../passwords';
import { serverPasswords } from './scrypt';
import { migrate } from '../store/migrations';
import { seedDemoAccounts, seedDiscussionData } from '../store/seed';

/** Where the forum is: the settings' database fields, or a SQLite file's path. */
export interface DatabaseTarget {
  databaseFile: string;
  /** PostgreSQL, when set: the file is then not used. */
  databaseUrl?: string | null;
  poolSize?: number;
  /** How messages name it. */
  database?: string;
}

const exclusively = <T>(engine: Engine, work: () => Promise<T>) =>
  engine.exclusive ? engine.exclusive(work) : work();

function open(target: string | DatabaseTarget): Engine {
  if (typeof target !== 'string' && target.databaseUrl) {
    return openPostgres(target.databaseUrl, { poolSize: target.poolSize });
  }
  const file = typeof target === 'string' ? target : target.databaseFile;
  mkdirSync(dirname(file), { recursive: true });
  return openSqliteFile(file);
}

/** A database that cannot be reached is a setting to fix: one line that says where and why. */
function unreachable(target: string | DatabaseTarget, error: unknown): unknown {
  if (typeof target === 'string' || !target.databaseUrl) return error;
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : '';
  const known = ['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', '3D000', '28P01', '28000'];
  if (typeof code !== 'string' || !known.includes(code)) return error;
  const why = error instanceof Error ? error.message : String(error);
  return new UsageError(
    `PostgreSQL at ${target.database ?? 'DATABASE_URL'} cannot be used: ${why}.`,
  );
}

export async function openDatabase(target: string | DatabaseTarget): Promise<Engine> {
  const engine = open(target);
  try {
    await exclusively(engine, () => migrate(engine.db, engine.dialect));
  } catch (error) {
    await engine.close();
    throw unreachable(target, error);
  }
  return engine;
}

/**
 * A forum with no discussion yet gets the original one (a first start, or a
 * failed import that rolled back); an imported forum is left as it came.
 */
export async function seedForum(engine: Engine, { demo }: { demo: boolean }): Promise<void> {
  await exclusively(engine, () =>
    engine.db.transaction().execute(async (tx) => {
      const any = await tx.selectFrom('discussions').select('slug').limit(1).executeTakeFirst();
      if (!any) await seedDiscussionData(tx);
      // The demo passwords are published in the README, so a slow hash would protect
      // nothing and only delay the first start.
      if (demo) await seedDemoAccounts(tx, serverPasswords(DEMO_SCRYPT));
    }),
  );
}
