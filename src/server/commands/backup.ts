/**
 * `agora backup FILE`: a consistent copy of the database file, taken while the
 * server keeps serving (the engine's `backup`, VACUUM INTO on SQLite). The copy
 * is a database the server can start on: `DATA_DIR=… ` with it as `agora.sqlite`.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { type Config, UsageError, argumentPath } from '../config';
import { openSqliteFile } from '../engines/sqlite-file';

export function requireDatabase(config: Config): void {
  // PostgreSQL's database exists or not on its server; opening it says which.
  if (!config.databaseUrl && !existsSync(config.databaseFile)) {
    throw new UsageError(
      `There is no database at ${config.databaseFile}: start the server once, or set DATA_DIR.`,
    );
  }
}

export function requireNewFile(file: string | undefined, command: string): string {
  if (!file) throw new UsageError(`${command} needs a file: npm run ${command} -- FILE.`);
  const path = argumentPath(file);
  if (existsSync(path)) {
    throw new UsageError(`${path} already exists; ${command} writes a new file only.`);
  }
  mkdirSync(dirname(path), { recursive: true });
  return path;
}

export async function backup(config: Config, args: string[]): Promise<void> {
  if (config.databaseUrl) {
    throw new UsageError(
      'The forum is on PostgreSQL (DATABASE_URL): back it up with pg_dump, e.g. pg_dump --format=custom --file=agora.dump "$DATABASE_URL", while the servers run. npm run export also works on both engines.',
    );
  }
  requireDatabase(config);
  const file = requireNewFile(args[0], 'backup');
  const engine = openSqliteFile(config.databaseFile);
  try {
    if (!engine.backup) throw new UsageError('This database engine cannot take a backup.');
    await engine.backup(file);
  } finally {
    await engine.close();
  }
  console.log(`Backed up ${config.databaseFile} to ${file} (${statSync(file).size} bytes).`);
}
