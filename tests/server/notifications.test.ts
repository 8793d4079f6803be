/**
 * Notifications on the real server, over a socket, on both engines: nobody
 * signed out reads any, a person reads and marks only their own, and with
 * SMTP_URL set they go by email at once after the decision commits, or once
 * as a daily digest however often the digest runs.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Notification, NotificationPage } from '../../src/api/contract';
import { ENGINES, MODERATOR, PARTICIPANT, SLUG, visitor } from './harness';
import { MAIL_ORIGIN as ORIGIN, type Mail, localMailbox } from './mailbox';

const TITLE = 'Advancing women’s rights through social media: which strategies?';

const { mails, startWithMail } = localMailbox();
const start = (engine: (typeof ENGINES)[number]) =>
  startWithMail(engine, { AGORA_RATE_LIMITS: 'off' });

type Visitor = ReturnType<typeof visitor>;

async function postComment(person: Visitor, body: string): Promise<string> {
  const response = await person.call(`/api/discussions/${SLUG}/comments`, { json: { body } });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function decide(moderator: Visitor, id: string, action: string, reason?: string) {
  const response = await moderator.call('/api/moderation/decisions', {
    json: { kind: 'comment', id, action, expectedStatus: 'pending', ...(reason ? { reason } : {}) },
  });
  expect(response.status).toBe(200);
}

const list = async (person: Visitor) =>
  ((await (await person.call('/api/notifications')).json()) as NotificationPage).notifications;
const unread = async (person: Visitor) =>
  ((await (await person.call('/api/notifications/unread')).json()) as { unread: number }).unread;

/** Mail text as a person reads it: quoted-printable soft breaks joined. */
const readable = (mail: Mail | undefined) => (mail?.text ?? '').replace(/=\r?\n/g, '');

describe.each(ENGINES)('notifications on %s', { timeout: 30_000 }, (engine) => {
  it('answers 401 signed out, and each person reads and marks only their own', async () => {
    const server = await start(engine);
    const reader = visitor(server.url);
    for (const path of ['/api/notifications', '/api/notifications/unread']) {
      expect((await reader.call(path)).status).toBe(401);
    }
    expect((await reader.call('/api/notifications/read', { json: {} })).status).toBe(401);

    const amina = visitor(server.url);
    await amina.signIn(PARTICIPANT);
    const moderator = visitor(server.url);
    await moderator.signIn(MODERATOR);
    const id = await postComment(amina, 'Partners carry a campaign further than any hashtag.');
    expect(await unread(amina)).toBe(0);
    await decide(moderator, id, 'approve');

    expect(await unread(amina)).toBe(1);
    const [told] = await list(amina);
    expect(told).toMatchObject({
      kind: 'published',
      message: `Your comment in “${TITLE}” was published.`,
      excerpt: 'Partners carry a campaign further than any hashtag.',
      path: `/discussions/${SLUG}/comments/${id}`,
      read: false,
    } satisfies Partial<Notification>);

    const other = visitor(server.url);
    const joined = await other.call('/api/accounts', {
      json: { displayName: 'Lena Okafor', email: 'lena@example.org', password: 'another password' },
    });
    expect(joined.status).toBe(201);
    expect(await list(other)).toEqual([]);
    const theirs = await other.call(`/api/notifications/${told?.id}/read`, { method: 'PUT' });
    expect(theirs.status).toBe(404);
    expect(await unread(amina)).toBe(1);

    const read = await amina.call(`/api/notifications/${told?.id}/read`, { method: 'PUT' });
    expect(await read.json()).toEqual({ unread: 0 });
    expect((await list(amina))[0]?.read).toBe(true);
  });

  it('mails a notification at once after the decision, with the reason', async () => {
    const server = await start(engine);
    const amina = visitor(server.url);
    await amina.signIn(PARTICIPANT);
    const chose = await amina.call('/api/notifications/settings', {
      method: 'PUT',
      json: { email: 'at-once' },
    });
    expect(await chose.json()).toEqual({ email: 'at-once', emailAvailable: true });
    const moderator = visitor(server.url);
    await moderator.signIn(MODERATOR);
    const id = await postComment(amina, 'Buy followers here, cheap and fast.');
    await decide(moderator, id, 'reject', 'Advertising');

    await vi.waitFor(() => expect(mails).toHaveLength(1), { timeout: 10_000 });
    expect(mails[0]?.to).toBe(PARTICIPANT.email);
    const text = readable(mails[0]);
    expect(text).toContain(`was rejected.`);
    expect(text).toContain('Reason: Advertising');
    expect(text).toContain(`${ORIGIN}/discussions/${SLUG}/comments/${id}`);
    expect(text).not.toContain('Buy followers');
  });

  it('sends the daily digest once, however often it runs', async () => {
    const server = await start(engine);
    const amina = visitor(server.url);
    await amina.signIn(PARTICIPANT);
    await amina.call('/api/notifications/settings', { method: 'PUT', json: { email: 'daily' } });
    const moderator = visitor(server.url);
    await moderator.signIn(MODERATOR);
    await decide(moderator, await postComment(amina, 'A first idea for the campaign.'), 'approve');
    await decide(moderator, await postComment(amina, 'A second idea, later.'), 'approve');
    expect(mails).toEqual([]);

    expect(await server.sendDigests()).toBe(1);
    expect(await server.sendDigests()).toBe(0);
    expect(mails).toHaveLength(1);
    expect(readable(mails[0])).toMatch(/2 notifications today/);
    expect(readable(mails[0]).match(/was published\./g)).toHaveLength(2);
  });
});
