/**
 * Accounts and sessions on the server: the most common passwords are refused,
 * every sign-in starts a new session and ends the one the browser had, sessions
 * end when idle and at their absolute lifetime.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/api/contract';
import { createApp } from '../../src/server/app';
import { type MemoryBackend, createMemoryBackend } from '../../src/server/memory';
import { SESSION_IDLE_MS, SESSION_LIFETIME_MS } from '../../src/server/rules/session';

const ORIGIN = 'http://localhost:3000';
const AMINA = { email: 'amina@example.org', password: 'demo-participant' };
let now = Date.parse('2026-03-01T10:00:00Z');
let memory: MemoryBackend | undefined;
let app: ReturnType<typeof createApp>;

beforeEach(async () => {
  now = Date.parse('2026-03-01T10:00:00Z');
  memory ??= await createMemoryBackend({ clock: () => new Date(now) });
  await memory.reset();
  app = createApp(memory.backend);
});

const db = () => {
  if (!memory) throw new Error('no backend');
  return memory.engine().db;
};

function send(path: string, method: string, body?: unknown, cookie = '') {
  return app.request(`/api${path}`, {
    method,
    headers: {
      Origin: ORIGIN,
      'Content-Type': 'application/json',
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function signIn(cookie = ''): Promise<string> {
  const response = await send('/session', 'POST', AMINA, cookie);
  expect(response.status).toBe(200);
  return response.headers.get('set-cookie')?.split(';')[0] ?? '';
}

async function viewer(cookie: string): Promise<unknown> {
  const response = await send('/session', 'GET', undefined, cookie);
  return ((await response.json()) as { user: unknown }).user;
}

describe('passwords', () => {
  it('refuses one of the most common passwords when joining, with a message, and creates nothing', async () => {
    const response = await send('/accounts', 'POST', {
      displayName: 'Guesser',
      email: 'guess@example.org',
      password: 'Password1',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { fields: Record<string, string> } };
    expect(body.error.fields.password).toMatch(/most common/);
    const rows = await db()
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'guess@example.org')
      .execute();
    expect(rows).toEqual([]);
  });

  it('accepts a long, uncommon password of any characters', async () => {
    const response = await send('/accounts', 'POST', {
      displayName: 'Long',
      email: 'long@example.org',
      password: 'correct horse battery staple — 🐴 '.repeat(4),
    });
    expect(response.status).toBe(201);
  });
});

describe('sessions', () => {
  it('a sign-in sets a new 256-bit token and ends the session the browser had', async () => {
    const first = await signIn();
    expect(first.startsWith(`${SESSION_COOKIE}=`)).toBe(true);
    expect(first.split('=')[1]).toMatch(/^[0-9a-f]{64}$/);
    const second = await signIn(first);
    expect(second).not.toBe(first);
    expect(await viewer(first)).toBeNull();
    expect(await viewer(second)).toMatchObject({ displayName: expect.any(String) as string });
  });

  it('ends a session unused for longer than the idle expiry', async () => {
    const cookie = await signIn();
    now += SESSION_IDLE_MS - 60_000;
    expect(await viewer(cookie)).not.toBeNull();
    now += SESSION_IDLE_MS - 60_000;
    expect(await viewer(cookie)).not.toBeNull();
    now += SESSION_IDLE_MS + 60_000;
    expect(await viewer(cookie)).toBeNull();
    const rows = await db().selectFrom('sessions').select('token_hash').execute();
    expect(rows).toEqual([]);
  });

  it('ends a session at its absolute lifetime however often it is used', async () => {
    const cookie = await signIn();
    const start = now;
    while (now - start < SESSION_LIFETIME_MS - SESSION_IDLE_MS) {
      now += SESSION_IDLE_MS / 2;
      expect(await viewer(cookie)).not.toBeNull();
    }
    now = start + SESSION_LIFETIME_MS + 60_000;
    expect(await viewer(cookie)).toBeNull();
  });

  it('signing out ends the session on the server', async () => {
    const cookie = await signIn();
    expect((await send('/session', 'DELETE', undefined, cookie)).status).toBe(204);
    expect(await viewer(cookie)).toBeNull();
  });
});
