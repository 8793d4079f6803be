/**
 * Over a socket: a discussion's dates mean something. Before its first day it
 * refuses comments and resources with `not_open` and says when it opens; its last
 * day schedules its closing at 23:59:59 UTC, which follows the end date until a
 * moderator chooses another time. The seeded 2015 discussion says why it is open.
 */
import { describe, expect, it } from 'vitest';
import type { Discussion } from '../../src/api/contract';
import { ENGINES, MODERATOR, PARTICIPANT, SLUG, startOn, tempDir } from './harness';

const DAY = 24 * 60 * 60 * 1000;
/** The UTC day `days` from today, as YYYY-MM-DD. */
const day = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

async function forum(engine: (typeof ENGINES)[number]) {
  const { visitor } = await startOn(tempDir(), { engine });
  const moderator = visitor();
  await moderator.signIn(MODERATOR);
  const amina = visitor();
  await amina.signIn(PARTICIPANT);
  const create = async (startsOn: string, endsOn: string) => {
    const answer = await moderator.call('/api/discussions', {
      json: {
        title: `Dates from ${startsOn}`,
        introduction: 'About dates.',
        organiser: 'Agora',
        startsOn,
        endsOn,
      },
    });
    expect(answer.status).toBe(201);
    return (await answer.json()) as Discussion;
  };
  return { moderator, amina, create };
}

describe.each(ENGINES)('the dates of a discussion, on %s', (engine) => {
  it('refuses entries before its first day, saying when it opens, and keeps nothing', async () => {
    const { amina, create } = await forum(engine);
    const ahead = await create(day(30), day(40));
    expect(ahead.opensAt).toBe(`${day(30)}T00:00:00.000Z`);

    const comment = await amina.call(`/api/discussions/${ahead.slug}/comments`, {
      json: { body: 'Too early' },
    });
    expect(comment.status).toBe(409);
    const refusal = (await comment.json()) as {
      error: { code: string; message: string; details: { opensAt: string } };
    };
    expect(refusal.error.code).toBe('not_open');
    expect(refusal.error.message).toMatch(/^This discussion opens on \d+ \w+ \d{4} at 00:00 UTC/);
    expect(refusal.error.details.opensAt).toBe(ahead.opensAt);

    const resource = await amina.call(`/api/discussions/${ahead.slug}/resources`, {
      json: { url: 'https://example.org/early', title: 'Early', kind: 'report' },
    });
    expect(resource.status).toBe(409);
    expect(((await resource.json()) as { error: { code: string } }).error.code).toBe('not_open');

    const thread = await amina.call(`/api/discussions/${ahead.slug}/comments`);
    expect(((await thread.json()) as { total: number }).total).toBe(0);

    const today = await create(day(0), day(3));
    const posted = await amina.call(`/api/discussions/${today.slug}/comments`, {
      json: { body: 'On the first day' },
    });
    expect(posted.status).toBe(201);
  });

  it('closes at the end of its last day, following the end date until a moderator chooses', async () => {
    const { moderator, create } = await forum(engine);
    const d = await create(day(1), day(10));
    expect(d.closesAt).toBe(`${day(10)}T23:59:59.000Z`);

    const patch = async (body: object) => {
      const answer = await moderator.call(`/api/discussions/${d.slug}`, {
        method: 'PATCH',
        json: body,
      });
      expect(answer.status).toBe(200);
      return (await answer.json()) as Discussion;
    };
    expect((await patch({ endsOn: day(12) })).closesAt).toBe(`${day(12)}T23:59:59.000Z`);

    const chosen = `${day(5)}T12:00:00.000Z`;
    expect((await patch({ closesAt: chosen })).closesAt).toBe(chosen);
    expect((await patch({ endsOn: day(14) })).closesAt).toBe(chosen);

    const past = await create(day(-10), day(-2));
    expect(past.closesAt).toBeNull();
  });

  it('says on the seeded 2015 discussion that it was reopened so people can try Agora', async () => {
    const { amina } = await forum(engine);
    const seeded = (await (await amina.call(`/api/discussions/${SLUG}`)).json()) as Discussion;
    expect(seeded.note).toMatch(/reopened so that people can try Agora/);
    expect(seeded.introduction).not.toMatch(/Agora/);
  });
});
