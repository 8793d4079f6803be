/**
 * `npm run export` and `npm run import` move a forum between SQLite and
 * PostgreSQL, both ways: the same records, the same export file, and a moved
 * forum that goes on generating keys after the ones it brought.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { exportForum, importForum } from '../../src/server/commands/transfer';
import { openDatabase } from '../../src/server/node/database';
import { countRecords, isEmpty } from '../../src/server/store/transfer';
import {
  MODERATOR,
  PARTICIPANT,
  SLUG,
  configFor,
  dumpDatabase,
  dumpFile,
  onEngine,
  startOn,
  tempDir,
  visitor,
} from './harness';

const lines = (file: string) => gunzipSync(readFileSync(file)).toString('utf8').split('\n');

/** Records made through the API: a comment edited and decided, a resource, a flag, a session. */
async function fill(base: string): Promise<void> {
  const amina = visitor(base);
  await amina.signIn(PARTICIPANT);
  const posted = await amina.call(`/api/discussions/${SLUG}/comments`, {
    json: { body: 'Campaigns like #HeForShe travel further with partners.' },
    headers: { 'Idempotency-Key': 'k-1' },
  });
  expect(posted.status).toBe(201);
  const { id } = (await posted.json()) as { id: string };
  const resource = await amina.call(`/api/discussions/${SLUG}/resources`, {
    json: { url: 'https://example.org/toolkit', title: 'A toolkit', kind: 'tool' },
  });
  expect(resource.status).toBe(201);
  expect(
    (await amina.call('/api/comments/c-original-1/flags', { json: { reason: 'spam' } })).status,
  ).toBe(201);
  const moderator = visitor(base);
  await moderator.signIn(MODERATOR);
  const decided = await moderator.call('/api/moderation/decisions', {
    json: {
      kind: 'comment',
      id,
      action: 'edit-approve',
      body: 'Campaigns like #HeForShe travel further with local partners.',
      expectedStatus: 'pending',
    },
  });
  expect(decided.status).toBe(200);
}

describe('export and import between SQLite and PostgreSQL', { timeout: 60_000 }, () => {
  it('moves a forum from SQLite to PostgreSQL and back, record for record', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const files = tempDir();
    const sqlite = await startOn(tempDir());
    await fill(sqlite.server.url);
    await sqlite.server.close();
    const original = await dumpFile(sqlite.config.databaseFile);
    const fromSqlite = join(files, 'from-sqlite.jsonl.gz');
    await exportForum(sqlite.config, [fromSqlite]);

    const onPostgres = tempDir();
    await onEngine(onPostgres, 'postgres');
    const postgres = configFor(onPostgres);
    await importForum(postgres, [fromSqlite]);
    expect(await dumpDatabase(postgres)).toEqual(original);

    // PostgreSQL's export is SQLite's, line for line: the engines answer alike.
    const fromPostgres = join(files, 'from-postgres.jsonl.gz');
    await exportForum(postgres, [fromPostgres]);
    expect(lines(fromPostgres)).toEqual(lines(fromSqlite));

    const back = configFor(tempDir());
    await importForum(back, [fromPostgres]);
    expect(await dumpFile(back.databaseFile)).toEqual(original);
  });

  it('serves the moved forum on PostgreSQL, its generated keys going on after the imported ones', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const sqlite = await startOn(tempDir());
    await fill(sqlite.server.url);
    await sqlite.server.close();
    const exported = join(tempDir(), 'forum.jsonl.gz');
    await exportForum(sqlite.config, [exported]);

    const onPostgres = tempDir();
    await onEngine(onPostgres, 'postgres');
    await importForum(configFor(onPostgres), [exported]);
    const moved = await startOn(onPostgres, { engine: 'postgres', demo: false });
    const amina = moved.visitor();
    await amina.signIn(PARTICIPANT);
    const moderator = moved.visitor();
    await moderator.signIn(MODERATOR);
    // A moderator's edit writes a revision, and every decision a log line: both numbered by the database.
    for (const n of [1, 2]) {
      const posted = await amina.call(`/api/discussions/${SLUG}/comments`, {
        json: { body: `Written after the move, number ${n}.` },
      });
      expect(posted.status).toBe(201);
      const { id } = (await posted.json()) as { id: string };
      const decided = await moderator.call('/api/moderation/decisions', {
        json: {
          kind: 'comment',
          id,
          action: 'edit-approve',
          body: `Written after the move, number ${n}, edited.`,
          expectedStatus: 'pending',
        },
      });
      expect(decided.status).toBe(200);
    }
    const log = (await (await moderator.call('/api/moderation/log')).json()) as {
      entries: unknown[];
    };
    expect(log.entries).toHaveLength(3);
  });

  it('imports into PostgreSQL all or nothing, and only into an empty database', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const dir = tempDir();
    const header = JSON.stringify({ format: 'agora-forum', version: 1, migrations: [] });
    const user = JSON.stringify({
      table: 'users',
      row: {
        id: 'u-1',
        email: 'x@example.org',
        password_hash: 'h',
        display_name: 'X',
        organisation: null,
        role: 'participant',
        created_at: '2026-01-01T00:00:00.000Z',
      },
    });
    const orphan = JSON.stringify({
      table: 'sessions',
      row: { token_hash: 't', user_id: 'u-nobody', created_at: '2026-01-01T00:00:00.000Z' },
    });
    const file = join(dir, 'orphan.jsonl.gz');
    writeFileSync(file, gzipSync(`${header}\n${user}\n${orphan}\n`));
    const target = tempDir();
    await onEngine(target, 'postgres');
    await expect(importForum(configFor(target), [file])).rejects.toThrow(
      /^The import failed and changed nothing: insert or update on table "sessions" violates foreign key constraint/,
    );
    const engine = await openDatabase(configFor(target));
    expect(isEmpty(await countRecords(engine.db))).toBe(true);
    await engine.close();

    const busy = tempDir();
    const served = await startOn(busy, { engine: 'postgres' });
    await served.server.close();
    const before = await dumpDatabase(served.config);
    const exported = join(dir, 'forum.jsonl.gz');
    await exportForum(served.config, [exported]);
    await expect(importForum(served.config, [exported])).rejects.toThrow(
      /^The database already holds records \(users 2, sessions 0, discussions 1, comments 6,.*\): import only into an empty one\.$/,
    );
    expect(await dumpDatabase(served.config)).toEqual(before);
  });
});
