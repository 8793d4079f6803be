/**
 * The participation rules as plain functions over a store: what a real server
 * would enforce whatever the interface shows.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { FLAG_HIDE_REASON, type EntryStatus } from '../src/api/contract';
import { listCampaigns } from '../mocks/rules/campaigns';
import { createComment, updateComment, withdrawComment } from '../mocks/rules/comments';
import { RuleError, type Ctx } from '../mocks/rules/core';
import { flagEntry } from '../mocks/rules/flags';
import { createResource, listResources, normaliseUrl } from '../mocks/rules/resources';
import { listComments } from '../mocks/rules/thread';
import { seedStore, type Store } from '../mocks/store';
import { SEED_SLUG, addParticipant, ctxAs, seedDiscussion } from './support';

let store: Store;
const amina = () => ctxAs(store, 'u-amina');
const moderator = () => ctxAs(store, 'u-moderator');
const reader = () => ctxAs(store, null);

/** Runs a rule that must refuse, and returns how. */
function refusal(run: () => unknown): RuleError {
  try {
    run();
  } catch (error) {
    if (error instanceof RuleError) return error;
    throw error;
  }
  throw new Error('The rule did not refuse.');
}

const resource = (url: string, title = 'A guide') => ({ url, title, kind: 'report' });

/** What a moderator's decision would do, until the moderation rules are used here. */
function setStatus(kind: 'comment' | 'resource', id: string, status: EntryStatus) {
  const entry = (kind === 'comment' ? store.comments : store.resources).find((e) => e.id === id);
  if (!entry) throw new Error(`No ${kind} ${id}.`);
  entry.status = status;
}

/** Three more participants, each signed in. */
const threeParticipants = () =>
  ['Ana', 'Ben', 'Cleo'].map((n) => ctxAs(store, addParticipant(n, { store }).id)) as [Ctx, Ctx, Ctx];

beforeEach(() => {
  store = seedStore();
});

describe('posting a comment', () => {
  it('needs a session', () => {
    const e = refusal(() => createComment(reader(), SEED_SLUG, { body: 'Hello there' }));
    expect(e.status).toBe(401);
  });

  it('keeps the text and cooks it safely, waiting for a moderator', () => {
    const c = createComment(amina(), SEED_SLUG, {
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

  it('is seen by its author and the moderators only while it waits', () => {
    const c = createComment(amina(), SEED_SLUG, { body: 'Waiting for a moderator' });
    const ids = (ctx: Ctx) => listComments(ctx, SEED_SLUG, {}).comments.map((x) => x.id);
    expect(ids(amina())).toContain(c.id);
    expect(ids(moderator())).toContain(c.id);
    expect(ids(reader())).not.toContain(c.id);
    const other = addParticipant('Bea Otieno', { store });
    expect(ids(ctxAs(store, other.id))).not.toContain(c.id);
  });

  it('checks the length after trimming and names the field', () => {
    expect(refusal(() => createComment(amina(), SEED_SLUG, { body: '  a  ' })).fields).toEqual({
      body: 'Write at least 2 characters.',
    });
    const e = refusal(() => createComment(amina(), SEED_SLUG, { body: 'x'.repeat(10_001) }));
    expect(e.status).toBe(400);
    expect(e.fields?.body).toBe('Keep it under 10,000 characters.');
    expect(
      createComment(amina(), SEED_SLUG, { body: ` ${'x'.repeat(10_000)} ` }).body,
    ).toHaveLength(10_000);
  });

  it('is refused in a closed discussion', () => {
    seedDiscussion(store).status = 'closed';
    const e = refusal(() => createComment(amina(), SEED_SLUG, { body: 'Too late?' }));
    expect([e.status, e.code, e.message]).toEqual([
      409,
      'discussion_closed',
      'This discussion is closed.',
    ]);
  });

  it('is refused in a discussion whose scheduled closing has passed', () => {
    seedDiscussion(store).closesAt = '2020-01-01T00:00:00.000Z';
    expect(refusal(() => createComment(amina(), SEED_SLUG, { body: 'Too late?' })).status).toBe(
      409,
    );
  });
});

describe('replies', () => {
  it('nest under a published comment, up to the third level, then join it', () => {
    const ctx = moderator(); // published at once, so each can be replied to
    const l1 = createComment(ctx, SEED_SLUG, { body: 'Level one', parentId: 'c-original-1' });
    const l2 = createComment(ctx, SEED_SLUG, { body: 'Level two', parentId: l1.id });
    const l3 = createComment(ctx, SEED_SLUG, { body: 'Level three', parentId: l2.id });
    expect([l1.depth, l2.depth, l3.depth]).toEqual([1, 2, 2]);
    expect(l3.parentId).toBe(l2.id);

    const order = listComments(reader(), SEED_SLUG, {}).comments.map((c) => c.id);
    const at = order.indexOf('c-original-1');
    expect(order.slice(at, at + 4)).toEqual(['c-original-1', l1.id, l2.id, l3.id]);
  });

  it('only answer a published comment of the same discussion', () => {
    const pending = createComment(amina(), SEED_SLUG, { body: 'Not yet published' });
    for (const parentId of [pending.id, 'c-nowhere']) {
      const e = refusal(() => createComment(amina(), SEED_SLUG, { body: 'A reply', parentId }));
      expect(e.status).toBe(400);
      expect(e.fields?.parentId).toBe('You can only reply to a published comment.');
    }
  });
});

describe('approval modes', () => {
  it("'all' moderates every participant entry", () => {
    const first = createComment(amina(), SEED_SLUG, { body: 'First' });
    setStatus('comment', first.id, 'published');
    expect(createComment(amina(), SEED_SLUG, { body: 'Second' }).status).toBe('pending');
  });

  it("'first' moderates only until the person has a published entry here", () => {
    seedDiscussion(store).approvalMode = 'first';
    const first = createComment(amina(), SEED_SLUG, { body: 'First' });
    expect(first.status).toBe('pending');
    expect(createComment(amina(), SEED_SLUG, { body: 'Still waiting' }).status).toBe('pending');
    setStatus('comment', first.id, 'published');
    expect(createComment(amina(), SEED_SLUG, { body: 'Second' }).status).toBe('published');
    expect(createResource(amina(), SEED_SLUG, resource('https://example.org/a')).status).toBe(
      'published',
    );
  });

  it("'none' publishes at once", () => {
    seedDiscussion(store).approvalMode = 'none';
    expect(createComment(amina(), SEED_SLUG, { body: 'Straight in' }).status).toBe('published');
  });

  it("publishes moderators' own entries at once", () => {
    expect(createComment(moderator(), SEED_SLUG, { body: 'From the team' }).status).toBe(
      'published',
    );
    expect(createResource(moderator(), SEED_SLUG, resource('https://example.org')).status).toBe(
      'published',
    );
  });
});

describe('editing and withdrawing', () => {
  it('lets the author change a pending comment, re-cooking it', () => {
    const c = createComment(amina(), SEED_SLUG, { body: 'Frist draft' });
    const edited = updateComment(amina(), c.id, { body: 'First *draft*' });
    expect(edited.body).toBe('First *draft*');
    expect(edited.html).toContain('<em>draft</em>');
    expect(edited.editedAt).not.toBeNull();
  });

  it("refuses someone else's comment with 403, and a hidden one with 404", () => {
    const bea = addParticipant('Bea Otieno', { store });
    const mine = createComment(moderator(), SEED_SLUG, { body: 'Published at once' });
    expect(refusal(() => updateComment(amina(), mine.id, { body: 'Mine now' })).status).toBe(403);
    expect(refusal(() => withdrawComment(amina(), mine.id)).status).toBe(403);
    expect(refusal(() => updateComment(amina(), 'c-original-1', { body: 'Mine now' })).status).toBe(
      403,
    );
    // Another participant's pending comment is not even there for Amina.
    const beas = createComment(ctxAs(store, bea.id), SEED_SLUG, { body: 'Bea waits' });
    expect(refusal(() => updateComment(amina(), beas.id, { body: 'Mine now' })).status).toBe(404);
  });

  it('refuses once a moderator has decided, and checks the length', () => {
    const c = createComment(amina(), SEED_SLUG, { body: 'Will be published' });
    expect(refusal(() => updateComment(amina(), c.id, { body: 'x' })).fields?.body).toBeDefined();
    setStatus('comment', c.id, 'published');
    expect(refusal(() => updateComment(amina(), c.id, { body: 'Changed' })).status).toBe(409);
    expect(refusal(() => withdrawComment(amina(), c.id)).status).toBe(409);
  });

  it('takes a withdrawn comment out of everyone’s thread', () => {
    const c = createComment(amina(), SEED_SLUG, { body: 'Changed my mind' });
    withdrawComment(amina(), c.id);
    expect(listComments(amina(), SEED_SLUG, {}).comments.map((x) => x.id)).not.toContain(c.id);
    expect(listComments(moderator(), SEED_SLUG, {}).comments.map((x) => x.id)).not.toContain(c.id);
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
  ])('refuses %j with a clear message on the address', (url) => {
    const e = refusal(() => createResource(amina(), SEED_SLUG, resource(url)));
    expect(e.status).toBe(400);
    expect(e.fields?.url).toBe('Use an address that starts with http:// or https://.');
  });

  it('waits for moderation, needs a session, and is refused in a closed discussion', () => {
    const r = createResource(amina(), SEED_SLUG, resource('https://example.org/guide'));
    expect(r.status).toBe('pending');
    expect(r.url).toBe('https://example.org/guide');
    expect(listResources(reader(), SEED_SLUG, {}).resources.map((x) => x.id)).not.toContain(r.id);
    expect(
      refusal(() => createResource(reader(), SEED_SLUG, resource('https://a.org'))).status,
    ).toBe(401);
    seedDiscussion(store).status = 'closed';
    expect(refusal(() => createResource(amina(), SEED_SLUG, resource('https://b.org'))).code).toBe(
      'discussion_closed',
    );
  });

  it('refuses an address already shared here, pointing to the existing entry', () => {
    const first = createResource(amina(), SEED_SLUG, resource('https://example.org/guide/'));
    const e = refusal(() =>
      createResource(amina(), SEED_SLUG, resource('HTTPS://EXAMPLE.org/guide#part-2', 'Again')),
    );
    expect([e.status, e.code]).toEqual([409, 'duplicate']);
    expect(e.details).toEqual({ resourceId: first.id, visible: true });
    expect(e.message).toBe('This address was already shared in this discussion as “A guide”.');

    // Someone else cannot see the pending entry, so it is not named to them.
    const bea = addParticipant('Bea Otieno', { store });
    const theirs = refusal(() =>
      createResource(ctxAs(store, bea.id), SEED_SLUG, resource('https://example.org/guide')),
    );
    expect(theirs.details).toEqual({ resourceId: first.id, visible: false });
    expect(theirs.message).not.toContain('A guide');

    // Once rejected, the address is free again.
    setStatus('resource', first.id, 'rejected');
    expect(createResource(amina(), SEED_SLUG, resource('https://example.org/guide')).id).not.toBe(
      first.id,
    );
  });

  it('validates title, kind and description', () => {
    const e = refusal(() =>
      createResource(amina(), SEED_SLUG, {
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

  it('are taken once per person, on published entries, never on one’s own', () => {
    expect(flag(amina())).toEqual({ flagged: true });
    const again = refusal(() => flag(amina()));
    expect([again.status, again.code]).toEqual([409, 'conflict']);
    expect(refusal(() => flag(reader())).status).toBe(401);

    const mine = createComment(amina(), SEED_SLUG, { body: 'My own words' });
    expect(refusal(() => flag(moderator(), mine.id)).status).toBe(409); // still pending
    setStatus('comment', mine.id, 'published');
    expect(refusal(() => flag(amina(), mine.id)).status).toBe(403);

    const other = refusal(() =>
      flagEntry(amina(), 'resource', 'r-original-1', { reason: 'other', note: '' }),
    );
    expect(other.fields).toEqual({ note: 'Say what is wrong.' });
  });

  it('hide an entry once three different people have flagged it', () => {
    const [a, b, c] = threeParticipants();
    flag(a);
    flag(b);
    expect(store.comments.find((x) => x.id === 'c-original-1')?.status).toBe('published');
    flag(c);
    const hidden = store.comments.find((x) => x.id === 'c-original-1');
    expect(hidden?.status).toBe('hidden');
    expect(hidden?.moderationReason).toBe(FLAG_HIDE_REASON);
    const shown = listComments(reader(), SEED_SLUG, {}).comments.find(
      (x) => x.id === 'c-original-1',
    );
    expect(shown).toMatchObject({ status: 'hidden', body: '', moderationReason: FLAG_HIDE_REASON });
  });

  it('count only open flags towards hiding', () => {
    const [a, b, c] = threeParticipants();
    flag(a);
    flag(b);
    for (const f of store.flags) f.open = false; // a moderator dismissed them
    flag(c);
    expect(store.comments.find((x) => x.id === 'c-original-1')?.status).toBe('published');
  });
});

describe('campaigns', () => {
  it('count hashtags of published comments only', () => {
    const count = (tag: string) =>
      listCampaigns(reader(), SEED_SLUG).campaigns.find((c) => c.tag === tag)?.commentCount ?? 0;
    createComment(amina(), SEED_SLUG, { body: 'Pending #NiUnaMenos' });
    expect(count('niunamenos')).toBe(0);
    createComment(moderator(), SEED_SLUG, { body: 'Published #NiUnaMenos #ÖzgecanAslan #5thwcw' });
    expect(count('niunamenos')).toBe(1);
    expect(count('5thwcw')).toBe(1);
    expect(count('özgecanaslan')).toBe(1);
    expect(listCampaigns(reader(), SEED_SLUG).campaigns.filter((c) => c.original)).toHaveLength(6);
  });
});
