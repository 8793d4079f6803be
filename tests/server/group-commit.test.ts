import Database from 'libsql';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupCommit } from '../../src/server/engines/group-commit';
import type { Tx } from '../../src/server/rules/core';
import type { DB } from '../../src/server/store/schema';
import { tempDir } from './harness';

interface Notes {
  notes: { n: number };
}

function open(file: string) {
  const statements: string[] = [];
  const db = new Kysely<Notes>({
    dialect: new SqliteDialect({ database: new Database(file) }),
    log: (event) => {
      statements.push(event.query.sql.toLowerCase());
    },
  });
  return { db, commits: () => statements.filter((s) => s === 'commit').length };
}

const notes = (tx: Tx) => tx as unknown as Kysely<Notes>;
const write = (n: number) => async (tx: Tx) => {
  await notes(tx).insertInto('notes').values({ n }).execute();
  return n;
};

describe('group commit on the SQLite file', () => {
  it('commits the writes that wait together, and rolls back only the one refused', async () => {
    const file = join(tempDir(), 'group.sqlite');
    const { db, commits } = open(file);
    await sql`create table notes (n integer not null)`.execute(db);
    const transact = groupCommit(db as unknown as Kysely<DB>);

    const before = commits();
    // Four writes that come at once, as four requests do under load.
    const first = transact(write(1));
    const second = transact(write(2));
    const refused = transact(async (tx) => {
      await write(3)(tx);
      throw new Error('refused by its rule');
    });
    const fourth = transact(write(4));

    expect(await first).toBe(1);
    expect(await second).toBe(2);
    await expect(refused).rejects.toThrow('refused by its rule');
    expect(await fourth).toBe(4);
    expect(commits() - before).toBe(1);

    // What another connection reads from the file: every answered write, and not the refused one.
    const other = new Database(file);
    const rows = other.prepare('select n from notes order by n').all() as { n: number }[];
    other.close();
    expect(rows.map((r) => r.n)).toEqual([1, 2, 4]);
    await db.destroy();
  });

  it('answers every write of a batch whose commit fails with that failure, and keeps none', async () => {
    const file = join(tempDir(), 'failing.sqlite');
    const { db } = open(file);
    await sql`create table notes (n integer not null)`.execute(db);
    const transact = groupCommit(db as unknown as Kysely<DB>);
    // A deferred foreign key breaks only at commit: the whole batch must fail with it.
    await sql`pragma foreign_keys = on`.execute(db);
    await sql`create table parents (id integer primary key)`.execute(db);
    await sql`create table children (parent integer references parents(id) deferrable initially deferred)`.execute(
      db,
    );
    const earlier = await transact(write(1));
    // Both come at once and share a commit, which the second breaks.
    const good = transact(write(5));
    const breaking = transact(async (tx) => {
      await sql`insert into children (parent) values (42)`.execute(tx);
      return 'inserted';
    });
    expect(earlier).toBe(1);
    await expect(good).rejects.toThrow(/FOREIGN KEY/i);
    await expect(breaking).rejects.toThrow(/FOREIGN KEY/i);
    const other = new Database(file);
    const kept = other.prepare('select n from notes').all() as { n: number }[];
    expect(kept.map((r) => r.n)).toEqual([1]);
    expect((other.prepare('select count(*) as n from children').get() as { n: number }).n).toBe(0);
    other.close();
    await db.destroy();
  });
});
