import { once } from 'node:events';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ENGINES, PARTICIPANT, SLUG, INDEX_HTML, startOn as startOnFile, tempDir } from './harness';

describe.each(ENGINES)('the Node server over a socket, on %s', { timeout: 30_000 }, (engine) => {
  const startOn = (dataDir: string, options: { demo?: boolean; graceMs?: number } = {}) =>
    startOnFile(dataDir, { ...options, engine });

  it('answers /healthz once the database answers, and 503 when it does not', async () => {
    const { server, visitor } = await startOn(tempDir());
    const health = await visitor().call('/healthz');
    expect(health.status).toBe(200);
    expect(health.headers.get('cache-control')).toBe('no-store');
    expect(await health.json()).toEqual({ status: 'ok' });

    await server.engine.close();
    const down = await visitor().call('/healthz');
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'unavailable' });
  });

  it('serves the app’s index for every app address, never cached', async () => {
    const { visitor } = await startOn(tempDir());
    for (const path of ['/', `/discussions/${SLUG}`, '/discussions/x', '/moderation?tab=log']) {
      const page = await visitor().call(path);
      expect(page.status, path).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('cache-control')).toBe('private, no-cache');
      expect(await page.text()).toBe(INDEX_HTML);
    }
  });

  it('serves hashed assets for a year, other files revalidated, a missing asset as 404', async () => {
    const { visitor } = await startOn(tempDir());
    const asset = await visitor().call('/assets/index-Ab12Cd34.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(await asset.text()).toBe('console.log("app");');

    const icon = await visitor().call('/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('cache-control')).toBe('no-cache');

    const stale = await visitor().call('/assets/index-0ld0ld00.js');
    expect(stale.status).toBe(404);
    expect(stale.headers.get('cache-control')).toBe('no-store');
  });

  it('never serves source maps nor the mock service worker, though the build has them', async () => {
    const { visitor } = await startOn(tempDir());
    for (const path of ['/assets/index-Ab12Cd34.js.map', '/mockServiceWorker.js']) {
      const response = await visitor().call(path);
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain('version');
    }
  });

  it('answers an unknown /api address with the contract’s 404, not the index', async () => {
    const { visitor } = await startOn(tempDir());
    for (const path of ['/api/nope', '/api', '/api/discussions/x/nope']) {
      const response = await visitor().call(path);
      expect(response.status, path).toBe(404);
      expect(await response.json()).toEqual({
        error: { code: 'not_found', message: 'There is no such endpoint.' },
      });
    }
    const posted = await visitor().call('/discussions/x', { method: 'POST' });
    expect(posted.status).toBe(404);
  });

  it('refuses a streamed body over the limit with the contract’s 413', async () => {
    const { visitor } = await startOn(tempDir());
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 64) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await visitor().call('/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: { code: 'payload_too_large', message: 'The request is too large.' },
    });
  });

  it('logs one JSON line per request: time, method, path, status, duration', async () => {
    const { visitor, logs } = await startOn(tempDir());
    await visitor().call('/healthz');
    await visitor().call('/api/nope?token=secret');
    await visitor().call(`/api/password-resets/${'a'.repeat(64)}`);
    await visitor().call(`/reset-password/${'b'.repeat(64)}`);
    const lines = logs.requests();
    expect(lines).toHaveLength(4);
    // A reset link's token opens an account for an hour: never in the log.
    expect(lines.slice(2).map((l) => l.path)).toEqual([
      '/api/password-resets/…',
      '/reset-password/…',
    ]);
    expect(lines[1]).toEqual({
      t: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
      method: 'GET',
      path: '/api/nope',
      status: 404,
      ms: expect.any(Number) as unknown,
    });
    for (const line of logs.out) expect(line).toMatch(/^\{[^\n]*\}\n$/);
  });

  it('stops at once when a connection is open but has asked nothing yet', async () => {
    // A grace longer than the test may run: the stop must not wait it out.
    const { server } = await startOn(tempDir(), { graceMs: 3_600_000 });
    // As a browser opens a spare connection ahead of need.
    const spare = connect(server.port, '127.0.0.1');
    await once(spare, 'connect');
    const closed = once(spare, 'close');
    await server.close();
    await closed;
  });

  it('keeps what was posted across a restart, sessions included', async () => {
    const dataDir = tempDir();
    const first = await startOn(dataDir);
    const amina = first.visitor();
    await amina.signIn(PARTICIPANT);
    const posted = await amina.call(`/api/discussions/${SLUG}/comments`, {
      json: { body: 'Written before the restart.' },
    });
    expect(posted.status).toBe(201);
    const { id } = (await posted.json()) as { id: string };
    await first.server.close();

    const second = await startOn(dataDir);
    const again = second.visitor();
    again.setCookie(amina.cookie());
    const session = (await (await again.call('/api/session')).json()) as {
      user: { id: string } | null;
    };
    expect(session.user?.id).toBe('u-amina');
    const thread = (await (await again.call(`/api/discussions/${SLUG}/comments`)).json()) as {
      comments: { id: string; body: string; status: string }[];
    };
    expect(thread.comments.find((c) => c.id === id)).toMatchObject({
      body: 'Written before the restart.',
      status: 'pending',
    });
    // The original discussion is seeded once, not again on the second start.
    const list = (await (await again.call('/api/discussions')).json()) as {
      discussions: unknown[];
    };
    expect(list.discussions).toHaveLength(1);
  });
});
