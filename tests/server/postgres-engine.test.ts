/** The PostgreSQL engine on its own: what it normalises, serialises, retries and survives. */
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { type Engine, RETRIES, retryTransient } from '../../src/server/engines/engine';
import { openDatabase } from '../../src/server/node/database';
import { createPostgresDatabase } from './postgres';

const open: { engine: Engine; drop: () => Promise<void> }[] = [];
afterEach(async () => {
  for (const { engine, drop } of open.splice(0)) {
    await engine.close();
    await drop();
  }
});

async function fresh(): Promise<Engine> {
  const { url, drop } = await createPostgresDatabase();
  const engine = await openDatabase({ databaseFile: '', databaseUrl: url, poolSize: 3 });
  open.push({ engine, drop });
  return engine;
}

const serialisationFailure = () =>
  Object.assign(new Error('could not serialize'), { code: '40001' });

describe('the PostgreSQL engine', { timeout: 30_000 }, () => {
  it('answers counts and numerics as numbers, as SQLite does', async () => {
    const engine = await fresh();
    const row = await engine.db
      .selectFrom('discussions')
      .select((eb) => [eb.fn.countAll().as('n'), sql<number>`1.5::numeric`.as('x')])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ n: 0, x: 1.5 });
  });

  it('runs start-up work of two servers one after the other', async () => {
    const engine = await fresh();
    const exclusive = engine.exclusive;
    if (!exclusive) throw new Error('PostgreSQL has a start lock');
    const order: string[] = [];
    const work = (name: string) => async () => {
      order.push(`${name} in`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      order.push(`${name} out`);
    };
    await Promise.all([exclusive(work('a')), exclusive(work('b'))]);
    expect([
      ['a in', 'a out', 'b in', 'b out'],
      ['b in', 'b out', 'a in', 'a out'],
    ]).toContainEqual(order);
  });

  it('fails the request whose connection PostgreSQL ends, and goes on with a new one', async () => {
    const engine = await fresh();
    const killer = await fresh();
    const ended = engine.db.transaction().execute(async (tx) => {
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(tx);
      await sql`select pg_terminate_backend(${rows[0]?.pid})`.execute(killer.db);
      // The connection fails while the transaction holds it, between two queries.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await sql`select 1`.execute(tx);
    });
    await expect(ended).rejects.toThrow();
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(engine.db);
    expect(rows).toEqual([{ one: 1 }]);
  });

  it('moves the sequences past the keys an import wrote', async () => {
    const engine = await fresh();
    await engine.db
      .insertInto('moderation_log')
      .values({
        seq: 41,
        id: 'log-imported',
        at: '2026-01-01T00:00:00.000Z',
        moderator_id: 'u-m',
        moderator_name: 'M',
        action: 'approve',
        kind: 'comment',
        target_id: 'c-1',
        discussion_slug: 'd',
        reason: null,
      })
      .execute();
    await engine.afterImport?.();
    const next = await engine.db
      .insertInto('moderation_log')
      .values({
        id: 'log-new',
        at: '2026-01-02T00:00:00.000Z',
        moderator_id: 'u-m',
        moderator_name: 'M',
        action: 'approve',
        kind: 'comment',
        target_id: 'c-2',
        discussion_slug: 'd',
        reason: null,
      })
      .returning('seq')
      .executeTakeFirstOrThrow();
    expect(next.seq).toBe(42);
  });

  it('gives a connection string that names no database one line to fix', async () => {
    const { url, drop } = await createPostgresDatabase();
    await drop();
    await expect(
      openDatabase({ databaseFile: '', databaseUrl: url, database: 'the test database' }),
    ).rejects.toThrow(
      /^PostgreSQL at the test database cannot be used: database ".*" does not exist\.$/,
    );
  });
});

describe('a transaction that meets a serialisation failure or a deadlock', () => {
  it('runs again, at most three more times', async () => {
    let runs = 0;
    await expect(
      retryTransient(() => {
        runs++;
        if (runs < 3) throw serialisationFailure();
        return Promise.resolve('done');
      }),
    ).resolves.toBe('done');
    expect(runs).toBe(3);

    runs = 0;
    await expect(
      retryTransient(() => {
        runs++;
        throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
      }),
    ).rejects.toThrow('deadlock detected');
    expect(runs).toBe(RETRIES + 1);

    runs = 0;
    await expect(
      retryTransient(() => {
        runs++;
        throw new Error('a bug');
      }),
    ).rejects.toThrow('a bug');
    expect(runs).toBe(1);
  });
});
