/**
 * Rules a handful of fresh accounts could bend: flags hide an entry only when
 * they come from accounts of some standing, never a moderator's entry or a
 * featured extract; new accounts may keep only a few entries waiting and post
 * few links; moderators see in the queue who each author is to the forum.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  FLAG_HIDE_THRESHOLD,
  NEW_ACCOUNT_HOURS,
  NEW_ACCOUNT_LINKS_MAX,
  NEW_ACCOUNT_PENDING_MAX,
  type AuthorHistory,
  type QueueResponse,
} from '../../src/api/contract';
import { createApp } from '../../src/server/app';
import { type MemoryBackend, createMemoryBackend } from '../../src/server/memory';
import { findCommentRow } from '../../src/server/store/comments';

const SLUG = 'advancing-womens-rights-through-social-media';
const ORIGIN = 'http://localhost';
const AMINA = { email: 'amina@example.org', password: 'demo-participant' };
const MODERATOR = { email: 'moderator@example.org', password: 'demo-moderator' };
const START = Date.parse('2026-03-01T10:00:00Z');
/** Long enough for an account to be new no more. */
const A_DAY_LATER = (NEW_ACCOUNT_HOURS + 1) * 3_600_000;

let now = START;
let memory: MemoryBackend | undefined;
let app: ReturnType<typeof createApp>;

beforeEach(async () => {
  now = START;
  memory ??= await createMemoryBackend({ clock: () => new Date(now) });
  await memory.reset();
  app = createApp(memory.backend);
});

interface Answer {
  status: number;
  body: Record<string, unknown> & { error?: { message: string; fields?: Record<string, string> } };
  cookie: string;
}

async function call(method: string, path: string, cookie = '', body?: unknown): Promise<Answer> {
  const response = await app.request(`${ORIGIN}/api${path}`, {
    method,
    headers: {
      Origin: ORIGIN,
      ...(cookie ? { Cookie: cookie } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Answer['body']) : {},
    cookie: response.headers.get('set-cookie')?.split(';')[0] ?? '',
  };
}

async function signIn(account: { email: string; password: string }): Promise<string> {
  const answer = await call('POST', '/session', '', account);
  expect(answer.status).toBe(200);
  return answer.cookie;
}

let serial = 0;
/** A new account, joined now; its session. */
async function join(name: string): Promise<string> {
  serial += 1;
  const answer = await call('POST', '/accounts', '', {
    displayName: name,
    email: `flags-${serial}@example.org`,
    password: 'a fine passphrase',
  });
  expect(answer.status).toBe(201);
  return answer.cookie;
}

const joinMany = (n: number, name: string) =>
  Promise.all(Array.from({ length: n }, (_, i) => join(`${name} ${i + 1}`)));

const post = (cookie: string, body: string) =>
  call('POST', `/discussions/${SLUG}/comments`, cookie, { body });

/** A participant's comment that a moderator has approved. */
async function publishedComment(moderator: string, author: string): Promise<string> {
  const posted = await post(author, 'A view some people will dislike.');
  const id = posted.body.id as string;
  const approved = await call('POST', '/moderation/decisions', moderator, {
    kind: 'comment',
    id,
    action: 'approve',
    expectedStatus: 'pending',
  });
  expect(approved.status).toBe(200);
  return id;
}

async function flagAll(flaggers: string[], id: string): Promise<void> {
  for (const cookie of flaggers) {
    const answer = await call('POST', `/comments/${id}/flags`, cookie, { reason: 'abusive' });
    expect(answer.status).toBe(201);
  }
}

async function statusOf(id: string): Promise<string | undefined> {
  if (!memory) throw new Error('no backend');
  return (await findCommentRow(memory.backend.db(), id))?.status;
}

async function queue(moderator: string): Promise<QueueResponse> {
  return (await call('GET', '/moderation/queue', moderator)).body as unknown as QueueResponse;
}

describe('flags', () => {
  it('from three fresh accounts leave a published comment published, waiting in the queue', async () => {
    const moderator = await signIn(MODERATOR);
    const id = await publishedComment(moderator, await signIn(AMINA));
    await flagAll(await joinMany(FLAG_HIDE_THRESHOLD, 'Fresh'), id);
    expect(await statusOf(id)).toBe('published');
    const item = (await queue(moderator)).items.find((i) => i.comment?.id === id);
    expect(item).toMatchObject({ reason: 'flagged', flags: [{ reason: 'abusive', count: 3 }] });
  });

  it('from three established accounts hide it', async () => {
    const moderator = await signIn(MODERATOR);
    const id = await publishedComment(moderator, await signIn(AMINA));
    const flaggers = await joinMany(FLAG_HIDE_THRESHOLD, 'Aged');
    now += A_DAY_LATER;
    await flagAll(flaggers, id);
    expect(await statusOf(id)).toBe('hidden');
  });

  it('count a fresh account that has a published entry', async () => {
    const moderator = await signIn(MODERATOR);
    const id = await publishedComment(moderator, await signIn(AMINA));
    const aged = await joinMany(FLAG_HIDE_THRESHOLD - 1, 'Aged');
    now += A_DAY_LATER;
    const fresh = await join('Fresh but published');
    await flagAll([...aged, fresh], id);
    expect(await statusOf(id)).toBe('published');

    const other = await publishedComment(moderator, await signIn(AMINA));
    await publishedComment(moderator, fresh);
    await flagAll([...aged, fresh], other);
    expect(await statusOf(other)).toBe('hidden');
  });

  it('never hide a moderator’s comment or a featured extract: their flags wait in the queue', async () => {
    const moderator = await signIn(MODERATOR);
    const own = await post(moderator, 'A moderator’s note on the discussion.');
    expect(own.body.status).toBe('published');
    const flaggers = await joinMany(FLAG_HIDE_THRESHOLD, 'Aged');
    now += A_DAY_LATER;
    const ids = [own.body.id as string, 'c-original-1'];
    for (const id of ids) await flagAll(flaggers, id);

    for (const id of ids) expect(await statusOf(id)).toBe('published');
    const items = (await queue(moderator)).items.filter((i) => ids.includes(i.comment?.id ?? ''));
    expect(items.map((i) => [i.comment?.id, i.reason, i.flags[0]?.count])).toEqual(
      expect.arrayContaining(ids.map((id) => [id, 'flagged', FLAG_HIDE_THRESHOLD])),
    );
    expect(items).toHaveLength(2);
  });
});

describe('a new account', () => {
  it(`keeps at most ${NEW_ACCOUNT_PENDING_MAX} entries waiting, is told why, and may post again once one is reviewed`, async () => {
    const newcomer = await join('Keen Newcomer');
    const ids: string[] = [];
    for (let n = 1; n <= NEW_ACCOUNT_PENDING_MAX; n++) {
      const answer = await post(newcomer, `Waiting comment ${n}`);
      expect(answer.status).toBe(201);
      ids.push(answer.body.id as string);
    }
    const over = await post(newcomer, 'One too many');
    expect(over.status).toBe(403);
    expect(over.body.error?.message).toBe(
      `New accounts can have ${NEW_ACCOUNT_PENDING_MAX} entries waiting for a moderator at once. You can post again once one is reviewed.`,
    );
    const share = await call('POST', `/discussions/${SLUG}/resources`, newcomer, {
      url: 'https://example.org/a-report',
      title: 'A report',
      kind: 'report',
    });
    expect(share.status).toBe(403);

    const moderator = await signIn(MODERATOR);
    const rejected = await call('POST', '/moderation/decisions', moderator, {
      kind: 'comment',
      id: ids[0],
      action: 'reject',
      reason: 'Off-topic',
      expectedStatus: 'pending',
    });
    expect(rejected.status).toBe(200);
    expect((await post(newcomer, 'A better comment')).status).toBe(201);
    expect((await post(newcomer, 'And yet another')).status).toBe(403);

    now += A_DAY_LATER;
    expect((await post(newcomer, 'A day later, no limit')).status).toBe(201);
  });

  it(`puts at most ${NEW_ACCOUNT_LINKS_MAX} links in a comment, or one in a resource’s description`, async () => {
    const newcomer = await join('Linker');
    const links = (n: number) =>
      Array.from({ length: n }, (_, i) => `https://shop-${i}.example/`).join(' and ');

    const over = await post(newcomer, `See ${links(NEW_ACCOUNT_LINKS_MAX + 1)}`);
    expect(over.status).toBe(403);
    expect(over.body.error?.fields?.body).toMatch(/New accounts can put up to 2 links/);
    expect((await post(newcomer, `See ${links(NEW_ACCOUNT_LINKS_MAX)}`)).status).toBe(201);
    // The same address twice is one link.
    expect((await post(newcomer, `${links(1)} ${links(1)} ${links(2)}`)).status).toBe(201);

    const share = (description: string) =>
      call('POST', `/discussions/${SLUG}/resources`, newcomer, {
        url: 'https://example.org/toolkit',
        title: 'A toolkit',
        kind: 'tool',
        description,
      });
    const tooMany = await share(`Mirrors: ${links(NEW_ACCOUNT_LINKS_MAX)}`);
    expect(tooMany.status).toBe(403);
    expect(tooMany.body.error?.fields?.description).toMatch(/links/);
    // Two comments wait, so one entry more is allowed.
    expect((await share(`Mirror: ${links(1)}`)).status).toBe(201);
  });

  it('moderators and established participants are not limited', async () => {
    const moderator = await signIn(MODERATOR);
    const amina = await signIn(AMINA);
    for (let n = 0; n <= NEW_ACCOUNT_PENDING_MAX; n++) {
      expect(
        (await post(amina, `Amina waits ${n} ${'https://a.example/ '.repeat(3)}`)).status,
      ).toBe(201);
    }
    expect((await post(moderator, `Links: ${'https://m.example/x '.repeat(3)}`)).status).toBe(201);
  });
});

describe('the queue', () => {
  it('tells moderators when each author joined and how their other entries stand', async () => {
    const newcomer = await join('Queue Newcomer');
    const first = await post(newcomer, 'My first comment');
    await post(newcomer, 'My second comment');
    const moderator = await signIn(MODERATOR);
    const history = async (id: string): Promise<AuthorHistory | undefined> =>
      (await queue(moderator)).items.find((i) => i.comment?.id === id)?.authorHistory;

    expect(await history(first.body.id as string)).toEqual({
      joinedAt: new Date(START).toISOString(),
      newAccount: true,
      published: 0,
      rejected: 0,
      hidden: 0,
      pending: 1,
    });

    const amina = await post(await signIn(AMINA), 'Amina again');
    expect(await history(amina.body.id as string)).toMatchObject({
      newAccount: false,
      pending: 0,
    });
  });
});
