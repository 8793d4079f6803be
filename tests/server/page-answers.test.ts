import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAZY_ROUTE_MODULES } from '../../src/server/node/page-modules';
import { MODERATOR, SLUG, fakeClient, startOn, tempDir } from './harness';

const PAGE = '<!doctype html><html><head><title>Agora</title></head><body></body></html>';

async function serverWithPage() {
  const dir = fakeClient();
  writeFileSync(join(dir, 'index.html'), PAGE);
  const { server, visitor } = await startOn(tempDir(), { clientDir: dir });
  return { base: server.url, visitor };
}

type Visitor = Awaited<ReturnType<typeof serverWithPage>>['visitor'] extends () => infer V
  ? V
  : never;

/** What a page carries: the answers to its reads, and a preload of each read it could not answer. */
async function page(v: Visitor, path: string) {
  const response = await v.call(path, { headers: { 'Accept-Encoding': 'br' } });
  expect(response.status).toBe(200);
  expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
  // It holds what this visitor may see: no shared cache keeps it.
  expect(response.headers.get('Cache-Control')).toBe('private, no-cache');
  expect(response.headers.get('Vary')).toContain('Cookie');
  const html = await response.text();
  expect(html).toContain('<title>Agora</title>');
  const preloads = [
    ...html.matchAll(/<link rel="preload" as="fetch" crossorigin href="([^"]+)">/g),
  ].map((m) => m[1] ?? '');
  const block = /<script type="application\/json" id="agora-page-answers">(.*?)<\/script>/s.exec(
    html,
  );
  const answers = block ? (JSON.parse(block[1] ?? '') as Record<string, unknown>) : {};
  return { html, preloads, answers };
}

describe('the page carries the answers to the reads its script will start', () => {
  it('answers each read of a discussion page as the API answers this visitor', async () => {
    const { visitor } = await serverWithPage();
    const reader = visitor();
    const api = `/api/discussions/${SLUG}`;
    const thread = await page(reader, `/discussions/${SLUG}`);
    expect(Object.keys(thread.answers)).toEqual([
      '/api/session',
      api,
      `${api}/comments?limit=50`,
      `${api}/resources`,
      `${api}/campaigns`,
    ]);
    expect(thread.preloads).toEqual([]);
    for (const [read, answer] of Object.entries(thread.answers)) {
      expect(answer).toEqual(await (await reader.call(read)).json());
    }

    expect(Object.keys((await page(reader, '/')).answers)).toEqual([
      '/api/session',
      '/api/discussions',
    ]);
    expect(Object.keys((await page(reader, `/discussions/${SLUG}/resources`)).answers)).toEqual([
      '/api/session',
      api,
      `${api}/resources?sort=newest`,
    ]);
    expect(Object.keys((await page(reader, `/discussions/${SLUG}/digest`)).answers)).toEqual([
      '/api/session',
      api,
      `${api}/digest`,
    ]);
  });

  it('answers as the visitor is: signed in or not', async () => {
    const { visitor } = await serverWithPage();
    const moderator = visitor();
    await moderator.signIn(MODERATOR);
    const signedIn = await page(moderator, `/discussions/${SLUG}`);
    expect(signedIn.answers['/api/session']).toMatchObject({
      user: { id: 'u-moderator', role: 'moderator' },
    });
    const anonymous = await page(visitor(), `/discussions/${SLUG}`);
    expect(anonymous.answers['/api/session']).toEqual({ user: null });
  });

  it('keeps what participants wrote inside its data block, whatever they wrote', async () => {
    const { visitor } = await serverWithPage();
    const moderator = visitor();
    await moderator.signIn(MODERATOR);
    const body = 'Close it: </script><script>alert(1)</script> <!-- and -->';
    const posted = await moderator.call(`/api/discussions/${SLUG}/comments`, { json: { body } });
    expect(posted.status).toBe(201);
    const { html, answers } = await page(visitor(), `/discussions/${SLUG}`);
    expect(html).not.toContain('<script>alert(1)');
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    const comments = answers[`/api/discussions/${SLUG}/comments?limit=50`] as {
      comments: { body: string }[];
    };
    expect(comments.comments.map((c) => c.body)).toContain(body);
  });

  it('leaves what it cannot answer to the script, and guesses at nothing it cannot know', async () => {
    const { visitor } = await serverWithPage();
    const reader = visitor();
    const gone = await page(reader, '/discussions/no-such-discussion');
    const api = '/api/discussions/no-such-discussion';
    expect(Object.keys(gone.answers)).toEqual(['/api/session']);
    expect(gone.preloads).toEqual([
      api,
      `${api}/comments?limit=50`,
      `${api}/resources`,
      `${api}/campaigns`,
    ]);
    // Filters chosen in the address, the form for a new discussion, another page.
    const filtered = await page(reader, `/discussions/${SLUG}/resources?kind=report`);
    expect(Object.keys(filtered.answers)).toEqual(['/api/session', `/api/discussions/${SLUG}`]);
    for (const path of ['/discussions/new', '/discussions/Not%20a%20slug', '/moderation']) {
      expect(Object.keys((await page(reader, path)).answers)).toEqual(['/api/session']);
    }
  });
});

describe('the page names the code it loads once routed', () => {
  const MANIFEST = {
    'index.html': { file: 'assets/index-Ab12Cd34.js', isEntry: true, imports: ['_shared.js'] },
    '_shared.js': { file: 'assets/shared-Ef56Gh78.js' },
    'src/app/routes/digest.tsx': {
      file: 'assets/digest-Ij90Kl12.js',
      imports: ['index.html', '_shared.js', '_dates.js'],
    },
    '_dates.js': { file: 'assets/dates-Mn34Op56.js' },
  };
  const modulePreloads = (html: string) =>
    [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((m) => m[1]);

  async function serverWithManifest() {
    const dir = fakeClient();
    writeFileSync(
      join(dir, 'index.html'),
      PAGE.replace(
        '</head>',
        '<script type="module" src="/assets/index-Ab12Cd34.js"></script></head>',
      ),
    );
    mkdirSync(join(dir, '.vite'));
    writeFileSync(join(dir, '.vite', 'manifest.json'), JSON.stringify(MANIFEST));
    const { server, visitor } = await startOn(tempDir(), { clientDir: dir });
    return { base: server.url, visitor };
  }

  it("preloads a lazy page's chunk and what it imports, and nothing the page has already", async () => {
    const { visitor } = await serverWithManifest();
    const reader = visitor();
    const digest = await page(reader, `/discussions/${SLUG}/digest`);
    expect(modulePreloads(digest.html)).toEqual([
      '/assets/digest-Ij90Kl12.js',
      '/assets/shared-Ef56Gh78.js',
      '/assets/dates-Mn34Op56.js',
    ]);
    // The discussion's own page is in the main script; an unknown page has no code of its own.
    expect(modulePreloads((await page(reader, `/discussions/${SLUG}`)).html)).toEqual([]);
    expect(modulePreloads((await page(reader, '/no-such-page')).html)).toEqual([]);
  });

  it("names the router's lazy routes as they are", () => {
    const router = readFileSync('src/app/router.tsx', 'utf8');
    const lazy = [...router.matchAll(/import\('\.\/routes\/([a-z-]+)'\)/g)].map(
      (m) => `src/app/routes/${m[1]}.tsx`,
    );
    expect([...LAZY_ROUTE_MODULES].sort()).toEqual([...new Set(lazy)].sort());
  });

  it('never hands out the manifest itself', async () => {
    const { visitor } = await serverWithManifest();
    const response = await visitor().call('/.vite/manifest.json');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('digest');
  });
});
