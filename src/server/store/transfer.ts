/**
 * The whole forum as lines of JSON, one record a line with its table, and back:
 * what `agora export` writes and `agora import` reads. Portable Kysely only, so a
 * forum moves between SQLite and PostgreSQL. Tables go out parents first, so an
 * import checks every foreign key as it goes; each table is read in key order,
 * a page at a time, inside one snapshot.
 */
import type { Kysely } from 'kysely';
import type { DB } from './schema';

/** Every table, in an order that imports cleanly, with the key it is read in. */
export const TABLES = [
  ['users', ['id']],
  ['sessions', ['token_hash']],
  ['discussions', ['slug']],
  ['comments', ['id']],
  ['comment_tags', ['comment_id', 'tag']],
  ['revisions', ['id']],
  ['resources', ['id']],
  ['flags', ['id']],
  ['moderation_log', ['seq']],
  ['idempotency', ['user_id', 'key']],
  ['password_resets', ['token_hash']],
  ['notifications', ['id']],
  ['follows', ['user_id', 'target_kind', 'target_id']],
  ['notification_settings', ['user_id']],
] as const satisfies readonly (readonly [keyof DB, readonly string[]])[];

/**
 * Tables an export leaves out on purpose: rate limit counters say who tried what
 * in the last minutes on the old server, and an emptied table only lets people try again;
 * live events are for the streams open on the old server, which end with it.
 */
export const LEFT_BEHIND = ['rate_limits', 'events'] as const satisfies readonly (keyof DB)[];

/**
 * Tables derived from the others (migration 008's search index, with the
 * tables SQLite's full-text module keeps behind it): never exported, and an
 * import fills them again as it inserts the comments, through their triggers.
 */
const DERIVED = ['comment_search'];
const isDerived = (table: string) =>
  DERIVED.some((name) => table === name || table.startsWith(`${name}_`));

type Listed = (typeof TABLES)[number][0];
type Forgotten = Exclude<keyof DB, Listed | (typeof LEFT_BEHIND)[number]>;
/** Stops the build when a table is added to the schema but neither to TABLES nor to LEFT_BEHIND. */
export const listsEveryTable: [Forgotten] extends [never] ? true : Forgotten = true;

export type TableName = Listed;
export type Counts = Record<TableName, number>;
type Row = Record<string, unknown>;
type Loose = Kysely<Record<string, Row>>;

export const FORMAT = 'agora-forum';
export const VERSION = 1;
const PAGE = 500;
const MIGRATIONS_TABLE = 'kysely_migration';

export interface Header {
  format: typeof FORMAT;
  version: typeof VERSION;
  /** The migrations the exporting database had run: an importer must know them all. */
  migrations: string[];
}

export interface Line {
  table: TableName;
  row: Row;
}

const loose = (db: Kysely<DB>) => db as unknown as Loose;

export async function appliedMigrations(db: Kysely<DB>): Promise<string[]> {
  const rows = await loose(db)
    .selectFrom(MIGRATIONS_TABLE)
    .select('name')
    .orderBy('name')
    .execute();
  return rows.map((r) => String(r.name));
}

/** Tables the database has that this code would not carry: exporting would lose them. */
async function unknownTables(db: Kysely<DB>): Promise<string[]> {
  const listed = new Set<string>([...TABLES.map(([name]) => name), ...LEFT_BEHIND]);
  const tables = await db.introspection.getTables();
  return tables.map((t) => t.name).filter((name) => !listed.has(name) && !isDerived(name));
}

async function* tableRows(tx: Kysely<DB>, table: TableName, keys: readonly string[]) {
  let after: Row | null = null;
  for (;;) {
    const from: Row | null = after;
    let query = loose(tx).selectFrom(table).selectAll();
    if (from) {
      // (k1 > v1) or (k1 = v1 and k2 > v2) …: the rows after the last one read.
      query = query.where((eb) =>
        eb.or(
          keys.map((key, i) =>
            eb.and([...keys.slice(0, i).map((k) => eb(k, '=', from[k])), eb(key, '>', from[key])]),
          ),
        ),
      );
    }
    for (const key of keys) query = query.orderBy(key);
    const page = await query.limit(PAGE).execute();
    yield* page;
    if (page.length < PAGE) return;
    after = page[page.length - 1] ?? null;
  }
}

/**
 * The export's lines, header first. Run it inside one transaction (`snapshot`)
 * so the lines describe the forum at one moment while it keeps serving.
 */
export async function* exportLines(tx: Kysely<DB>): AsyncGenerator<string> {
  const unknown = await unknownTables(tx);
  if (unknown.length > 0) {
    throw new Error(`The export does not know the tables ${unknown.join(', ')}.`);
  }
  const header: Header = {
    format: FORMAT,
    version: VERSION,
    migrations: await appliedMigrations(tx),
  };
  yield `${JSON.stringify(header)}\n`;
  for (const [table, keys] of TABLES) {
    for await (const row of tableRows(tx, table, keys)) {
      yield `${JSON.stringify({ table, row } satisfies Line)}\n`;
    }
  }
}

export function snapshot<T>(db: Kysely<DB>, read: (tx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.transaction().setIsolationLevel('repeatable read').execute(read);
}

/** A file that is not an export this code can take, or a database that must not take it. */
export class TransferError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TransferError';
  }
}

export const isEmpty = (counts: Counts) => Object.values(counts).every((n) => n === 0);

export function describeCounts(counts: Counts): string {
  return Object.entries(counts)
    .map(([table, n]) => `${table} ${n}`)
    .join(', ');
}

export async function countRecords(db: Kysely<DB>): Promise<Counts> {
  const counts = {} as Counts;
  for (const [table] of TABLES) {
    const row = await loose(db)
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

const BATCH = 100;

async function columnsByTable(db: Kysely<DB>): Promise<Map<string, Set<string>>> {
  const tables = await db.introspection.getTables();
  return new Map(tables.map((t) => [t.name, new Set(t.columns.map((c) => c.name))]));
}

function readHeader(text: string, migrations: string[]): void {
  let header: Partial<Header> | null = null;
  try {
    header = JSON.parse(text) as Partial<Header>;
  } catch {
    // reported below
  }
  if (header?.format !== FORMAT || header.version !== VERSION) {
    throw new TransferError(`This file is not an Agora export (format ${FORMAT} ${VERSION}).`);
  }
  const missing = (header.migrations ?? []).filter((m) => !migrations.includes(m));
  if (missing.length > 0) {
    throw new TransferError(
      `This export comes from a newer Agora (migrations ${missing.join(', ')}): update Agora first.`,
    );
  }
}

function readLine(text: string, n: number, columns: Map<string, Set<string>>): Line {
  const bad = (why: string) => new TransferError(`Line ${n} of the export ${why}.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw bad('is not JSON');
  }
  const line = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Partial<
    Record<keyof Line, unknown>
  >;
  const known = TABLES.find(([name]) => name === line.table);
  const row = line.row;
  if (!known || typeof row !== 'object' || row === null) throw bad('is not a record of a table');
  const has = columns.get(known[0]) ?? new Set();
  for (const [column, value] of Object.entries(row as Row)) {
    if (!has.has(column)) throw bad(`names a column ${known[0]}.${column} that does not exist`);
    if (value !== null && typeof value !== 'string' && typeof value !== 'number') {
      throw bad(`holds a value of ${known[0]}.${column} that is neither text, number nor null`);
    }
  }
  return { table: known[0], row: row as Row };
}

/**
 * Loads an export into an empty database in one transaction: a refused or broken
 * file leaves the database as it was. Generated keys are inserted as exported; on
 * PostgreSQL their sequences must then be moved past them.
 */
export async function importLines(db: Kysely<DB>, lines: AsyncIterable<string>): Promise<Counts> {
  const columns = await columnsByTable(db);
  const migrations = await appliedMigrations(db);
  return db.transaction().execute(async (tx) => {
    const before = await countRecords(tx);
    if (!isEmpty(before)) {
      throw new TransferError(
        `The database already holds records (${describeCounts(before)}): import only into an empty one.`,
      );
    }
    let batch: Line[] = [];
    const flush = async () => {
      const first = batch[0];
      if (!first) return;
      await loose(tx)
        .insertInto(first.table)
        .values(batch.map((l) => l.row))
        .execute();
      batch = [];
    };
    let n = 0;
    let headerRead = false;
    for await (const text of lines) {
      n++;
      if (text.trim() === '') continue;
      if (!headerRead) {
        readHeader(text, migrations);
        headerRead = true;
        continue;
      }
      const line = readLine(text, n, columns);
      if (batch.length >= BATCH || (batch[0] && batch[0].table !== line.table)) await flush();
      batch.push(line);
    }
    if (!headerRead) throw new TransferError('The export is empty.');
    await flush();
    return countRecords(tx);
  });
}
