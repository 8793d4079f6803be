/**
 * The moderation rules as plain functions over a seeded store, and the same
 * refusals through HTTP: whatever a page shows, the backend decides.
 */
import { describe, expect, it } from 'vitest';
import { RuleError, toComment, type Ctx } from '../mocks/rules/core';
import { getDigest, updateDigest } from '../mocks/rules/digest';
import { createDiscussion, updateDiscussion } from '../mocks/rules/discussion-admin';
import { decide, decideBatch, getLog, getQueue } from '../mocks/rules/moderation';
import { SEED_SLUG } from '../mocks/seed';
import { seedStore, type Store, type StoredComment } from '../mocks/store';
import type { DecisionBody } from '../src/api/contract';
import { MODERATOR, AMINA, api, signInAs } from './support';

function contexts() {
  const store = seedStore();
  const user = (id: string) => store.users.find((u) => u.id === id) ?? null;
  const at = (now: Date, viewer: Ctx['viewer']): Ctx => ({ store, viewer, now });
  const now = new Date('2026-03-01T12:00:00Z');
  return {
    store,
    moderator: at(now, user('u-moderator')),
    participant: at(now, user('u-amina')),
    reader: at(now, null),
  };
}

function pending(store: Store, body = 'A new thought on #HeForShe'): StoredComment {
  const c: StoredComment = {
    id: `c-test-${store.comments.length}`,
    discussionSlug: SEED_SLUG,
    parentId: null,
    depth: 0,
    authorId: 'u-amina',
    authorName: 'Amina Diallo',
    authorOrganisation: null,
    body,
    html: `<p>${body}</p>`,
    hashtags: [],
    status: 'pending',
    moderationReason: null,
    featured: false,
    original: false,
    createdAt: '2026-02-01T10:00:00.000Z',
    editedAt: null,
    revisions: [],
  };
  store.comments.push(c);
  return c;
}

function refusal(run: () => unknown): RuleError {
  try {
    run();
  } catch (error) {
    if (error instanceof RuleError) return error;
    throw error;
  }
  throw new Error('The rule did not refuse.');
}

const decision = (c: StoredComment, d: Partial<DecisionBody>): DecisionBody => ({
  kind: 'comment',
  id: c.id,
  action: 'approve',
  expectedStatus: c.status,
  ...d,
});

describe('who may moderate', () => {
  it('refuses readers with 401 and participants with 403, in every rule', () => {
    const { store, participant, reader } = contexts();
    const c = pending(store);
    const calls: ((ctx: Ctx) => unknown)[] = [
      (ctx) => getQueue(ctx, {}),
      (ctx) => decide(ctx, decision(c, {})),
      (ctx) => decideBatch(ctx, { decisions: [decision(c, {})] }),
      (ctx) => getLog(ctx, {}),
      (ctx) =>
        createDiscussion(ctx, {
          title: 'A new discussion',
          introduction: 'Why',
          organiser: 'Us',
          startsOn: '2026-01-01',
          endsOn: '2026-01-02',
        }),
      (ctx) => updateDiscussion(ctx, SEED_SLUG, { status: 'closed' }),
      (ctx) => updateDigest(ctx, SEED_SLUG, { published: false }),
    ];
    for (const call of calls) {
      expect(refusal(() => call(reader)).status).toBe(401);
      expect(refusal(() => call(participant)).status).toBe(403);
    }
    expect(c.status).toBe('pending');
  });

  it('answers 401 and 403 over HTTP too, and changes nothing', async () => {
    const { getStore } = await import('../mocks/db');
    const c = pending(getStore());
    const body = decision(c, {});
    expect((await api('/moderation/decisions', 'POST', body)).status).toBe(401);
    expect((await api('/moderation/queue')).status).toBe(401);
    await signInAs(AMINA);
    const refused = await api('/moderation/decisions', 'POST', body);
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({
      error: { code: 'forbidden', message: 'Only moderators can do this.' },
    });
    expect((await api('/moderation/log')).status).toBe(403);
    expect((await api(`/discussions/${SEED_SLUG}`, 'PATCH', { status: 'closed' })).status).toBe(
      403,
    );
    // A refused request restores the store from a copy, so look the entry up again.
    const status = () => getStore().comments.find((x) => x.id === c.id)?.status;
    expect(status()).toBe('pending');
    await signInAs(MODERATOR);
    expect((await api('/moderation/decisions', 'POST', body)).status).toBe(200);
    expect(status()).toBe('published');
  });
});

describe('decisions', () => {
  it('keeps the original text as a revision on edit and approve, for moderators only', () => {
    const { store, moderator, participant } = contexts();
    const c = pending(store, 'Teh first text');
    const { comment } = decide(
      moderator,
      decision(c, { action: 'edit-approve', body: 'The first text' }),
    );
    expect(comment?.status).toBe('published');
    expect(comment?.body).toBe('The first text');
    expect(comment?.revisions).toEqual([
      {
        body: 'Teh first text',
        editedAt: '2026-03-01T12:00:00.000Z',
        editedBy: 'Wikigender moderator',
      },
    ]);
    expect(toComment(participant, c).revisions).toBeUndefined();
  });

  it('refuses a decision on an entry another moderator decided first, with its current state', () => {
    const { store, moderator } = contexts();
    const c = pending(store);
    const seen = decision(c, { action: 'reject', reason: 'Spam' });
    decide(moderator, decision(c, { action: 'approve' }));
    const error = refusal(() => decide(moderator, seen));
    expect(error.status).toBe(409);
    expect(error.code).toBe('conflict');
    expect(error.message).toBe('Another moderator decided first: this comment is now published.');
    expect((error.details?.comment as { status: string }).status).toBe('published');
    expect(store.log).toHaveLength(1);
  });

  it('requires a reason to reject or hide', () => {
    const { store, moderator } = contexts();
    const c = pending(store);
    const error = refusal(() => decide(moderator, decision(c, { action: 'reject' })));
    expect(error.status).toBe(400);
    expect(error.fields).toEqual({ reason: 'Give a reason.' });
  });

  it('closes the flags of an entry it acts on, and appends featured comments to the digest', () => {
    const { store, moderator } = contexts();
    store.flags.push({
      id: 'f-1',
      kind: 'comment',
      targetId: 'c-original-6',
      userId: 'u-amina',
      reason: 'spam',
      note: '',
      createdAt: '2026-02-01T00:00:00.000Z',
      open: true,
    });
    const target = store.comments.find((c) => c.id === 'c-original-6') as StoredComment;
    decide(moderator, decision(target, { action: 'hide', reason: 'Abusive' }));
    expect(store.flags[0]?.open).toBe(false);
    decide(moderator, decision(target, { action: 'restore' }));
    decide(moderator, decision(target, { action: 'unfeature' }));
    expect(store.discussions[0]?.digest.order).not.toContain('c-original-6');
    decide(moderator, decision(target, { action: 'feature' }));
    expect(store.discussions[0]?.digest.order.at(-1)).toBe('c-original-6');
    expect(store.log.map((e) => e.action)).toEqual(['hide', 'restore', 'unfeature', 'feature']);
  });

  it('decides a batch entry by entry', () => {
    const { store, moderator } = contexts();
    const a = pending(store);
    const b = pending(store);
    const { results } = decideBatch(moderator, {
      decisions: [decision(a, {}), decision(b, { expectedStatus: 'published' })],
    });
    expect(results.map((r) => r.ok)).toEqual([true, false]);
    expect(a.status).toBe('published');
    expect(b.status).toBe('pending');
  });
});

describe('the queue and the log', () => {
  it('lists new entries oldest first, then flagged ones with their reasons', () => {
    const { store, moderator } = contexts();
    const late = pending(store);
    late.createdAt = '2026-02-02T00:00:00.000Z';
    const early = pending(store);
    store.flags.push({
      id: 'f-1',
      kind: 'resource',
      targetId: 'r-original-1',
      userId: 'u-amina',
      reason: 'off-topic',
      note: 'Not about social media',
      createdAt: '2026-02-03T00:00:00.000Z',
      open: true,
    });
    const { items, total } = getQueue(moderator, {});
    expect(total).toBe(3);
    expect(items.map((i) => i.comment?.id ?? i.resource?.id)).toEqual([
      early.id,
      late.id,
      'r-original-1',
    ]);
    expect(items[2]?.flags).toEqual([
      { reason: 'off-topic', count: 1, notes: ['Not about social media'] },
    ]);
    expect(getQueue(moderator, { kind: 'resource' }).total).toBe(1);
    expect(getQueue(moderator, { discussion: 'elsewhere' }).total).toBe(0);
  });

  it('filters the log by action and discussion, newest first', () => {
    const { store, moderator } = contexts();
    const a = pending(store);
    decide(moderator, decision(a, {}));
    updateDiscussion(moderator, SEED_SLUG, { status: 'closed', closedReason: 'Done' });
    expect(getLog(moderator, {}).entries.map((e) => e.action)).toEqual(['close', 'approve']);
    expect(getLog(moderator, { action: 'close' }).entries[0]?.reason).toBe('Done');
    expect(getLog(moderator, { discussion: 'elsewhere' }).entries).toEqual([]);
  });
});

describe('the digest', () => {
  it('is not found for readers while unpublished, and readable by moderators', () => {
    const { moderator, reader } = contexts();
    expect(getDigest(reader, SEED_SLUG).extracts).toHaveLength(6);
    updateDigest(moderator, SEED_SLUG, { published: false });
    expect(refusal(() => getDigest(reader, SEED_SLUG)).status).toBe(404);
    expect(getDigest(moderator, SEED_SLUG).published).toBe(false);
  });

  it('orders only featured comments', () => {
    const { store, moderator } = contexts();
    const c = pending(store);
    const error = refusal(() => updateDigest(moderator, SEED_SLUG, { order: [c.id] }));
    expect(error.fields).toEqual({ order: 'Order only the featured comments, once each.' });
  });
});

describe('the discussion life cycle', () => {
  it('derives a unique slug from the title', () => {
    const { moderator } = contexts();
    const body = {
      title: 'Women’s voices, online & offline',
      introduction: 'Why',
      organiser: 'Us',
      startsOn: '2026-01-01',
      endsOn: '2026-01-02',
    };
    expect(createDiscussion(moderator, body).slug).toBe('womens-voices-online-offline');
    expect(createDiscussion(moderator, body).slug).toBe('womens-voices-online-offline-2');
  });

  it('refuses a closing time in the past and an end before the start', () => {
    const { moderator } = contexts();
    expect(
      refusal(() => updateDiscussion(moderator, SEED_SLUG, { closesAt: '2026-02-01T00:00:00Z' }))
        .fields,
    ).toEqual({ closesAt: 'Choose a closing time in the future.' });
    expect(
      refusal(() => updateDiscussion(moderator, SEED_SLUG, { endsOn: '2015-01-01' })).fields,
    ).toEqual({ endsOn: 'The end date must not be before the start date.' });
  });
});
