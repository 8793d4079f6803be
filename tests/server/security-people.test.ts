/**
 * People and accounts over HTTP: moderators' people endpoints refuse everyone
 * else, suspension refuses writes and ends sessions, reset links work once and
 * for an hour, email goes through a local SMTP server, and a deleted account's
 * entries stay under "Former participant".
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { smtpMailer } from '../../src/server/mail';
import { type MemoryBackend, createMemoryBackend } from '../../src/server/memory';
import { localMailbox } from './mailbox';

const SLUG = 'advancing-womens-rights-through-social-media';
const AMINA = { email: 'amina@example.org', password: 'demo-participant' };
const MODERATOR = { email: 'moderator@example.org', password: 'demo-moderator' };

interface Answer {
  error: { code: string; message: string };
  user: { role: string; displayName: string } | null;
  [key: string]: unknown;
}

let memory: MemoryBackend;
let app: ReturnType<typeof createApp>;
let now = new Date('2026-03-01T10:00:00Z');

beforeEach(async () => {
  now = new Date('2026-03-01T10:00:00Z');
  memory = await createMemoryBackend({ clock: () => now });
  await memory.reset();
  delete memory.backend.mail;
  app = createApp(memory.backend);
});

async function call(
  method: string,
  path: string,
  { cookie, body }: { cookie?: string; body?: unknown } = {},
) {
  const headers: Record<string, string> = { Origin: 'http://localhost' };
  if (cookie) headers.Cookie = cookie;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await app.request(`/api${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Answer) : null, res };
}

async function signIn(account: { email: string; password: string }): Promise<string> {
  const { res, status } = await call('POST', '/session', { body: account });
  expect(status).toBe(200);
  return res.headers.get('set-cookie')?.split(';')[0] ?? '';
}

const comment = (cookie: string, body = 'A thought worth sharing.') =>
  call('POST', `/discussions/${SLUG}/comments`, { cookie, body: { body } });

/** A comment of Amina's, published by a moderator if the discussion asks for approval. */
async function publishedComment(body: string): Promise<string> {
  const posted = await comment(await signIn(AMINA), body);
  expect(posted.status).toBe(201);
  const id = String(posted.body?.id);
  if (posted.body?.status === 'pending') {
    const approved = await call('POST', '/moderation/decisions', {
      cookie: await signIn(MODERATOR),
      body: { kind: 'comment', id, action: 'approve', expectedStatus: 'pending' },
    });
    expect(approved.status).toBe(200);
  }
  return id;
}

describe('the people endpoints', () => {
  const endpoints: [string, string, unknown?][] = [
    ['GET', '/people'],
    ['PUT', '/people/u-amina/role', { role: 'moderator' }],
    ['PUT', '/people/u-amina/suspension'],
    ['DELETE', '/people/u-amina/suspension'],
    ['POST', '/people/u-amina/reset-link'],
  ];

  it('answer 401 without a session and 403 to a participant, and change nothing', async () => {
    const amina = await signIn(AMINA);
    for (const [method, path, body] of endpoints) {
      expect((await call(method, path, { body })).status, `${method} ${path}`).toBe(401);
      const refused = await call(method, path, { cookie: amina, body });
      expect(refused.status, `${method} ${path}`).toBe(403);
      expect(refused.body?.error.code).toBe('forbidden');
    }
    const me = await call('GET', '/session', { cookie: amina });
    expect(me.body?.user?.role).toBe('participant');
    expect((await comment(amina)).status).toBe(201);
  });

  it('list accounts with their entries by outcome, and log each change', async () => {
    await publishedComment('Published for the count.');
    const mod = await signIn(MODERATOR);
    const list = await call('GET', '/people', { cookie: mod });
    expect(list.status).toBe(200);
    const amina = (list.body?.people as { id: string; entries: Record<string, number> }[]).find(
      (p) => p.id === 'u-amina',
    );
    expect(amina).toMatchObject({ displayName: 'Amina Diallo', role: 'participant' });
    expect(amina?.entries.published).toBeGreaterThan(0);

    const granted = await call('PUT', '/people/u-amina/role', {
      cookie: mod,
      body: { role: 'moderator' },
    });
    expect(granted.body?.role).toBe('moderator');
    await call('PUT', '/people/u-amina/role', { cookie: mod, body: { role: 'participant' } });
    await call('PUT', '/people/u-amina/suspension', { cookie: mod });
    await call('DELETE', '/people/u-amina/suspension', { cookie: mod });
    const log = await call('GET', '/moderation/log', { cookie: mod });
    const actions = (log.body?.entries as { action: string; kind: string; targetId: string }[])
      .filter((e) => e.kind === 'account')
      .map((e) => `${e.action} ${e.targetId}`);
    expect(actions).toEqual([
      'restore-account u-amina',
      'suspend u-amina',
      'withdraw-moderator u-amina',
      'grant-moderator u-amina',
    ]);
  });
});

describe('suspension', () => {
  it('ends the sessions, and refuses the writes of a later sign-in with a clear message', async () => {
    const amina = await signIn(AMINA);
    const mod = await signIn(MODERATOR);
    const suspended = await call('PUT', '/people/u-amina/suspension', { cookie: mod });
    expect(suspended.body?.suspendedAt).toBe(now.toISOString());
    expect((await call('GET', '/session', { cookie: amina })).body).toEqual({ user: null });

    const again = await signIn(AMINA);
    const refused = await comment(again);
    expect(refused.status).toBe(403);
    expect(refused.body?.error).toMatchObject({ code: 'suspended' });
    expect(refused.body?.error.message).toMatch(/^This account is suspended\. /);
    expect((await call('DELETE', '/session', { cookie: again })).status).toBe(204);

    await call('DELETE', '/people/u-amina/suspension', { cookie: mod });
    expect((await comment(await signIn(AMINA))).status).toBe(201);
  });
});

describe('a reset link', () => {
  async function issue(): Promise<string> {
    const mod = await signIn(MODERATOR);
    const link = await call('POST', '/people/u-amina/reset-link', { cookie: mod });
    expect(link.status).toBe(201);
    return String(link.body?.path).replace('/reset-password/', '');
  }

  it('sets a new password once, and ends the sessions', async () => {
    const old = await signIn(AMINA);
    const token = await issue();
    expect((await call('GET', `/password-resets/${token}`)).status).toBe(200);
    const set = await call('POST', `/password-resets/${token}`, {
      body: { password: 'a new long password' },
    });
    expect(set.status).toBe(204);
    expect((await call('GET', '/session', { cookie: old })).body).toEqual({ user: null });
    await signIn({ email: AMINA.email, password: 'a new long password' });

    const twice = await call('POST', `/password-resets/${token}`, {
      body: { password: 'another long password' },
    });
    expect(twice.status).toBe(404);
    expect(twice.body?.error.message).toMatch(/expired or has already been used/);
  });

  it('expires after an hour', async () => {
    const token = await issue();
    now = new Date(now.getTime() + 60 * 60 * 1000 + 1);
    expect((await call('GET', `/password-resets/${token}`)).status).toBe(404);
    const late = await call('POST', `/password-resets/${token}`, {
      body: { password: 'a new long password' },
    });
    expect(late.status).toBe(404);
    expect((await call('POST', '/session', { body: AMINA })).status).toBe(200);
  });
});

describe('a forgotten password with email', () => {
  const { mails: messages, smtpUrl } = localMailbox();

  beforeEach(() => {
    memory.backend.mail = smtpMailer({
      smtpUrl: smtpUrl(),
      from: 'Agora <agora@example.org>',
      origin: 'https://agora.example.org',
    });
  });

  it('emails a link that sets a new password; an unknown email gets the same answer and no mail', async () => {
    expect((await call('GET', '/password-resets')).body).toEqual({ email: true });
    const unknown = await call('POST', '/password-resets', {
      body: { email: 'nobody@example.org' },
    });
    const known = await call('POST', '/password-resets', { body: { email: AMINA.email } });
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(known.body).toEqual(unknown.body);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.to).toBe(AMINA.email);
    const text = (messages[0]?.text ?? '').replace(/=\r?\n/g, '');
    const token = /https:\/\/agora\.example\.org\/reset-password\/([0-9a-f]{64})/.exec(text)?.[1];
    expect(token).toBeDefined();
    const set = await call('POST', `/password-resets/${token}`, {
      body: { password: 'a new long password' },
    });
    expect(set.status).toBe(204);
    await signIn({ email: AMINA.email, password: 'a new long password' });
  });
});

describe('without email', () => {
  it('says so, and sends nothing', async () => {
    expect((await call('GET', '/password-resets')).body).toEqual({ email: false });
    const asked = await call('POST', '/password-resets', { body: { email: AMINA.email } });
    expect(asked.body).toEqual({ email: false });
  });
});

describe('one’s own account', () => {
  it('changes name and password; other sessions end, this one stays', async () => {
    const here = await signIn(AMINA);
    const elsewhere = await signIn(AMINA);
    const renamed = await call('PATCH', '/account', {
      cookie: here,
      body: { displayName: 'Amina D.', organisation: 'Women Online' },
    });
    expect(renamed.body?.user).toMatchObject({
      displayName: 'Amina D.',
      organisation: 'Women Online',
    });
    const wrong = await call('PUT', '/account/password', {
      cookie: here,
      body: { currentPassword: 'not it', newPassword: 'a new long password' },
    });
    expect(wrong.status).toBe(403);
    const changed = await call('PUT', '/account/password', {
      cookie: here,
      body: { currentPassword: AMINA.password, newPassword: 'a new long password' },
    });
    expect(changed.status).toBe(204);
    expect((await call('GET', '/session', { cookie: here })).body?.user?.displayName).toBe(
      'Amina D.',
    );
    expect((await call('GET', '/session', { cookie: elsewhere })).body).toEqual({ user: null });
    expect((await call('DELETE', '/account/sessions', { cookie: here })).status).toBe(204);
    expect((await call('GET', '/session', { cookie: here })).body).toEqual({ user: null });
  });

  it('deleted keeps the published entries as "Former participant" and removes email and password', async () => {
    await publishedComment('Still worth reading later.');
    const amina = await signIn(AMINA);
    expect(
      (await call('DELETE', '/account', { cookie: amina, body: { password: 'no' } })).status,
    ).toBe(403);
    const gone = await call('DELETE', '/account', {
      cookie: amina,
      body: { password: AMINA.password },
    });
    expect(gone.status).toBe(204);
    const db = memory.backend.db();
    expect(
      await db.selectFrom('users').select('id').where('email', '=', AMINA.email).execute(),
    ).toEqual([]);
    expect(
      await db.selectFrom('comments').select('id').where('author_id', '=', 'u-amina').execute(),
    ).toEqual([]);
    const page = await call('GET', `/discussions/${SLUG}/comments`);
    const names = JSON.stringify(page.body);
    expect(names).toContain('Still worth reading later.');
    expect(names).toContain('Former participant');
    expect(names).not.toContain('Amina Diallo');
    expect((await call('POST', '/session', { body: AMINA })).status).toBe(401);
  });
});
