/**
 * Idempotency keys are bound to their user, method, address and body: a retry
 * gets the first answer, another request with the same key a 422 that changes
 * nothing; answers are kept a day; session endpoints are never replayed.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { IDEMPOTENCY_MISMATCH, IDEMPOTENCY_MS } from '../../src/server/http/endpoint';
import { createMemoryBackend } from '../../src/server/memory';
import {
  ENGINES,
  MODERATOR,
  PARTICIPANT,
  SLUG,
  dumpDatabase,
  startOn as startOnFile,
  tempDir,
} from './harness';

const COMMENTS = `/api/discussions/${SLUG}/comments`;

describe.each(ENGINES)('idempotency keys on %s', { timeout: 60_000 }, (engine) => {
  const start = () => startOnFile(tempDir(), { engine });

  it('answers a retry with the first answer, and makes one comment', async () => {
    const { visitor } = await start();
    const v = visitor();
    await v.signIn(PARTICIPANT);
    const send = () =>
      v.call(COMMENTS, {
        json: { body: 'Sent twice over a poor network.' },
        headers: { 'Idempotency-Key': 'retry-1' },
      });
    const first = await send();
    const again = await send();
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    const made = (await first.json()) as { id: string };
    expect(await again.json()).toEqual(made);
    const mine = (await (await v.call(`${COMMENTS}?limit=100`)).json()) as {
      comments: { body: string }[];
    };
    expect(mine.comments.filter((c) => c.body === 'Sent twice over a poor network.')).toHaveLength(
      1,
    );
  });

  it('refuses the same key with another body or on another address with 422, and writes nothing', async () => {
    const { config, visitor } = await start();
    const v = visitor();
    await v.signIn(PARTICIPANT);
    const headers = { 'Idempotency-Key': 'used-once' };
    expect((await v.call(COMMENTS, { json: { body: 'The first request.' }, headers })).status).toBe(
      201,
    );
    const before = await dumpDatabase(config);
    const otherBody = await v.call(COMMENTS, { json: { body: 'Another request.' }, headers });
    const otherPath = await v.call(`/api/discussions/${SLUG}/resources`, {
      json: {
        title: 'A report',
        kind: 'report',
        url: 'https://example.org/report',
        description: 'A report on the subject.',
      },
      headers,
    });
    for (const response of [otherBody, otherPath]) {
      expect(response.status).toBe(422);
      expect(await response.json()).toEqual({
        error: { code: 'idempotency_mismatch', message: IDEMPOTENCY_MISMATCH },
      });
    }
    expect(await dumpDatabase(config)).toEqual(before);
    // Keys are each person's own: someone else's request with it runs.
    const moderator = visitor();
    await moderator.signIn(MODERATOR);
    const theirs = await moderator.call(COMMENTS, { json: { body: 'Another request.' }, headers });
    expect(theirs.status).toBe(201);
  });

  it('never replays a sign-out: the same key signs out again', async () => {
    const { visitor } = await start();
    const v = visitor();
    const headers = { 'Idempotency-Key': 'sign-out' };
    await v.signIn(PARTICIPANT);
    expect((await v.call('/api/session', { method: 'DELETE', headers })).status).toBe(204);
    await v.signIn(PARTICIPANT);
    const second = await v.call('/api/session', { method: 'DELETE', headers });
    expect(second.status).toBe(204);
    expect(second.headers.get('set-cookie')).toMatch(/Max-Age=0/i);
    expect(await (await v.call('/api/session')).json()).toEqual({ user: null });
  });
});

describe('idempotency keys over a day', () => {
  it('forgets an answer after a day: the same request runs again, and the old key is pruned', async () => {
    let now = Date.parse('2026-03-01T10:00:00Z');
    const memory = await createMemoryBackend({ clock: () => new Date(now) });
    const app = createApp(memory.backend);
    const send = (path: string, body: unknown, cookie = '', key = 'daily') =>
      app.request(`/api${path}`, {
        method: 'POST',
        headers: {
          Origin: 'http://localhost:3000',
          'Content-Type': 'application/json',
          'Idempotency-Key': key,
          ...(cookie ? { Cookie: cookie } : {}),
        },
        body: JSON.stringify(body),
      });
    const signedIn = await send('/session', PARTICIPANT);
    const cookie = signedIn.headers.get('set-cookie')?.split(';')[0] ?? '';
    const post = () => send(`/discussions/${SLUG}/comments`, { body: 'Once a day.' }, cookie);
    const first = (await (await post()).json()) as { id: string };
    now += IDEMPOTENCY_MS - 1000;
    expect(((await (await post()).json()) as { id: string }).id).toBe(first.id);
    now += 2000;
    const later = (await (await post()).json()) as { id: string };
    expect(later.id).not.toBe(first.id);
    const kept = await memory
      .engine()
      .db.selectFrom('idempotency')
      .select(['key', 'created_at'])
      .where('user_id', '=', 'u-amina')
      .execute();
    expect(kept).toEqual([{ key: 'daily', created_at: new Date(now).toISOString() }]);
  });

  it('forgets every key past its day at the next kept answer, whoever writes it', async () => {
    let now = Date.parse('2026-03-01T10:00:00Z');
    const memory = await createMemoryBackend({ clock: () => new Date(now) });
    const app = createApp(memory.backend);
    const send = (path: string, body: unknown, cookie = '', key?: string) =>
      app.request(`/api${path}`, {
        method: 'POST',
        headers: {
          Origin: 'http://localhost:3000',
          'Content-Type': 'application/json',
          ...(key ? { 'Idempotency-Key': key } : {}),
          ...(cookie ? { Cookie: cookie } : {}),
        },
        body: JSON.stringify(body),
      });
    const cookieOf = async (person: unknown) =>
      (await send('/session', person)).headers.get('set-cookie')?.split(';')[0] ?? '';
    const amina = await cookieOf(PARTICIPANT);
    const moderator = await cookieOf(MODERATOR);
    const comment = { body: 'Kept for a day.', parentId: null };
    expect((await send(`/discussions/${SLUG}/comments`, comment, amina, 'hers')).status).toBe(201);
    now += IDEMPOTENCY_MS + 1000;
    expect((await send(`/discussions/${SLUG}/comments`, comment, moderator, 'his')).status).toBe(
      201,
    );
    const kept = await memory.engine().db.selectFrom('idempotency').select('key').execute();
    expect(kept).toEqual([{ key: 'his' }]);
  });
});
