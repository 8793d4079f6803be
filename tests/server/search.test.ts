/**
 * Over a socket, on SQLite and PostgreSQL: a discussion's search finds the
 * published comments that hold the words, and nothing a reader may not see; it
 * follows edits, hiding and deleted accounts; no query a person can type makes
 * it fail.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { exportForum, importForum } from '../../src/server/commands/transfer';
import type { ErrorBody, SearchResults } from '../../src/api/contract';
import {
  ENGINES,
  type EngineName,
  MODERATOR,
  PARTICIPANT,
  SLUG,
  configFor,
  onEngine,
  startOn,
  tempDir,
} from './harness';

type Visitor = ReturnType<Awaited<ReturnType<typeof startOn>>['visitor']>;

async function post(v: Visitor, body: string): Promise<string> {
  const answer = await v.call(`/api/discussions/${SLUG}/comments`, { json: { body } });
  expect(answer.status).toBe(201);
  return ((await answer.json()) as { id: string }).id;
}

async function decide(
  moderator: Visitor,
  id: string,
  action: 'approve' | 'edit-approve' | 'reject' | 'hide' | 'restore',
  extra: Record<string, string> = {},
) {
  const expectedStatus = { approve: 'pending', 'edit-approve': 'pending', reject: 'pending' }[
    action as string
  ];
  const answer = await moderator.call('/api/moderation/decisions', {
    json: {
      kind: 'comment',
      id,
      action,
      expectedStatus: expectedStatus ?? (action === 'hide' ? 'published' : 'hidden'),
      ...(action === 'reject' || action === 'hide' ? { reason: 'Off topic here.' } : {}),
      ...extra,
    },
  });
  expect(answer.status).toBe(200);
}

async function search(v: Visitor, q: string, cursor?: string) {
  const params = new URLSearchParams({ q, ...(cursor ? { cursor } : {}) });
  return v.call(`/api/discussions/${SLUG}/search?${params}`);
}

async function found(v: Visitor, q: string): Promise<SearchResults> {
  const answer = await search(v, q);
  expect(answer.status).toBe(200);
  return (await answer.json()) as SearchResults;
}

const ids = (results: SearchResults) => results.hits.map((h) => h.id);

/** The ids a search finds, once its count agrees with them. */
async function idsFound(v: Visitor, q: string): Promise<string[]> {
  const results = await found(v, q);
  expect(results.total, q).toBe(results.hits.length);
  return ids(results);
}

async function forum(engine: EngineName) {
  const { visitor } = await startOn(tempDir(), { engine, env: { AGORA_RATE_LIMITS: 'off' } });
  const amina = visitor();
  await amina.signIn(PARTICIPANT);
  const moderator = visitor();
  await moderator.signIn(MODERATOR);
  return { amina, moderator, reader: visitor() };
}

describe.each(ENGINES)('searching a discussion on %s', (engine) => {
  it('finds published comments by their words, and none waiting, rejected or hidden', async () => {
    const { amina, moderator, reader } = await forum(engine);
    const published = await post(amina, 'Radio **campaigns** reach villages the internet misses.');
    const pending = await post(amina, 'Radio campaigns waiting for a moderator.');
    const rejected = await post(amina, 'Radio campaigns rejected as spam.');
    const hidden = await post(amina, 'Radio campaigns hidden after publication.');
    await decide(moderator, published, 'approve');
    await decide(moderator, rejected, 'reject');
    await decide(moderator, hidden, 'approve');
    await decide(moderator, hidden, 'hide');

    for (const v of [reader, amina, moderator]) {
      const results = await found(v, 'radio CAMPAIGN');
      expect(ids(results)).toEqual([published]);
      expect(results.total).toBe(1);
      expect(results.nextCursor).toBeNull();
    }
    const [hit] = (await found(reader, 'campaign radio')).hits;
    expect(hit?.author.name).toBe('Amina Diallo');
    expect(hit?.excerpt).toEqual([
      { text: 'Radio', match: true },
      { text: ' ', match: false },
      { text: 'campaigns', match: true },
      { text: ' reach villages the internet misses.', match: false },
    ]);
    expect(await idsFound(reader, 'radio television')).toEqual([]);
    expect(await idsFound(moderator, 'waiting')).not.toContain(pending);
    expect(await idsFound(amina, 'rejected spam')).toEqual([]);
  });

  it('finds the seeded comments of 2015', async () => {
    const { reader } = await forum(engine);
    const results = await found(reader, 'Take Back the Tech');
    expect(results.total).toBeGreaterThan(0);
    expect(results.hits[0]?.excerpt.some((p) => p.match && /tech/i.test(p.text))).toBe(true);
  });

  it('follows a moderator’s edit, hiding and restoring, and a deleted account', async () => {
    const { amina, moderator, reader } = await forum(engine);
    const id = await post(amina, 'A zebra crossing for every school.');
    await decide(moderator, id, 'edit-approve', { body: 'A giraffe crossing for every school.' });
    expect(await idsFound(reader, 'zebra')).toEqual([]);
    expect(await idsFound(reader, 'giraffe')).toEqual([id]);

    await decide(moderator, id, 'hide');
    expect(await idsFound(reader, 'giraffe')).toEqual([]);
    await decide(moderator, id, 'restore');
    expect(await idsFound(reader, 'giraffe')).toEqual([id]);

    const gone = await amina.call('/api/account', {
      method: 'DELETE',
      json: { password: PARTICIPANT.password },
    });
    expect(gone.status).toBe(204);
    const [hit] = (await found(reader, 'giraffe')).hits;
    expect(hit?.id).toBe(id);
    expect(hit?.author.name).toBe('Former participant');
    expect(hit?.author.organisation).toBeNull();
  });

  it('pages newest first by cursor', async () => {
    const { amina, moderator, reader } = await forum(engine);
    const posted: string[] = [];
    for (let i = 0; i < 23; i++) posted.push(await post(amina, `Paging test number ${i}.`));
    for (const id of posted) await decide(moderator, id, 'approve');

    const first = await found(reader, 'paging test');
    expect(first.total).toBe(23);
    expect(first.hits).toHaveLength(20);
    expect(first.nextCursor).not.toBeNull();
    const second = (await (
      await search(reader, 'paging test', first.nextCursor ?? '')
    ).json()) as SearchResults;
    expect(second.hits).toHaveLength(3);
    expect(second.nextCursor).toBeNull();
    expect([...ids(first), ...ids(second)]).toEqual([...posted].reverse());
  });

  it('answers anything typed with 200 or a 400 that says why, never a failure', async () => {
    const { reader } = await forum(engine);
    const hostile = [
      '"',
      '"unbalanced',
      '(((',
      ')',
      ')))(',
      'AND',
      'social AND',
      'OR',
      'NOT media',
      'NEAR',
      'social NEAR/3 media',
      '*',
      'soc*',
      '-social',
      'body:social',
      'discussion:x',
      '^social',
      "women's rights",
      "'; drop table comments; --",
      '\\',
      '%_',
      '#HeForShe',
      '& | ! <-> :*',
      'social'.repeat(33),
      'ÉLAN équité 社会 ميديا',
      '\u0000',
      '🙂',
      'a b c d e f g h i j k l m n o p',
    ];
    for (const q of hostile) {
      const answer = await search(reader, q);
      expect([200, 400], `${q} answered ${answer.status}`).toContain(answer.status);
    }
    for (const q of ['', '   ', 'x'.repeat(201)]) {
      const answer = await search(reader, q);
      expect(answer.status).toBe(400);
      const { error } = (await answer.json()) as ErrorBody;
      expect(error.message).toMatch(
        /^(Type the words to search for|Search for 200 characters at most)\.$/,
      );
    }
    expect((await reader.call(`/api/discussions/${SLUG}/search`)).status).toBe(400);
    expect((await search(reader, 'social', 'not-a-cursor')).status).toBe(400);
    expect((await reader.call('/api/discussions/no-such-discussion/search?q=social')).status).toBe(
      404,
    );
  });
});

describe('a forum moved by export and import', { timeout: 60_000 }, () => {
  it('carries no search index in the file, and the imported forum finds its comments', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const from = await startOn(tempDir());
    const amina = from.visitor();
    await amina.signIn(PARTICIPANT);
    const moderator = from.visitor();
    await moderator.signIn(MODERATOR);
    const id = await post(amina, 'Community radio in the Sahel reaches women offline.');
    await decide(moderator, id, 'approve');
    await from.server.close();
    const file = join(tempDir(), 'forum.jsonl.gz');
    await exportForum(from.config, [file]);
    const tables = gunzipSync(readFileSync(file))
      .toString('utf8')
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { table: string }).table);
    expect(tables).toContain('comments');
    expect(tables.filter((t) => t.includes('search'))).toEqual([]);

    for (const engine of ENGINES) {
      const dir = tempDir();
      await onEngine(dir, engine);
      await importForum(configFor(dir), [file]);
      const moved = await startOn(dir, { engine, demo: false });
      const results = await found(moved.visitor(), 'sahel radio');
      expect(ids(results), engine).toEqual([id]);
      expect((await found(moved.visitor(), 'Take Back the Tech')).total, engine).toBeGreaterThan(0);
    }
  });
});
