/**
 * Opens the server's database file, creating it and its folder on the first
 * start, and brings its schema up to date. The server and every command open it
 * the same way; only the server and create-moderator seed it.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Engine } from '../engines/engine';
import { openSqliteFile } from '../engines/sqlite-file';
import { pbkdf2Hasher } from '../passwords';
import { migrate } from '../store/migrations';
import { seedDemoAccounts, seedDiscussionData } from '../store/seed';

export async function openDatabase(file: string): Promise<Engine> {
  mkdirSync(dirname(file), { recursive: true });
  const engine = openSqliteFile(file);
  try {
    await migrate(engine.db, engine.dialect);
  } catch (error) {
    await engine.close();
    throw error;
  }
  return engine;
}

/**
 * A forum with no discussion yet gets the original one (a first start, or a
 * failed import that rolled back); an imported forum is left as it came.
 */
export async function seedForum(engine: Engine, { demo }: { demo: boolean }): Promise<void> {
  await engine.db.transaction().execute(async (tx) => {
    const any = await tx.selectFrom('discussions').select('slug').limit(1).executeTakeFirst();
    if (!any) await seedDiscussionData(tx);
    // The demo passwords are published in the README, so a slow hash would protect
    // nothing and only delay the first start.
    if (demo) await seedDemoAccounts(tx, pbkdf2Hasher(10_000));
  });
}
