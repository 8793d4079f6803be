/**
 * Two server processes (the built bundle) on one PostgreSQL database, as behind
 * a load balancer: what one answers, the other knows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/server/engines/engine';
import { openPostgres } from '../../src/server/engines/postgres';
import { type Child, builtBundle, runBundle } from './built';
import { MODERATOR, PARTICIPANT, SLUG, tempDir, visitor } from './harness';
import { createPostgresDatabase } from './postgres';

type Visitor = ReturnType<typeof visitor>;

const bundle = builtBundle();
let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
let db: Engine;
const running: Child[] = [];
const teardown: (() => Promise<void> | void)[] = [];
let a: { child: Child; url: string };
let b: { child: Child; url: string };

function serve(): Child {
  const child = runBundle(bundle, ['serve'], {
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: '5',
    DATA_DIR: tempDir(),
    AGORA_DEMO: '1',
    // Limits on, as in production: failed sign-ins per account low for the test
    // that shares them, the rest high enough for the load the other tests make.
    AGORA_RATE_LIMIT_SIGN_IN: '4/86400',
    AGORA_RATE_LIMIT_SIGN_IN_ADDRESS: '100000/900',
    AGORA_RATE_LIMIT_JOIN: '100000/3600',
    AGORA_RATE_LIMIT_COMMENT: '100000/600',
    AGORA_RATE_LIMIT_SHARE: '100000/600',
    AGORA_RATE_LIMIT_FLAG: '100000/600',
  });
  running.push(child);
  return child;
}

beforeAll(async () => {
  database = await createPostgresDatabase();
  teardown.push(database.drop);
  db = openPostgres(database.url, { poolSize: 2 });
  teardown.push(() => db.close());
  // Both start at once on the empty database: one migrates and seeds, the other waits.
  const [first, second] = [serve(), serve()];
  const [readyA, readyB] = await Promise.all([first.ready, second.ready]);
  a = { child: first, url: readyA.url };
  b = { child: second, url: readyB.url };
}, 180_000);

afterAll(async () => {
  for (const child of running) child.process.kill('SIGKILL');
  await Promise.all(running.map((child) => child.exited));
  for (const step of teardown.reverse()) await step();
});

async function signedIn(base: string, account: { email: string; password: string }) {
  const v = visitor(base);
  await v.signIn(account);
  return v;
}

/** The same session, through the other server. */
function sameSession(v: Visitor, base: string): Visitor {
  const other = visitor(base);
  other.setCookie(v.cookie());
  return other;
}

async function post(v: Visitor, body: string): Promise<string> {
  const response = await v.call(`/api/discussions/${SLUG}/comments`, { json: { body } });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function thread(v: Visitor): Promise<{ id: string; body: string; status: string }[]> {
  const response = await v.call(`/api/discussions/${SLUG}/comments?limit=100`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { comments: { id: string; body: string; status: string }[] })
    .comments;
}

// An upper bound: a guess at an unknown email costs one hash at the server's cost (scrypt, about a second).
describe('two servers on one PostgreSQL database', { timeout: 30_000 }, () => {
  it('started at once, migrated and seeded the forum once', async () => {
    for (const { url } of [a, b]) {
      const list = (await (await fetch(`${url}/api/discussions`)).json()) as {
        discussions: { slug: string }[];
      };
      expect(list.discussions.map((d) => d.slug)).toEqual([SLUG]);
    }
    const users = await db.db.selectFrom('users').select('email').orderBy('email').execute();
    expect(users.map((u) => u.email)).toEqual([PARTICIPANT.email, MODERATOR.email]);
  });

  it('takes a session made on one as valid on the other, and a sign-out on one ends it on both', async () => {
    const onA = await signedIn(a.url, PARTICIPANT);
    const onB = sameSession(onA, b.url);
    const session = async (v: Visitor): Promise<unknown> => (await v.call('/api/session')).json();
    expect(await session(onB)).toMatchObject({ user: { id: 'u-amina' } });
    // A keeps that answer; the sign-out on B must clear it.
    expect(await session(onA)).toMatchObject({ user: { id: 'u-amina' } });
    expect((await onB.call('/api/session', { method: 'DELETE' })).status).toBe(204);
    expect(await session(onA)).toEqual({ user: null });
  });

  it('reads on one what was just written on the other, through its kept answers too', async () => {
    const moderatorA = await signedIn(a.url, MODERATOR);
    const moderatorB = sameSession(moderatorA, b.url);
    const amina = await signedIn(a.url, PARTICIPANT);
    const aminaOnB = sameSession(amina, b.url);
    const readers = { a: visitor(a.url), b: visitor(b.url) };
    for (let i = 0; i < 20; i++) {
      // Read first, twice, so that the next answer would come from each server's cache.
      for (const v of [readers.a, readers.b, aminaOnB, readers.a, readers.b, aminaOnB]) {
        await thread(v);
      }
      const [writer, reader] = i % 2 === 0 ? [moderatorA, readers.b] : [moderatorB, readers.a];
      const published = await post(writer, `Published at once, number ${i}.`);
      expect((await thread(reader)).map((c) => c.id)).toContain(published);
      // The author sees their comment waiting, on the other server, at once.
      const pending = await post(amina, `Waiting for a moderator, number ${i}.`);
      expect((await thread(aminaOnB)).find((c) => c.id === pending)?.status).toBe('pending');
    }
  }, 60_000);

  it('lets exactly one of two decisions taken at once on each server through, 20 times', async () => {
    const amina = await signedIn(b.url, PARTICIPANT);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await post(amina, `Decide me, ${i}.`));
    const onA = await signedIn(a.url, MODERATOR);
    const onB = await signedIn(b.url, MODERATOR);
    for (const id of ids) {
      const decide = (v: Visitor, action: 'approve' | 'reject') =>
        v.call('/api/moderation/decisions', {
          json: { kind: 'comment', id, action, expectedStatus: 'pending', reason: 'Off topic.' },
        });
      const answers = await Promise.all([decide(onA, 'approve'), decide(onB, 'reject')]);
      const statuses = answers.map((r) => r.status);
      expect([...statuses].sort()).toEqual([200, 409]);
      const won = statuses[0] === 200 ? 'published' : 'rejected';
      const refused = answers[statuses[0] === 200 ? 1 : 0];
      expect(await refused.json()).toMatchObject({
        error: {
          code: 'conflict',
          message: `Another moderator decided first: this comment is now ${won}.`,
          details: { comment: { id, status: won } },
        },
      });
      const row = await db.db
        .selectFrom('comments')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirst();
      expect(row?.status).toBe(won);
    }
    const logged = await db.db
      .selectFrom('moderation_log')
      .select('target_id')
      .where('target_id', 'in', ids)
      .execute();
    expect(logged).toHaveLength(ids.length);
  }, 60_000);

  it('answers a post sent twice at once, to each server, with the same one comment', async () => {
    const onA = await signedIn(a.url, PARTICIPANT);
    const onB = sameSession(onA, b.url);
    for (let i = 0; i < 10; i++) {
      const send = (v: Visitor) =>
        v.call(`/api/discussions/${SLUG}/comments`, {
          json: { body: `Sent twice, number ${i}.` },
          headers: { 'Idempotency-Key': `twice-${i}` },
        });
      const answers = await Promise.all([send(onA), send(onB)]);
      expect(answers.map((r) => r.status)).toEqual([201, 201]);
      const [first, second] = (await Promise.all(answers.map((r) => r.json()))) as {
        id: string;
      }[];
      expect(second?.id).toBe(first?.id);
      const copies = await db.db
        .selectFrom('comments')
        .select('id')
        .where('body', '=', `Sent twice, number ${i}.`)
        .execute();
      expect(copies).toHaveLength(1);
    }
  });

  it('refuses on both servers a sign-in limit reached half on each', async () => {
    const guessers = [visitor(a.url), visitor(b.url)];
    const guess = (v: Visitor) =>
      v.call('/api/session', { json: { email: 'victim@example.org', password: 'a guess' } });
    for (const v of [...guessers, ...guessers]) expect((await guess(v)).status).toBe(401);
    for (const v of guessers) {
      const refused = await guess(v);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
      expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited' } });
    }
    // The limit is that account's: others sign in on either server.
    for (const base of [a.url, b.url]) await signedIn(base, PARTICIPANT);
  });

  it('closes a discussion at its scheduled time once, whichever server comes first', async () => {
    const moderator = await signedIn(a.url, MODERATOR);
    const at = new Date(Date.now() + 1500).toISOString();
    const scheduled = await moderator.call(`/api/discussions/${SLUG}`, {
      method: 'PATCH',
      json: { closesAt: at },
    });
    expect(scheduled.status).toBe(200);
    const status = async (base: string) =>
      ((await (await fetch(`${base}/api/discussions/${SLUG}`)).json()) as { status: string })
        .status;
    // Both keep the open discussion's page, which must not outlive the closing.
    expect([await status(a.url), await status(b.url)]).toEqual(['open', 'open']);
    await new Promise((resolve) => setTimeout(resolve, Date.parse(at) - Date.now() + 100));
    const seen = await Promise.all(
      Array.from({ length: 10 }, (_, i) => status(i % 2 === 0 ? a.url : b.url)),
    );
    expect(seen).toEqual(Array.from({ length: 10 }, () => 'closed'));
    const row = await db.db
      .selectFrom('discussions')
      .select(['status', 'closed_at', 'closed_reason'])
      .where('slug', '=', SLUG)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      status: 'closed',
      closed_at: at,
      closed_reason: 'The discussion closed at its scheduled time.',
    });
    for (const base of [a.url, b.url]) {
      const refused = await sameSession(moderator, base).call(`/api/discussions/${SLUG}/comments`, {
        json: { body: 'Too late.' },
      });
      expect(refused.status).toBe(409);
    }
    const reopened = await moderator.call(`/api/discussions/${SLUG}`, {
      method: 'PATCH',
      json: { status: 'open' },
    });
    expect(reopened.status).toBe(200);
  });

  it('loses nothing it answered 201 when one is killed mid-load, and the other keeps serving', async () => {
    const onA = await signedIn(a.url, PARTICIPANT);
    const onB = sameSession(onA, b.url);
    const accepted: string[] = [];
    const failedOnB: string[] = [];
    let killed = false;
    let enough: () => void = () => undefined;
    const killAt = new Promise<void>((resolve) => (enough = resolve));
    const poster = async (v: Visitor, name: string, until: () => boolean) => {
      for (let i = 0; !until(); i++) {
        try {
          const response = await v.call(`/api/discussions/${SLUG}/comments`, {
            json: { body: `Comment ${name}.${i}, posted under load.` },
          });
          if (response.status !== 201) throw new Error(`${name} answered ${response.status}`);
          accepted.push(((await response.json()) as { id: string }).id);
          if (accepted.length >= 60) enough();
        } catch (error) {
          if (v === onB) failedOnB.push(String(error));
          return; // on A, the connection died with the server
        }
      }
    };
    const afterKill = () => killed && accepted.length >= 120;
    const posters = Promise.all([
      ...Array.from({ length: 6 }, (_, n) => poster(onA, `a${n}`, () => false)),
      ...Array.from({ length: 2 }, (_, n) => poster(onB, `b${n}`, afterKill)),
    ]);
    await killAt;
    a.child.process.kill('SIGKILL');
    killed = true;
    expect(await a.child.exited).toEqual({ code: null, signal: 'SIGKILL' });
    await posters;

    expect(failedOnB).toEqual([]);
    expect(await (await fetch(`${b.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const kept = new Set(
      (await db.db.selectFrom('comments').select('id').where('id', 'in', accepted).execute()).map(
        (r) => r.id,
      ),
    );
    expect(accepted.length).toBeGreaterThanOrEqual(120);
    expect(accepted.filter((id) => !kept.has(id))).toEqual([]);

    b.child.process.kill('SIGTERM');
    expect(await b.child.exited).toEqual({ code: 0, signal: null });
  }, 60_000);
});
