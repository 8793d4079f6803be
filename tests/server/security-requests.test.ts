/**
 * Writes from elsewhere, over a socket: a write must come from the public
 * origin (Origin, or Sec-Fetch-Site: same-origin where no Origin is sent) and
 * declare any body JSON. Each refused one changes no record of the database.
 * The guard runs before any endpoint and any engine, so SQLite stands for both.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../src/api/contract';
import { startServer } from '../../src/server/main';
import {
  MODERATOR,
  SLUG,
  configFor,
  dumpDatabase,
  fakeClient,
  memoryLog,
  tempDir,
  visitor,
  TEST_PASSWORDS,
} from './harness';

const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) await server.close();
});

async function start(env: Record<string, string> = {}) {
  const config = configFor(tempDir(), { AGORA_DEMO: '1', ...env });
  const server = await startServer({
    config,
    clientDir: fakeClient(),
    log: memoryLog().log,
    passwords: TEST_PASSWORDS,
  });
  running.push(server);
  return { server, config };
}

const COMMENTS = `/api/discussions/${SLUG}/comments`;
const comment = JSON.stringify({ body: 'Posted from another site, or so it hopes.' });

async function refusal(response: Response) {
  return { status: response.status, code: ((await response.json()) as ErrorBody).error.code };
}

describe('writes from elsewhere', { timeout: 30_000 }, () => {
  it('refuses a write from another origin, or from none, and changes nothing', async () => {
    const { server, config } = await start();
    const moderator = visitor(server.url);
    await moderator.signIn(MODERATOR);
    const before = await dumpDatabase(config);

    const send = (headers: Record<string, string>) =>
      fetch(`${server.url}${COMMENTS}`, {
        method: 'POST',
        headers: { Cookie: moderator.cookie(), 'Content-Type': 'application/json', ...headers },
        body: comment,
      });
    const elsewhere: Record<string, string>[] = [
      { Origin: 'https://evil.example' },
      { Origin: 'null' },
      { Origin: server.url.replace('127.0.0.1', 'localhost') },
      { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'same-origin' },
      {},
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site' },
      { 'Sec-Fetch-Site': 'none' },
    ];
    for (const headers of elsewhere) {
      const response = await send(headers);
      expect(await refusal(response), JSON.stringify(headers)).toEqual({
        status: 403,
        code: 'cross_origin',
      });
    }
    const signOut = await fetch(`${server.url}/api/session`, {
      method: 'DELETE',
      headers: { Cookie: moderator.cookie(), 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(signOut.status).toBe(403);
    expect(await dumpDatabase(config)).toEqual(before);
  });

  it('says plainly why a write from elsewhere was refused', async () => {
    const { server } = await start();
    const response = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'Content-Type': 'application/json' },
      body: JSON.stringify(MODERATOR),
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(((await response.json()) as ErrorBody).error.message).toBe(
      `This request did not come from the forum’s own pages, so nothing was changed. Open the forum at ${server.url} and try again.`,
    );
  });

  it('refuses a body that is not declared JSON, even from the forum’s origin, and changes nothing', async () => {
    const { server, config } = await start();
    const moderator = visitor(server.url);
    await moderator.signIn(MODERATOR);
    const before = await dumpDatabase(config);
    for (const [type, body] of [
      ['application/x-www-form-urlencoded', 'body=Posted+from+a+form+elsewhere'],
      [
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="body"\r\n\r\nHello there\r\n--x--',
      ],
      ['text/plain', comment],
      ['application/json-seq', comment],
    ] as const) {
      const response = await fetch(`${server.url}${COMMENTS}`, {
        method: 'POST',
        headers: { Cookie: moderator.cookie(), Origin: server.url, 'Content-Type': type },
        body,
      });
      expect(await refusal(response), type).toEqual({
        status: 415,
        code: 'unsupported_media_type',
      });
    }
    const untyped = await fetch(`${server.url}${COMMENTS}`, {
      method: 'POST',
      headers: { Cookie: moderator.cookie(), Origin: server.url },
      body: new Blob([comment]),
    });
    expect(await refusal(untyped)).toEqual({ status: 415, code: 'unsupported_media_type' });
    expect(await dumpDatabase(config)).toEqual(before);
  });

  it('takes a JSON write from the forum’s own origin, and a bodiless one with no content type', async () => {
    const { server } = await start();
    const signIn = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { Origin: server.url, 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify(MODERATOR),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
    const posted = await fetch(`${server.url}${COMMENTS}`, {
      method: 'POST',
      headers: { Cookie: cookie, Origin: server.url, 'Content-Type': 'application/json' },
      body: comment,
    });
    expect(posted.status).toBe(201);
    const signOut = await fetch(`${server.url}/api/session`, {
      method: 'DELETE',
      headers: { Cookie: cookie, Origin: server.url },
    });
    expect(signOut.status).toBe(204);
    // Reads are public: another site's page may read what anyone may.
    const read = await fetch(`${server.url}/api/discussions/${SLUG}`, {
      headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(read.status).toBe(200);
  });

  it('behind a TLS proxy, takes writes from PUBLIC_ORIGIN only', async () => {
    const publicOrigin = 'https://discuss.example.org';
    const { server, config } = await start({ PUBLIC_ORIGIN: publicOrigin });
    const before = await dumpDatabase(config);
    const signIn = (origin: string) =>
      fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { Origin: origin, 'Content-Type': 'application/json' },
        body: JSON.stringify(MODERATOR),
      });
    // The address the server listens on is not where people reach it.
    expect(await refusal(await signIn(server.url))).toEqual({ status: 403, code: 'cross_origin' });
    expect(await refusal(await signIn('http://discuss.example.org'))).toEqual({
      status: 403,
      code: 'cross_origin',
    });
    expect(await dumpDatabase(config)).toEqual(before);
    expect((await signIn(publicOrigin)).status).toBe(200);
  });
});
