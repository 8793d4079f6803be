/**
 * The participation rules as plain functions over the database: what a real
 * server would enforce whatever the interface shows.
 */
import { describe, expect, it } from 'vitest';
import { FLAG_HIDE_REASON, type EntryStatus } from '../src/api/contract';
import { listCampaigns } from '../src/server/rules/campaigns';
import { createComment, updateComment, withdrawComment } from '../src/server/rules/comments';
import { RuleError, type Ctx } from '../src/server/rules/core';
import { flagEntry } from '../src/server/rules/flags';
import { createResource, listResources, normaliseUrl } from '../src/server/rules/resources';
import { listComments } from '../src/server/rules/thread';
import { findCommentRow } from '../src/server/store/comments';
import { changeStatus } from '../src/server/store/entries';
import { findResourceRow } from '../src/server/store/resources';
import {
  AMINA,
  SEED_SLUG,
  addComment,
  addParticipant,
  api,
  ctxAs,
  signInAs,
  testDb,
  updateSeedDiscussion,
} from './support';

const amina = () => ctxAs('u-amina');
const moderator = () => ctxAs('u-moderator');
const reader = () => ctxAs(null);

/** Runs a rule that must refuse, and returns how. */
async function refusal(run: () => Promise<unknown>): Promise<RuleError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof RuleError) return error;
    throw error;
  }
  throw new Error('The rule did not refuse.');
}

const resource = (url: string, title = 'A guide') => ({ url, title, kind: 'report' });

/** What a moderator's decision would do, until the moderation rules are used here. */
async function setStatus(kind: 'comment' | 'resource', id: string, status: EntryStatus) {
  const db = testDb();
  const entry = kind === 'comment' ? await findCommentRow(db, id) : await findResourceRow(db, id);
  if (!entry) throw new Error(`No ${kind} ${id}.`);
  await changeStatus(db, kind, id, entry.status, status, null);
}

/** Three more participants, each signed in. */
const threeParticipants = async () => {
  const contexts: Ctx[] = [];
  for (const n of ['Ana', 'Ben', 'Cleo']) contexts.push(await ctxAs((await addParticipant(n)).id));
  return contexts as [Ctx, Ctx, Ctx];
};

const commentRow = (id: string) => findCommentRow(testDb(), id);

describe('posting a comment', () => {
  it('needs a session', async () => {
    const e = await refusal(async () =>
      createComment(await reader(), SEED_SLUG, { body: 'Hello there' }),
    );
    expect(e.status).toBe(401);
  });

  it('keeps the text and cooks it safely, waiting for a moderator', async () => {
    const c = await createComment(await amina(), SEED_SLUG, {
      body: '  Read **this** <script>alert(1)</script> https://example.org #HeForShe  ',
    });
    expect(c.status).toBe('pending');
    expect(c.body).toBe('Read **this** <script>alert(1)</script> https://example.org #HeForShe');
    expect(c.html).toContain('<strong>this</strong>');
    expect(c.html).toContain('&lt;script&gt;');
    expect(c.html).not.toContain('<script>');
    expect(c.html).toContain('rel="nofollow ugc noopener"');
    expect(c.hashtags).toEqual(['HeForShe']);
    expect(c.author.name).toBe('Amina Diallo');
    expect(c.viewer).toMatchObject({ canEdit: true, canWithdraw: true, canFlag: false });
  });

  it('is seen by its author and the moderators only while it waits', async () => {
    const c = await createComment(await amina(), SEED_SLUG, { body: 'Waiting for a moderator' });
    const ids = async (ctx: Promise<Ctx>) =>
      (await listComments(await ctx, SEED_SLUG, {})).comments.map((x) => x.id);
    expect(await ids(amina())).toContain(c.id);
    expect(await ids(moderator())).toContain(c.id);
    expect(await ids(reader())).not.toContain(c.id);
    const other = await addParticipant('Bea Otieno');
    expect(await ids(ctxAs(other.id))).not.toContain(c.id);
  });

  it('checks the length after trimming and names the field', async () => {
    expect(
      (await refusal(async () => createComment(await amina(), SEED_SLUG, { body: '  a  ' })))
        .fields,
    ).toEqual({ body: 'Write at least 2 characters.' });
    const e = await refusal(async () =>
      createComment(await amina(), SEED_SLUG, { body: 'x'.repeat(10_001) }),
    );
    expect(e.status).toBe(400);
    expect(e.fields?.body).toBe('Keep it under 10,000 characters.');
    expect(
      (await createComment(await amina(), SEED_SLUG, { body: ` ${'x'.repeat(10_000)} ` })).body,
    ).toHaveLength(10_000);
  });

  it('is refused in a closed discussion', async () => {
    await updateSeedDiscussion({ status: 'closed' });
    const e = await refusal(async () =>
      createComment(await amina(), SEED_SLUG, { body: 'Too late?' }),
    );
    expect([e.status, e.code, e.message]).toEqual([
      409,
      'discussion_closed',
      'This discussion is closed.',
    ]);
  });

  it('is refused in a discussion whose scheduled closing has passed', async () => {
    // Scheduled closings are applied as each request starts, so this one goes through the API.
    await updateSeedDiscussion({ closes_at: '2020-01-01T00:00:00.000Z' });
    await signInAs(AMINA);
    const refused = await api(`/discussions/${SEED_SLUG}/comments`, 'POST', { body: 'Too late?' });
    expect(refused.status).toBe(409);
  });
});

describe('replies', () => {
  it('nest under a published comment, up to the third level, then join it', async () => {
    const ctx = await moderator(); // published at once, so each can be replied to
    const l1 = await createComment(ctx, SEED_SLUG, { body: 'Level one', parentId: 'c-original-1' });
    const l2 = await createComment(ctx, SEED_SLUG, { body: 'Level two', parentId: l1.id });
    const l3 = await createComment(ctx, SEED_SLUG, { body: 'Level three', parentId: l2.id });
    expect([l1.depth, l2.depth, l3.depth]).toEqual([1, 2, 2]);
    expect(l3.parentId).toBe(l2.id);

    const order = (await listComments(await reader(), SEED_SLUG, {})).comments.map((c) => c.id);
    const at = order.indexOf('c-original-1');
    expect(order.slice(at, at + 4)).toEqual(['c-original-1', l1.id, l2.id, l3.id]);
  });

  it('only answer a published comment of the same discussion', async () => {
    const pending = await createComment(await amina(), SEED_SLUG, { body: 'Not yet published' });
    for (const parentId of [pending.id, 'c-nowhere']) {
      const e = await refusal(async () =>
        createComment(await amina(), SEED_SLUG, { body: 'A reply', parentId }),
      );
      expect(e.status).toBe(400);
      expect(e.fields?.parentId).toBe('You can only reply to a published comment.');
    }
  });
});

describe('approval modes', () => {
  it("'all' moderates every participant entry", async () => {
    const first = await createComment(await amina(), SEED_SLUG, { body: 'First' });
    await setStatus('comment', first.id, 'published');
    expect((await createComment(await amina(), SEED_SLUG, { body: 'Second' })).status).toBe(
      'pending',
    );
  });

  it("'first' moderates only until the person has a published entry here", async () => {
    await updateSeedDiscussion({ approval_mode: 'first' });
    const first = await createComment(await amina(), SEED_SLUG, { body: 'First' });
    expect(first.status).toBe('pending');
    expect((await createComment(await amina(), SEED_SLUG, { body: 'Still waiting' })).status).toBe(
      'pending',
    );
    await setStatus('comment', first.id, 'published');
    expect((await createComment(await amina(), SEED_SLUG, { body: 'Second' })).status).toBe(
      'published',
    );
    expect(
      (await createResource(await amina(), SEED_SLUG, resource('https://example.org/a'))).status,
    ).toBe('published');
  });

  it("'none' publishes at once", async () => {
    await updateSeedDiscussion({ approval_mode: 'none' });
    expect((await createComment(await amina(), SEED_SLUG, { body: 'Straight in' })).status).toBe(
      'published',
    );
  });

  it("publishes moderators' own entries at once", async () => {
    expect(
      (await createComment(await moderator(), SEED_SLUG, { body: 'From the team' })).status,
    ).toBe('published');
    expect(
      (await createResource(await moderator(), SEED_SLUG, resource('https://example.org'))).status,
    ).toBe('published');
  });
});

describe('editing and withdrawing', () => {
  it('lets the author change a pending comment, re-cooking it', async () => {
    const c = await createComment(await amina(), SEED_SLUG, { body: 'Frist draft' });
    const edited = await updateComment(await amina(), c.id, { body: 'First *draft*' });
    expect(edited.body).toBe('First *draft*');
    expect(edited.html).toContain('<em>draft</em>');
    expect(edited.editedAt).not.toBeNull();
  });

  it("refuses someone else's comment with 403, and a hidden one with 404", async () => {
    const bea = await addParticipant('Bea Otieno');
    const mine = await createComment(await moderator(), SEED_SLUG, { body: 'Published at once' });
    expect(
      (await refusal(async () => updateComment(await amina(), mine.id, { body: 'Mine now' })))
        .status,
    ).toBe(403);
    expect((await refusal(async () => withdrawComment(await amina(), mine.id))).status).toBe(403);
    expect(
      (
        await refusal(async () =>
          updateComment(await amina(), 'c-original-1', { body: 'Mine now' }),
        )
      ).status,
    ).toBe(403);
    // Another participant's pending comment is not even there for Amina.
    const beas = await createComment(await ctxAs(bea.id), SEED_SLUG, { body: 'Bea waits' });
    expect(
      (await refusal(async () => updateComment(await amina(), beas.id, { body: 'Mine now' })))
        .status,
    ).toBe(404);
  });

  it('refuses once a moderator has decided, and checks the length', async () => {
    const c = await createComment(await amina(), SEED_SLUG, { body: 'Will be published' });
    expect(
      (await refusal(async () => updateComment(await amina(), c.id, { body: 'x' }))).fields?.body,
    ).toBeDefined();
    await setStatus('comment', c.id, 'published');
    expect(
      (await refusal(async () => updateComment(await amina(), c.id, { body: 'Changed' }))).status,
    ).toBe(409);
    expect((await refusal(async () => withdrawComment(await amina(), c.id))).status).toBe(409);
  });

  it('takes a withdrawn comment out of everyone’s thread', async () => {
    const c = await createComment(await amina(), SEED_SLUG, { body: 'Changed my mind' });
    await withdrawComment(await amina(), c.id);
    expect(
      (await listComments(await amina(), SEED_SLUG, {})).comments.map((x) => x.id),
    ).not.toContain(c.id);
    expect(
      (await listComments(await moderator(), SEED_SLUG, {})).comments.map((x) => x.id),
    ).not.toContain(c.id);
  });
});

describe('sharing a resource', () => {
  it.each([
    ['  HTTPS://Example.ORG:443/Report#summary ', 'https://example.org/Report'],
    ['http://example.org:80', 'http://example.org/'],
    ['https://example.org:8443/a?b=1', 'https://example.org:8443/a?b=1'],
  ])('normalises %j to %j', (input, output) => {
    expect(normaliseUrl(input)).toBe(output);
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,hi',
    'ftp://example.org/file',
    'example.org',
    'mailto:someone@example.org',
  ])('refuses %j with a clear message on the address', async (url) => {
    const e = await refusal(async () => createResource(await amina(), SEED_SLUG, resource(url)));
    expect(e.status).toBe(400);
    expect(e.fields?.url).toBe('Use an address that starts with http:// or https://.');
  });

  it('waits for moderation, needs a session, and is refused in a closed discussion', async () => {
    const r = await createResource(await amina(), SEED_SLUG, resource('https://example.org/guide'));
    expect(r.status).toBe('pending');
    expect(r.url).toBe('https://example.org/guide');
    expect(
      (await listResources(await reader(), SEED_SLUG, {})).resources.map((x) => x.id),
    ).not.toContain(r.id);
    expect(
      (
        await refusal(async () =>
          createResource(await reader(), SEED_SLUG, resource('https://a.org')),
        )
      ).status,
    ).toBe(401);
    await updateSeedDiscussion({ status: 'closed' });
    expect(
      (
        await refusal(async () =>
          createResource(await amina(), SEED_SLUG, resource('https://b.org')),
        )
      ).code,
    ).toBe('discussion_closed');
  });

  it('refuses an address already shared here, pointing to the existing entry', async () => {
    const first = await createResource(
      await amina(),
      SEED_SLUG,
      resource('https://example.org/guide/'),
    );
    const e = await refusal(async () =>
      createResource(
        await amina(),
        SEED_SLUG,
        resource('HTTPS://EXAMPLE.org/guide#part-2', 'Again'),
      ),
    );
    expect([e.status, e.code]).toEqual([409, 'duplicate']);
    expect(e.details).toEqual({ resourceId: first.id, visible: true });
    expect(e.message).toBe('This address was already shared in this discussion as “A guide”.');

    // Someone else cannot see the pending entry, so it is not named to them.
    const bea = await addParticipant('Bea Otieno');
    const theirs = await refusal(async () =>
      createResource(await ctxAs(bea.id), SEED_SLUG, resource('https://example.org/guide')),
    );
    expect(theirs.details).toEqual({ resourceId: first.id, visible: false });
    expect(theirs.message).not.toContain('A guide');

    // Once rejected, the address is free again.
    await setStatus('resource', first.id, 'rejected');
    expect(
      (await createResource(await amina(), SEED_SLUG, resource('https://example.org/guide'))).id,
    ).not.toBe(first.id);
  });

  it('validates title, kind and description', async () => {
    const e = await refusal(async () =>
      createResource(await amina(), SEED_SLUG, {
        url: 'https://example.org',
        title: '',
        kind: 'poem',
        description: 'x'.repeat(501),
      }),
    );
    expect(Object.keys(e.fields ?? {}).sort()).toEqual(['description', 'kind', 'title']);
  });
});

describe('flags', () => {
  const flag = (ctx: Ctx, id = 'c-original-1') =>
    flagEntry(ctx, 'comment', id, { reason: 'spam', note: '' });

  it('are taken once per person, on published entries, never on one’s own', async () => {
    expect(await flag(await amina())).toEqual({ flagged: true });
    const again = await refusal(async () => flag(await amina()));
    expect([again.status, again.code]).toEqual([409, 'conflict']);
    expect((await refusal(async () => flag(await reader()))).status).toBe(401);

    const mine = await createComment(await amina(), SEED_SLUG, { body: 'My own words' });
    expect((await refusal(async () => flag(await moderator(), mine.id))).status).toBe(409); // still pending
    await setStatus('comment', mine.id, 'published');
    expect((await refusal(async () => flag(await amina(), mine.id))).status).toBe(403);

    const other = await refusal(async () =>
      flagEntry(await amina(), 'resource', 'r-original-1', { reason: 'other', note: '' }),
    );
    expect(other.fields).toEqual({ note: 'Say what is wrong.' });
  });

  // A participant's published comment: the original ones are featured extracts, which flags never hide.
  const published = async () =>
    (await addComment({ authorId: 'u-amina', body: 'A published comment', status: 'published' }))
      .id;

  it('hide an entry once three different people have flagged it', async () => {
    const id = await published();
    const [a, b, c] = await threeParticipants();
    await flag(a, id);
    await flag(b, id);
    expect((await commentRow(id))?.status).toBe('published');
    await flag(c, id);
    const hidden = await commentRow(id);
    expect(hidden?.status).toBe('hidden');
    expect(hidden?.moderation_reason).toBe(FLAG_HIDE_REASON);
    const shown = (await listComments(await reader(), SEED_SLUG, {})).comments.find(
      (x) => x.id === id,
    );
    expect(shown).toMatchObject({ status: 'hidden', body: '', moderationReason: FLAG_HIDE_REASON });
  });

  it('count only open flags towards hiding', async () => {
    const id = await published();
    const [a, b, c] = await threeParticipants();
    await flag(a, id);
    await flag(b, id);
    await testDb().updateTable('flags').set({ open: 0 }).execute(); // a moderator dismissed them
    await flag(c, id);
    expect((await commentRow(id))?.status).toBe('published');
  });
});

describe('campaigns', () => {
  it('count hashtags of published comments only', async () => {
    const count = async (tag: string) =>
      (await listCampaigns(await reader(), SEED_SLUG)).campaigns.find((c) => c.tag === tag)
        ?.commentCount ?? 0;
    await createComment(await amina(), SEED_SLUG, { body: 'Pending #NiUnaMenos' });
    expect(await count('niunamenos')).toBe(0);
    await createComment(await moderator(), SEED_SLUG, {
      body: 'Published #NiUnaMenos #ÖzgecanAslan #5thwcw',
    });
    expect(await count('niunamenos')).toBe(1);
    expect(await count('5thwcw')).toBe(1);
    expect(await count('özgecanaslan')).toBe(1);
    expect(
      (await listCampaigns(await reader(), SEED_SLUG)).campaigns.filter((c) => c.original),
    ).toHaveLength(6);
  });
});
