import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { createMemoryBackend } from '../../src/server/memory';

describe('the backend app on SQLite in memory', () => {
  it('lists the seeded discussion and signs in a demo account', async () => {
    const memory = await createMemoryBackend();
    const app = createApp(memory.backend);
    const list = await app.request('/api/discussions');
    expect(list.status).toBe(200);
    const body = (await list.json()) as { discussions: { slug: string; counts: unknown }[] };
    expect(body.discussions[0]?.counts).toEqual({ comments: 6, resources: 4 });
    const signIn = await app.request('/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'amina@example.org', password: 'demo-participant' }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
    const me = await app.request('/api/session', { headers: { Cookie: cookie } });
    expect(await me.json()).toEqual({
      user: { id: 'u-amina', displayName: 'Amina Diallo', organisation: null, role: 'participant' },
    });
    expect((await app.request('/api/nothing')).status).toBe(404);
  });
});
