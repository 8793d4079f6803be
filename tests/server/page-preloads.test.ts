import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SLUG, fakeClient, startOn, tempDir } from './harness';

const PAGE = '<!doctype html><html><head><title>Agora</title></head><body></body></html>';

async function serverWithPage() {
  const dir = fakeClient();
  writeFileSync(join(dir, 'index.html'), PAGE);
  const { server } = await startOn(tempDir(), { clientDir: dir });
  return server.url;
}

/** The addresses a page asks the browser to preload, in order. */
async function preloads(base: string, path: string): Promise<string[]> {
  const response = await fetch(`${base}${path}`, { headers: { 'Accept-Encoding': 'br' } });
  expect(response.status).toBe(200);
  expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
  expect(response.headers.get('Cache-Control')).toBe('no-cache');
  const html = await response.text();
  expect(html).toContain('<title>Agora</title>');
  return [...html.matchAll(/<link rel="preload" as="fetch" crossorigin href="([^"]+)">/g)].map(
    (m) => m[1] ?? '',
  );
}

describe('the page names the reads its script will start', () => {
  it('preloads each read of a discussion page, and each answers', async () => {
    const base = await serverWithPage();
    const api = `/api/discussions/${SLUG}`;
    const reads = await preloads(base, `/discussions/${SLUG}`);
    expect(reads).toEqual([
      '/api/session',
      api,
      `${api}/comments?limit=50`,
      `${api}/resources`,
      `${api}/campaigns`,
    ]);
    for (const read of reads) expect((await fetch(`${base}${read}`)).status).toBe(200);

    expect(await preloads(base, '/')).toEqual(['/api/session', '/api/discussions']);
    expect(await preloads(base, `/discussions/${SLUG}/resources`)).toEqual([
      '/api/session',
      api,
      `${api}/resources?sort=newest`,
    ]);
    expect(await preloads(base, `/discussions/${SLUG}/digest`)).toEqual([
      '/api/session',
      api,
      `${api}/digest`,
    ]);
  });

  it('guesses at nothing it cannot know', async () => {
    const base = await serverWithPage();
    // Filters chosen in the address, the form for a new discussion, another page.
    expect(await preloads(base, `/discussions/${SLUG}/resources?kind=report`)).toEqual([
      '/api/session',
      `/api/discussions/${SLUG}`,
    ]);
    expect(await preloads(base, '/discussions/new')).toEqual(['/api/session']);
    expect(await preloads(base, '/discussions/Not%20a%20slug')).toEqual(['/api/session']);
    expect(await preloads(base, '/moderation')).toEqual(['/api/session']);
  });
});
