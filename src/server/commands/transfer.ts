/**
 * `agora export FILE` writes the whole forum as gzipped JSON lines, read in one
 * snapshot while the server keeps serving; `agora import FILE` loads such a file
 * into an empty database in one transaction. The format is in store/transfer.ts.
 */
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable, pipeline } from 'node:stream';
import { pipeline as pipelineAsync } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { type Config, UsageError, argumentPath } from '../config';
import { openDatabase } from '../node/database';
import {
  TransferError,
  countRecords,
  describeCounts,
  exportLines,
  importLines,
  snapshot,
} from '../store/transfer';
import { requireDatabase, requireNewFile } from './backup';

export async function exportForum(config: Config, args: string[]): Promise<void> {
  requireDatabase(config);
  const file = requireNewFile(args[0], 'export');
  const engine = await openDatabase(config);
  try {
    const counts = await snapshot(engine.db, async (tx) => {
      await pipelineAsync(
        Readable.from(exportLines(tx)),
        createGzip(),
        createWriteStream(file, { flags: 'wx' }),
      );
      return countRecords(tx);
    });
    console.log(`Exported ${config.database} to ${file}: ${describeCounts(counts)}.`);
  } finally {
    await engine.close();
  }
}

/**
 * The file's lines, opened when the import asks for the first: readline drops
 * the lines it reads before anyone iterates, which happens while the import
 * waits on a database across a network.
 */
async function* fileLines(file: string): AsyncGenerator<string> {
  const read = createReadStream(file);
  // pipeline hands a read error on to the gunzip stream, and readline on to the import.
  const input = pipeline(read, createGunzip(), () => undefined);
  try {
    yield* createInterface({ input, crlfDelay: Infinity });
  } finally {
    input.destroy();
    read.destroy();
  }
}

export async function importForum(config: Config, args: string[]): Promise<void> {
  if (!args[0]) throw new UsageError('import needs a file: npm run import -- FILE.');
  const file = argumentPath(args[0]);
  if (!existsSync(file)) throw new UsageError(`There is no file ${file}.`);
  const engine = await openDatabase(config);
  try {
    const counts = await importLines(engine.db, fileLines(file)).catch((error: unknown) => {
      if (error instanceof TransferError) throw error;
      const why = error instanceof Error ? error.message : String(error);
      throw new TransferError(`The import failed and changed nothing: ${why}.`);
    });
    await engine.afterImport?.();
    console.log(`Imported ${file} into ${config.database}: ${describeCounts(counts)}.`);
  } finally {
    await engine.close();
  }
}
