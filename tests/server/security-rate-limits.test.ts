/**
 * Rate limits on the real server, on both engines: sign-in per account and per
 * address, joining with a registered email, posting; each refusal is a 429 with
 * Retry-After that says when to try again and writes nothing. And the in-page
 * backend counts before it hashes any password.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { startServer } from '../../src/server/main';
import { createMemoryBackend } from '../../src/server/memory';
import type { PasswordHasher } from '../../src/server/rules/core';
import { DEFAULT_LIMITS } from '../../src/server/rules/rate-limits';
import { exportLines } from '../../src/server/store/transfer';
import { windowStartClock } from '../clock';
import {
  ENGINES,
  type EngineName,
  PARTICIPANT,
  SLUG,
  configFor,
  dumpDatabase,
  fakeClient,
  memoryLog,
  onEngine,
  tempDir,
  visitor,
  TEST_PASSWORDS,
} from './harness';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

async function serve(engine: EngineName, env: Record<string, string> = {}) {
  const dir = tempDir();
  await onEngine(dir, engine);
  const config = configFor(dir, { AGORA_DEMO: '1', ...env });
  const server = await startServer({
    config,
    clientDir: fakeClient(),
    log: memoryLog().log,
    passwords: TEST_PASSWORDS,
    clock: windowStartClock(),
  });
  stops.push(() => server.close());
  return { config, visitor: () => visitor(server.url) };
}

type Visitor = ReturnType<typeof visitor>;

const signIn = (v: Visitor, email: string, password: string, headers: HeadersInit = {}) =>
  v.call('/api/session', { json: { email, password }, headers });

async function refusal(response: Response) {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get('Retry-After'));
  const body = (await response.json()) as {
    error: { code: string; message: string; details: { retryAfterSeconds: number } };
  };
  expect(body.error.code).toBe('rate_limited');
  expect(body.error.details.retryAfterSeconds).toBe(retryAfter);
  expect(retryAfter).toBeGreaterThan(0);
  return { message: body.error.message, retryAfter };
}

describe.each(ENGINES)('rate limits on %s', { timeout: 60_000 }, (engine) => {
  it('refuses the sign-in of an account after its failed attempts, even with the right password, and changes nothing', async () => {
    const { config, visitor } = await serve(engine, { AGORA_RATE_LIMIT_SIGN_IN: '3/900' });
    const v = visitor();
    for (let i = 0; i < 3; i++) {
      expect((await signIn(v, PARTICIPANT.email, 'wrong password')).status).toBe(401);
    }
    const before = await dumpDatabase(config);
    const refused = await refusal(await signIn(v, PARTICIPANT.email, PARTICIPANT.password));
    expect(refused.message).toMatch(
      /^Too many attempts\. Try again in (\d+ minutes?|\d+ seconds?)\.$/,
    );
    expect(refused.retryAfter).toBeLessThanOrEqual(900);
    expect(v.cookie()).toBe('');
    expect(await dumpDatabase(config)).toEqual(before);
    // Other accounts are not held back by someone guessing this one's password.
    expect((await signIn(visitor(), 'moderator@example.org', 'demo-moderator')).status).toBe(200);
  });

  it('lets right sign-ins give their attempt back, so only the failed ones count', async () => {
    const { visitor } = await serve(engine, { AGORA_RATE_LIMIT_SIGN_IN: '2/900' });
    for (let i = 0; i < 4; i++) {
      expect((await signIn(visitor(), PARTICIPANT.email, PARTICIPANT.password)).status).toBe(200);
    }
  });

  it('refuses sign-ins from one address past its limit, whatever X-Forwarded-For claims without TRUST_PROXY', async () => {
    const { visitor } = await serve(engine, { AGORA_RATE_LIMIT_SIGN_IN_ADDRESS: '2/900' });
    const v = visitor();
    expect((await signIn(v, 'one@example.org', 'a password')).status).toBe(401);
    expect((await signIn(v, 'two@example.org', 'a password')).status).toBe(401);
    await refusal(
      await signIn(v, PARTICIPANT.email, PARTICIPANT.password, {
        'X-Forwarded-For': '203.0.113.9',
      }),
    );
  });

  it('counts behind a proxy (TRUST_PROXY=1) by the address the proxy added last', async () => {
    const { visitor } = await serve(engine, {
      AGORA_RATE_LIMIT_SIGN_IN_ADDRESS: '1/900',
      TRUST_PROXY: '1',
    });
    const from = (chain: string) =>
      signIn(visitor(), PARTICIPANT.email, PARTICIPANT.password, { 'X-Forwarded-For': chain });
    expect((await from('203.0.113.9')).status).toBe(200);
    expect((await from('198.51.100.4')).status).toBe(200);
    // A first hop the client wrote itself changes nothing: the proxy's own is the last.
    await refusal(await from('192.0.2.1, 203.0.113.9'));
  });

  it('counts joining with a registered email as a failed sign-in for it, before saying it is taken', async () => {
    const { config, visitor } = await serve(engine, { AGORA_RATE_LIMIT_SIGN_IN: '2/900' });
    const join = (email: string) =>
      visitor().call('/api/accounts', {
        json: { displayName: 'Prober', email, password: 'a long unusual passphrase' },
      });
    expect((await join(PARTICIPANT.email)).status).toBe(409);
    expect((await join(PARTICIPANT.email)).status).toBe(409);
    const before = await dumpDatabase(config);
    await refusal(await join(PARTICIPANT.email));
    await refusal(await signIn(visitor(), PARTICIPANT.email, PARTICIPANT.password));
    expect(await dumpDatabase(config)).toEqual(before);
    expect((await join('new.person@example.org')).status).toBe(201);
  });

  it('refuses joining from one address past its limit', async () => {
    const { visitor } = await serve(engine, { AGORA_RATE_LIMIT_JOIN: '1/3600' });
    const join = (email: string) =>
      visitor().call('/api/accounts', {
        json: { displayName: 'Newcomer', email, password: 'a long unusual passphrase' },
      });
    expect((await join('first@example.org')).status).toBe(201);
    const { message } = await refusal(await join('second@example.org'));
    expect(message).toMatch(/^Too many attempts\. Try again in \d+ minutes?\.$/);
  });

  it('refuses a comment past the posting limit, says when to try again, and writes nothing', async () => {
    const { config, visitor } = await serve(engine, { AGORA_RATE_LIMIT_COMMENT: '2/600' });
    const v = visitor();
    await v.signIn(PARTICIPANT);
    const post = (body: string) => v.call(`/api/discussions/${SLUG}/comments`, { json: { body } });
    expect((await post('The first of three quick comments.')).status).toBe(201);
    expect((await post('The second of three quick comments.')).status).toBe(201);
    const before = await dumpDatabase(config);
    const { message, retryAfter } = await refusal(await post('The third of three quick comments.'));
    expect(message).toMatch(/^Too many comments in a short time\. Try again in \d+ minutes?\.$/);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(await dumpDatabase(config)).toEqual(before);
  });

  it('lifts every limit with AGORA_RATE_LIMITS=off', async () => {
    const { visitor } = await serve(engine, {
      AGORA_RATE_LIMITS: 'off',
      AGORA_RATE_LIMIT_SIGN_IN: '1/900',
      AGORA_RATE_LIMIT_COMMENT: '1/600',
    });
    const v = visitor();
    for (let i = 0; i < 3; i++) {
      expect((await signIn(v, PARTICIPANT.email, 'wrong password')).status).toBe(401);
    }
    await v.signIn(PARTICIPANT);
    for (let i = 0; i < 3; i++) {
      const response = await v.call(`/api/discussions/${SLUG}/comments`, {
        json: { body: `Comment number ${i} with no limit.` },
      });
      expect(response.status).toBe(201);
    }
  });
});

describe('the limit comes before the slow hash', () => {
  it('answers a sign-in past the limit without checking any password', async () => {
    let verified = 0;
    const digest = async (password: string) =>
      Array.from(
        new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(password))),
        (b) => b.toString(16).padStart(2, '0'),
      ).join('');
    const passwords: PasswordHasher = {
      hash: digest,
      verify: async (stored, password) => {
        verified++;
        return stored === (await digest(password));
      },
    };
    const memory = await createMemoryBackend({
      passwords,
      rateLimits: { ...DEFAULT_LIMITS, 'sign-in': { max: 2, windowSeconds: 900 } },
    });
    const app = createApp(memory.backend);
    const attempt = () =>
      app.request('/api/session', {
        method: 'POST',
        headers: { Origin: 'http://localhost:3000', 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: PARTICIPANT.email, password: 'wrong password' }),
      });
    expect((await attempt()).status).toBe(401);
    expect((await attempt()).status).toBe(401);
    const checked = verified;
    expect(checked).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < 5; i++) expect((await attempt()).status).toBe(429);
    expect(verified).toBe(checked);
  });
});

describe('the counters and a move to another database', () => {
  it('leaves them out of an export, which still carries the accounts', async () => {
    const memory = await createMemoryBackend();
    await memory.reset();
    const response = await createApp(memory.backend).request('/api/session', {
      method: 'POST',
      headers: { Origin: 'http://localhost:3000', 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: PARTICIPANT.email, password: 'wrong password' }),
    });
    expect(response.status).toBe(401);
    const db = memory.engine().db;
    expect(await db.selectFrom('rate_limits').select('bucket').execute()).not.toEqual([]);
    const tables = new Set<string>();
    for await (const line of exportLines(db)) {
      const { table } = JSON.parse(line) as { table?: string };
      if (table) tables.add(table);
    }
    expect(tables.has('users')).toBe(true);
    expect(tables.has('rate_limits')).toBe(false);
  });
});
