/**
 * Every answer of the server carries the security headers: pages, assets, the
 * API, errors. Over HTTPS (PUBLIC_ORIGIN=https://… behind a TLS proxy) it adds
 * HSTS, and the session cookie is `__Host-` prefixed and Secure. The built
 * bundle sends the same headers, without taking vite or @noble/hashes along.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/api/contract';
import { contentSecurityPolicy } from '../../src/server/http/security-headers';
import { startServer } from '../../src/server/main';
import { type Child, builtBundle, runBundle } from './built';
import {
  MODERATOR,
  SLUG,
  configFor,
  fakeClient,
  memoryLog,
  tempDir,
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
  return server;
}

const CSP = `${contentSecurityPolicy('production')}; frame-ancestors 'none'`;

function expectSecurityHeaders(response: Response, what: string) {
  expect(response.headers.get('content-security-policy'), what).toBe(CSP);
  expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(response.headers.get('x-frame-options'), what).toBe('DENY');
  expect(response.headers.get('referrer-policy'), what).toBe('same-origin');
  expect(response.headers.get('cross-origin-opener-policy'), what).toBe('same-origin');
  expect(CSP).toContain("base-uri 'none'");
}

/** Pages, an asset, another file, a missing file, the API, its errors, a refused write. */
const requests = (base: string): [string, RequestInit][] => [
  [`${base}/`, {}],
  [`${base}/discussions/${SLUG}`, {}],
  [`${base}/assets/index-Ab12Cd34.js`, {}],
  [`${base}/favicon.svg`, {}],
  [`${base}/assets/index-Ab12Cd34.js.map`, {}],
  [`${base}/healthz`, {}],
  [`${base}/api/discussions`, {}],
  [`${base}/api/nope`, {}],
  [`${base}/api/session`, { method: 'POST', headers: { Origin: 'https://evil.example' } }],
];

const signIn = (base: string, origin: string) =>
  fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { Origin: origin, 'Content-Type': 'application/json' },
    body: JSON.stringify(MODERATOR),
  });

describe('security headers', { timeout: 30_000 }, () => {
  it('are on every answer; no HSTS when the public origin is plain HTTP', async () => {
    const server = await start();
    for (const [url, init] of requests(server.url)) {
      const response = await fetch(url, init);
      expectSecurityHeaders(response, url);
      expect(response.headers.get('strict-transport-security'), url).toBeNull();
    }
  });

  it('forbid framing in the policy itself, which a meta tag cannot', () => {
    expect(CSP).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy('production')).not.toContain('frame-ancestors');
    expect(contentSecurityPolicy('production')).toContain("script-src 'self';");
  });

  it('add HSTS for a year when the public origin is HTTPS', async () => {
    const server = await start({ PUBLIC_ORIGIN: 'https://discuss.example.org' });
    for (const [url, init] of requests(server.url)) {
      const response = await fetch(url, init);
      expectSecurityHeaders(response, url);
      expect(response.headers.get('strict-transport-security'), url).toBe('max-age=31536000');
    }
  });
});

describe('the session cookie', { timeout: 30_000 }, () => {
  it('over HTTPS is __Host- prefixed, Secure, for the whole site and no other host', async () => {
    const origin = 'https://discuss.example.org';
    const server = await start({ PUBLIC_ORIGIN: origin });
    const response = await signIn(server.url, origin);
    expect(response.status).toBe(200);
    const set = response.headers.get('set-cookie') ?? '';
    expect(set).toMatch(new RegExp(`^__Host-${SESSION_COOKIE}=[0-9a-f]{64};`));
    expect(set).toMatch(/; Secure/);
    expect(set).toMatch(/; HttpOnly/);
    expect(set).toMatch(/; SameSite=Lax/);
    expect(set).toMatch(/; Path=\/(;|$)/);
    expect(set).not.toMatch(/Domain=/i);

    // The proxy hands the browser's cookie on: it opens the session, and signing out clears it.
    const cookie = set.split(';')[0] ?? '';
    const me = await fetch(`${server.url}/api/session`, { headers: { Cookie: cookie } });
    expect(await me.json()).toMatchObject({ user: { role: 'moderator' } });
    const plain = cookie.replace(`__Host-${SESSION_COOKIE}`, SESSION_COOKIE);
    const unprefixed = await fetch(`${server.url}/api/session`, { headers: { Cookie: plain } });
    expect(await unprefixed.json()).toEqual({ user: null });
    const out = await fetch(`${server.url}/api/session`, {
      method: 'DELETE',
      headers: { Cookie: cookie, Origin: origin },
    });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(
      new RegExp(`^__Host-${SESSION_COOKIE}=;.*Max-Age=0.*; Secure`),
    );
  });

  it('over plain HTTP keeps its name and is not Secure, or the browser would drop it', async () => {
    const server = await start();
    const response = await signIn(server.url, server.url);
    const set = response.headers.get('set-cookie') ?? '';
    expect(set).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
    expect(set).not.toMatch(/Secure/);
    expect(set).toMatch(/; HttpOnly/);
  });
});

describe('the built server', () => {
  const children: Child[] = [];
  afterAll(() => {
    for (const child of children) child.process.kill('SIGKILL');
  });

  it(
    'sends the same headers, and its bundle takes neither vite nor @noble/hashes',
    { timeout: 60_000 },
    async () => {
      const bundle = builtBundle();
      const dir = dirname(bundle);
      const code = readdirSync(dir)
        .filter((file) => file.endsWith('.js'))
        .map((file) => readFileSync(join(dir, file), 'utf8'))
        .join('\n');
      expect(code).not.toMatch(/from ["']vite["']|@noble\/hashes/);
      const child = runBundle(bundle, ['serve'], {
        DATA_DIR: tempDir(),
        PUBLIC_ORIGIN: 'https://discuss.example.org',
      });
      children.push(child);
      const { url } = await child.ready;
      for (const [address, init] of requests(url)) {
        const response = await fetch(address, init);
        expectSecurityHeaders(response, address);
        expect(response.headers.get('strict-transport-security'), address).toBe('max-age=31536000');
      }
    },
  );
});
