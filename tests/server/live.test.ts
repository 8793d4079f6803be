/**
 * Live streams over a real socket: what opens, what each viewer receives, the
 * replay after a reconnection, heartbeats, the end of streams when the server
 * stops, and two servers on one PostgreSQL database.
 */
import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../src/api/contract';
import { parseSse } from '../../src/api/live-stream';
import { ENGINES, MODERATOR, PARTICIPANT, SLUG, startOn, tempDir, visitor } from './harness';

type Visitor = ReturnType<typeof visitor>;
type Received = { id: string | null; event: LiveEvent } | { comment: string };

/** A stream as a test reads it: everything received, and a wait for what should come. */
async function listen(v: Visitor, query = `?discussion=${SLUG}`, lastEventId?: string) {
  const stop = new AbortController();
  const response = await v.call(`/api/events${query}`, {
    signal: stop.signal,
    headers: lastEventId ? { 'Last-Event-ID': lastEventId } : {},
  });
  const received: Received[] = [];
  let ended = false;
  let place: string | null = null;
  let notify: () => void = () => undefined;
  void (async () => {
    if (!response.body) throw new Error('The stream has no body.');
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        for (const line of buffer.split('\n')) {
          if (line.startsWith(':')) received.push({ comment: line.slice(1).trim() });
        }
        const { messages, rest } = parseSse(buffer);
        buffer = rest
          .split('\n')
          .filter((l) => !l.startsWith(':'))
          .join('\n');
        for (const m of messages) {
          if (m.id !== undefined && m.data === undefined) place = m.id;
          if (m.data) received.push({ id: m.id ?? null, event: JSON.parse(m.data) as LiveEvent });
        }
        notify();
      }
    } catch {
      // Aborted by the test.
    }
    ended = true;
    notify();
  })();
  const events = () => received.flatMap((r) => ('event' in r ? [{ ...r.event, id: r.id }] : []));
  return {
    response,
    events,
    comments: () => received.flatMap((r) => ('comment' in r ? [r.comment] : [])),
    ended: () => ended,
    /** The last id of an id-only message: where the stream started. */
    place: () => place,
    /** Waits (at most 5 s) until the condition holds on what was received. */
    until: (condition: () => boolean) =>
      new Promise<void>((resolve, reject) => {
        const timeout = setTimeout(() => reject(new Error('Nothing came within 5 s.')), 5_000);
        const check = () => {
          if (!condition()) return;
          clearTimeout(timeout);
          resolve();
        };
        notify = check;
        check();
      }),
    close: () => stop.abort(),
  };
}

type Stream = Awaited<ReturnType<typeof listen>>;

async function post(v: Visitor, body: string): Promise<string> {
  const response = await v.call(`/api/discussions/${SLUG}/comments`, { json: { body } });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function approve(v: Visitor, id: string) {
  const response = await v.call('/api/moderation/decisions', {
    json: { kind: 'comment', id, action: 'approve', expectedStatus: 'pending' },
  });
  expect(response.status).toBe(200);
}

const about = (s: Stream, id: string) =>
  s.events().filter((e) => e.kind === 'entry' && e.entry.id === id);

describe.each(ENGINES)(
  'live streams on %s',
  (engine) => {
    it('opens a stream of Server-Sent Events that no cache keeps', async () => {
      const { visitor } = await startOn(tempDir(), { engine });
      const reader = await listen(visitor());
      expect(reader.response.status).toBe(200);
      expect(reader.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(reader.response.headers.get('cache-control')).toBe('no-store');
      await reader.until(() => reader.comments().includes('open'));
      reader.close();

      const missing = await visitor().call('/api/events?discussion=no-such-discussion');
      expect(missing.status).toBe(404);
    });

    it('tells each viewer only of what they may see, and names the moderator to moderators', async () => {
      const { visitor } = await startOn(tempDir(), { engine });
      const amina = visitor();
      await amina.signIn(PARTICIPANT);
      const moderator = visitor();
      await moderator.signIn(MODERATOR);
      const other = visitor();
      const join = await other.call('/api/accounts', {
        json: { email: 'zo@example.org', password: 'a long enough passphrase', displayName: 'Zoé' },
      });
      expect(join.status).toBe(201);

      const streams = {
        anonymous: await listen(visitor()),
        other: await listen(other),
        author: await listen(amina),
        moderator: await listen(moderator, ''),
      };
      for (const s of Object.values(streams)) await s.until(() => s.comments().includes('open'));

      const id = await post(amina, 'A comment that waits for a moderator.');
      await streams.moderator.until(() => about(streams.moderator, id).length === 1);
      await streams.author.until(() => about(streams.author, id).length === 1);
      expect(about(streams.moderator, id)[0]).toMatchObject({
        change: 'posted',
        entry: { kind: 'comment', status: 'pending' },
      });

      await approve(moderator, id);
      for (const s of Object.values(streams)) {
        await s.until(() => about(s, id).some((e) => e.kind === 'entry' && e.change === 'decided'));
      }
      // The waiting comment reached neither the anonymous reader nor the other participant.
      expect(about(streams.anonymous, id).map((e) => e.kind === 'entry' && e.change)).toEqual([
        'decided',
      ]);
      expect(about(streams.other, id)).toHaveLength(1);
      const decidedFor = (s: Stream) =>
        about(s, id).find((e) => e.kind === 'entry' && e.change === 'decided');
      expect(decidedFor(streams.moderator)).toMatchObject({
        action: 'approve',
        by: { name: 'Wikigender moderator' },
      });
      expect(decidedFor(streams.anonymous)).toMatchObject({ action: 'approve', by: null });
      for (const s of Object.values(streams)) s.close();
    });

    it('replays what a reconnecting client missed, from its Last-Event-ID', async () => {
      const { visitor } = await startOn(tempDir(), { engine });
      const moderator = visitor();
      await moderator.signIn(MODERATOR);
      // A stream lost before any event came still knows where it started.
      const quiet = await listen(visitor());
      await quiet.until(() => quiet.place() !== null);
      quiet.close();
      const meanwhile = await post(moderator, 'Posted before the quiet reader came back.');
      const back0 = await listen(visitor(), `?discussion=${SLUG}`, quiet.place() ?? '');
      await back0.until(() => about(back0, meanwhile).length === 1);
      back0.close();

      const first = await listen(visitor());
      const a = await post(moderator, 'First, seen live.');
      await first.until(() => about(first, a).length === 1);
      const seen = about(first, a)[0]?.id;
      expect(seen).toMatch(/^\d+$/);
      first.close();

      const b = await post(moderator, 'Second, while away.');
      const c = await post(moderator, 'Third, while away.');
      const back = await listen(visitor(), `?discussion=${SLUG}`, seen ?? '');
      await back.until(() => about(back, c).length === 1);
      expect(back.events().flatMap((e) => (e.kind === 'entry' ? [e.entry.id] : []))).toEqual([
        b,
        c,
      ]);
      back.close();

      // An id from before what is kept (or from another database) asks the client to refetch.
      const lost = await listen(visitor(), `?discussion=${SLUG}`, '999999');
      await lost.until(() => lost.events().some((e) => e.kind === 'reset'));
      lost.close();
    });

    it('sends heartbeats while quiet, and ends its streams at once when the server stops', async () => {
      const { server, visitor } = await startOn(tempDir(), {
        engine,
        env: { AGORA_HEARTBEAT_SECONDS: '0.1' },
      });
      const reader = await listen(visitor());
      await reader.until(() => reader.comments().filter((c) => c === 'heartbeat').length >= 2);
      const started = Date.now();
      await server.close();
      await reader.until(() => reader.ended());
      // Far below the 10 s a request under way is given to finish.
      expect(Date.now() - started).toBeLessThan(3_000);
    });

    it('closes the stream of a session that ended, so that it opens again as who is there now', async () => {
      const { visitor } = await startOn(tempDir(), {
        engine,
        env: { AGORA_HEARTBEAT_SECONDS: '0.1' },
      });
      const moderator = visitor();
      await moderator.signIn(MODERATOR);
      const stream = await listen(moderator, '');
      await stream.until(() => stream.comments().includes('open'));
      const again = visitor();
      again.setCookie(moderator.cookie());
      expect((await again.call('/api/session', { method: 'DELETE' })).status).toBe(204);
      await stream.until(() => stream.ended());
    });
  },
  30_000,
);

describe('live streams across two servers on PostgreSQL', () => {
  it('an event raised on one server reaches a stream open on the other', async () => {
    const dataDir = tempDir();
    const one = await startOn(dataDir, { engine: 'postgres' });
    const two = await startOn(dataDir, { engine: 'postgres' });
    const moderator = one.visitor();
    await moderator.signIn(MODERATOR);
    const reader = await listen(two.visitor());
    await reader.until(() => reader.comments().includes('open'));
    const id = await post(moderator, 'Posted on one, read on two.');
    await reader.until(() => about(reader, id).length === 1);
    reader.close();
  });
}, 30_000);
