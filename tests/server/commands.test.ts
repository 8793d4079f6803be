import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { backup } from '../../src/server/commands/backup';
import { createModerator } from '../../src/server/commands/create-moderator';
import { exportForum, importForum } from '../../src/server/commands/transfer';
import { openDatabase } from '../../src/server/node/database';
import { TABLES, countRecords, isEmpty } from '../../src/server/store/transfer';
import {
  MODERATOR,
  PARTICIPANT,
  SLUG,
  configFor,
  dumpFile,
  startOn,
  tempDir,
  visitor,
} from './harness';

const ANA = { email: 'ana@example.org', password: 'a long piped passphrase' };

function io(stdin: string[] = []) {
  const printed: string[] = [];
  const stream = Object.assign(Readable.from(stdin), { isTTY: false });
  return { printed, io: { stdin: stream, print: (line: string) => printed.push(line) } };
}

/** A record in every table, each made the way the app makes it: through the API. */
async function fillEveryTable(base: string) {
  const amina = visitor(base);
  await amina.signIn(PARTICIPANT);
  const comment = await amina.call(`/api/discussions/${SLUG}/comments`, {
    json: { body: 'Campaigns like #HeForShe travel further with partners.' },
    headers: { 'Idempotency-Key': 'k-1' },
  });
  expect(comment.status).toBe(201);
  const { id } = (await comment.json()) as { id: string };
  const edited = await amina.call(`/api/comments/${id}`, {
    method: 'PATCH',
    json: { body: 'Campaigns like #HeForShe travel further with local partners.' },
  });
  expect(edited.status).toBe(200);
  const resource = await amina.call(`/api/discussions/${SLUG}/resources`, {
    json: { url: 'https://example.org/toolkit', title: 'A toolkit', kind: 'tool' },
  });
  expect(resource.status).toBe(201);
  const flag = await amina.call('/api/comments/c-original-1/flags', { json: { reason: 'spam' } });
  expect(flag.status).toBe(201);
  const follow = await amina.call(`/api/discussions/${SLUG}/follow`, { method: 'PUT' });
  expect(follow.status).toBe(200);
  const settings = await amina.call('/api/notifications/settings', {
    method: 'PUT',
    json: { email: 'never' },
  });
  expect(settings.status).toBe(200);

  const moderator = visitor(base);
  await moderator.signIn(MODERATOR);
  const decision = await moderator.call('/api/moderation/decisions', {
    json: {
      kind: 'comment',
      id,
      action: 'edit-approve',
      body: 'Campaigns like #HeForShe travel further with local partners, as Amina says.',
      expectedStatus: 'pending',
    },
  });
  expect(decision.status).toBe(200);
  const people = (await (await moderator.call('/api/people')).json()) as {
    people: { id: string; displayName: string }[];
  };
  const aminaId = people.people.find((p) => p.displayName.startsWith('Amina'))?.id;
  const reset = await moderator.call(`/api/people/${aminaId}/reset-link`, { json: {} });
  expect(reset.status).toBe(201);
}

// A moderator's password is hashed at the server's cost (600,000 rounds) more than once here.
describe('create-moderator, backup, export and import', { timeout: 30_000 }, () => {
  it('carries every record of every table from one database to an empty one', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const source = tempDir();
    const files = tempDir();
    const { server, config } = await startOn(source);

    // While the server runs: a moderator from piped input, records, a backup, an export.
    const ana = io([`${ANA.password}\n`]);
    await createModerator(
      config,
      ['--email', ANA.email, '--name', 'Ana Pereira', '--organisation', 'Wikigender'],
      ana.io,
    );
    expect(ana.printed.join('\n')).not.toContain(ANA.password);
    await fillEveryTable(server.url);
    const copy = join(files, 'copy.sqlite');
    const exported = join(files, 'forum.jsonl.gz');
    await backup(config, [copy]);
    await exportForum(config, [exported]);
    await server.close();

    const original = await dumpFile(config.databaseFile);
    for (const [table] of TABLES) expect(original[table]?.length, table).toBeGreaterThan(0);
    expect(await dumpFile(copy)).toEqual(original);

    // Gzipped JSON lines: a header, then one record a line, parents before children.
    const lines = gunzipSync(readFileSync(exported)).toString('utf8').trimEnd().split('\n');
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ format: 'agora-forum', version: 1 });
    const order = lines
      .slice(1)
      .map((l) => TABLES.findIndex(([t]) => t === (JSON.parse(l) as { table: string }).table));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order).not.toContain(-1);

    const target = configFor(tempDir());
    await importForum(target, [exported]);
    expect(await dumpFile(target.databaseFile)).toEqual(original);

    // The imported forum serves, and the moderator signs in with the piped password.
    const imported = await startOn(target.dataDir, { demo: false });
    const signIn = await imported.visitor().call('/api/session', { json: ANA });
    expect(await signIn.json()).toMatchObject({
      user: { displayName: 'Ana Pereira', role: 'moderator' },
    });
  });

  it('refuses to import into a database that holds anything, and leaves it as it was', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const source = await startOn(tempDir());
    await source.server.close();
    const exported = join(tempDir(), 'forum.jsonl.gz');
    await exportForum(source.config, [exported]);

    const busy = await startOn(tempDir());
    await busy.server.close();
    const before = await dumpFile(busy.config.databaseFile);
    await expect(importForum(busy.config, [exported])).rejects.toThrow(
      /^The database already holds records \(users 2, sessions 0, discussions 1, comments 6,.*\): import only into an empty one\.$/,
    );
    expect(await dumpFile(busy.config.databaseFile)).toEqual(before);
  });

  it('imports all or nothing: a broken file leaves the database empty', async () => {
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
    const cases: [string, Buffer, RegExp][] = [
      [
        'bad-line',
        gzipSync(`${header}\n${user}\n{"table":"users"\n`),
        /^Line 3 of the export is not JSON\.$/,
      ],
      [
        'bad-column',
        gzipSync(`${header}\n${JSON.stringify({ table: 'users', row: { nope: 1 } })}\n`),
        /column users\.nope/,
      ],
      [
        'orphan',
        gzipSync(`${header}\n${user}\n${orphan}\n`),
        /^The import failed and changed nothing: FOREIGN KEY/,
      ],
      ['not-gzip', Buffer.from('hello'), /^The import failed and changed nothing/],
      ['not-export', gzipSync('{"hello":1}\n'), /^This file is not an Agora export/],
      [
        'newer',
        gzipSync(
          `${JSON.stringify({ format: 'agora-forum', version: 1, migrations: ['999-future'] })}\n`,
        ),
        /newer Agora \(migrations 999-future\)/,
      ],
    ];
    for (const [name, bytes, message] of cases) {
      const file = join(dir, `${name}.gz`);
      writeFileSync(file, bytes);
      const target = configFor(join(dir, `db-${name}`));
      await expect(importForum(target, [file]), name).rejects.toThrow(message);
      const engine = await openDatabase(target.databaseFile);
      expect(isEmpty(await countRecords(engine.db)), name).toBe(true);
      await engine.close();
    }
  });

  it('generates a password when none is piped, shows it once, and refuses an existing email', async () => {
    const { server, config } = await startOn(tempDir());
    const first = io();
    await createModerator(config, ['--email', 'Lea@Example.org', '--name', 'Léa Martin'], first.io);
    const shown = first.printed.find((l) => l.startsWith('Password'));
    const password = shown?.split(': ')[1] ?? '';
    expect(password).toMatch(/^[\w-]{24}$/);
    const signIn = await visitor(server.url).call('/api/session', {
      json: { email: 'lea@example.org', password },
    });
    expect(signIn.status).toBe(200);

    await expect(
      createModerator(config, ['--email', 'lea@example.org', '--name', 'Someone Else'], io().io),
    ).rejects.toThrow(
      'An account with the email lea@example.org already exists; create-moderator changes no existing account.',
    );
    await expect(
      createModerator(config, ['--email', 'new@example.org', '--name', 'N'], io().io),
    ).rejects.toThrow('--name: Enter a display name of at least 2 characters.');
    await expect(
      createModerator(config, ['--email', 'new@example.org', '--name', 'Noor'], io(['short\n']).io),
    ).rejects.toThrow(
      'The password from standard input: Choose a password of at least 8 characters.',
    );
  });
});
