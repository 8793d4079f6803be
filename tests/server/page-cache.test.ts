import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { PageCache } from '../../src/server/http/page-cache';
import { createMemoryBackend } from '../../src/server/memory';

const SLUG = 'advancing-womens-rights-through-social-media';

async function setUp() {
  const memory = await createMemoryBackend();
  const cache = new PageCache();
  memory.backend.cache = cache;
  const app = createApp(memory.backend);
  const signIn = await app.request('/api/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'moderator@example.org', password: 'demo-moderator' }),
  });
  const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
  return { app, cookie, cache };
}

const count = async (response: Response) =>
  ((await response.json()) as { counts: { comments: number } }).counts.comments;

describe('answers kept until the next write', () => {
  it('answers 304 to a reader who has the page, and the new page after a write', async () => {
    const { app, cookie } = await setUp();
    const first = await app.request(`/api/discussions/${SLUG}`);
    const etag = first.headers.get('ETag');
    expect(etag).toMatch(/^".+"$/);
    expect(await count(first)).toBe(6);

    const again = await app.request(`/api/discussions/${SLUG}`, {
      headers: { 'If-None-Match': etag ?? '' },
    });
    expect(again.status).toBe(304);

    const posted = await app.request(`/api/discussions/${SLUG}/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: JSON.stringify({ body: 'A moderator’s comment publishes at once.' }),
    });
    expect(posted.status).toBe(201);

    const after = await app.request(`/api/discussions/${SLUG}`, {
      headers: { 'If-None-Match': etag ?? '' },
    });
    expect(after.status).toBe(200);
    expect(after.headers.get('ETag')).not.toBe(etag);
    expect(await count(after)).toBe(7);
  });

  it('keeps each viewer’s answer apart', async () => {
    const { app, cookie } = await setUp();
    const path = `/api/discussions/${SLUG}/comments?limit=1`;
    const reader = (await (await app.request(path)).json()) as {
      comments: { viewer: { canModerate: boolean } }[];
    };
    const moderator = (await (await app.request(path, { headers: { Cookie: cookie } })).json()) as {
      comments: { viewer: { canModerate: boolean } }[];
    };
    expect(reader.comments[0]?.viewer.canModerate).toBe(false);
    expect(moderator.comments[0]?.viewer.canModerate).toBe(true);
  });

  it('keeps no answer for a cookie that names no session, so made-up cookies cannot fill it', async () => {
    const { app, cookie, cache } = await setUp();
    const path = `/api/discussions/${SLUG}/comments?limit=5`;
    const anonymous = await (await app.request(path)).text();
    await app.request(path, { headers: { Cookie: cookie } });
    expect(cache.size).toBe(2);
    for (let i = 0; i < 20; i++) {
      const made = await app.request(path, { headers: { Cookie: `agora_session=made-up-${i}` } });
      expect(made.status).toBe(200);
      // Read as no one's: the same page a signed-out reader gets.
      expect(await made.text()).toBe(anonymous);
    }
    expect(cache.size).toBe(2);
  });
});
