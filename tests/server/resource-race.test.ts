import { describe, expect, it } from 'vitest';
import { MODERATOR, PARTICIPANT, SLUG, startOn, tempDir } from './harness';

describe('one resource per address, on PostgreSQL', { timeout: 60_000 }, () => {
  it('lets one of two people sharing the same address at the same moment through, every time', async () => {
    const { visitor } = await startOn(tempDir(), { engine: 'postgres' });
    const amina = visitor();
    const moderator = visitor();
    await amina.signIn(PARTICIPANT);
    await moderator.signIn(MODERATOR);
    const share = (who: typeof amina, url: string) =>
      who.call(`/api/discussions/${SLUG}/resources`, {
        json: { url, title: 'A toolkit for campaigners', kind: 'tool' },
      });

    // Fewer rounds than the sharing limit of one account allows.
    for (let round = 0; round < 8; round++) {
      const url = `https://example.org/toolkit-${round}`;
      const answers = await Promise.all([share(amina, url), share(moderator, url)]);
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses, `round ${round}`).toEqual([201, 409]);
      const refused = answers.find((a) => a.status === 409);
      expect(await refused?.json()).toMatchObject({ error: { code: 'duplicate' } });
    }
  });
});
