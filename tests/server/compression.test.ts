import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseEncoding } from '../../src/server/node/compressed';
import { fakeClient, startOn, tempDir } from './harness';

/** A client build whose script and page are large enough to be worth compressing. */
function bigClient() {
  const dir = fakeClient();
  const script = `console.log(${JSON.stringify('Agora '.repeat(4000))});\n`;
  writeFileSync(join(dir, 'assets', 'app-Zz98Yy76.js'), script);
  const page = `<!doctype html><title>Agora</title>${'<div id="root"></div>'.repeat(100)}`;
  writeFileSync(join(dir, 'index.html'), page);
  return { dir, script, page };
}

const get = (base: string, path: string, encoding?: string) =>
  fetch(`${base}${path}`, {
    headers: encoding === undefined ? {} : { 'Accept-Encoding': encoding },
  });

describe('the built client, compressed', () => {
  it('sends Brotli or gzip as the browser accepts, and the file as it is otherwise', async () => {
    const { dir, script, page } = bigClient();
    // With a trailing slash, as the server's command names the build folder.
    const { server } = await startOn(tempDir(), { clientDir: `${dir}/` });
    const path = '/assets/app-Zz98Yy76.js';

    const br = await get(server.url, path, 'gzip, deflate, br');
    expect(br.headers.get('Content-Encoding')).toBe('br');
    expect(br.headers.get('Vary')).toBe('Accept-Encoding');
    expect(br.headers.get('Content-Type')).toMatch(/^text\/javascript/);
    expect(br.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    // What travels is the compressed copy; fetch hands back the file it decodes.
    expect(Number(br.headers.get('Content-Length'))).toBeLessThan(script.length / 10);
    expect(await br.text()).toBe(script);

    const gzip = await get(server.url, path, 'gzip');
    expect(gzip.headers.get('Content-Encoding')).toBe('gzip');
    expect(Number(gzip.headers.get('Content-Length'))).toBeLessThan(script.length / 10);
    expect(await gzip.text()).toBe(script);

    const plain = await get(server.url, path, 'identity');
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(await plain.text()).toBe(script);

    // The page every app address answers with is compressed too, and still never cached.
    const index = await get(server.url, '/discussions/anything', 'br');
    expect(index.headers.get('Content-Encoding')).toBe('br');
    expect(index.headers.get('Cache-Control')).toBe('private, no-cache');
    expect(await index.text()).toBe(page);
  });

  it('reads Accept-Encoding with its weights', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('br;q=0, gzip;q=0.8')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
  });
});
