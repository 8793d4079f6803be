/**
 * The moderation rules as plain functions over the seeded database, and the
 * same refusals through HTTP: whatever a page shows, the backend decides.
 */
import { describe, expect, it } from 'vitest';
import { FLAG_HIDE_REASON, type DecisionBody } from '../src/api/contract';
import { RuleError, type Ctx } from '../src/server/rules/core';
import { getDigest, updateDigest } from '../src/server/rules/digest';
import { createDiscussion, updateDiscussion } from '../src/server/rules/discussion-admin';
import { flagEntry } from '../src/server/rules/flags';
import { decide, decideBatch, getLog, getQueue } from '../src/server/rules/moderation';
import { projectComment } from '../src/server/rules/project';
import { findCommentRow } from '../src/server/store/comments';
import { insertFlag } from '../src/server/store/flags';
import type { CommentRow } from '../src/server/store/schema';
import {
  MODERATOR,
  AMINA,
  SEED_SLUG,
  addComment,
  addFlags,
  addParticipant,
  addResource,
  api,
  ctxAs,
  dumpTables,
  seedDiscussionRow,
  signInAs,
  testDb,
} from './support';

async function contexts() {
  const now = new Date('2026-03-01T12:00:00Z');
  return {
    moderator: await ctxAs('u-moderator', now),
    participant: await ctxAs('u-amina', now),
    reader: await ctxAs(null, now),
  };
}

function pending(body = 'A new thought on #HeForShe', createdAt = '2026-02-01T10:00:00.000Z') {
  return addComment({ authorId: 'u-amina', body, createdAt });
}

async function refusal(run: () => Promise<unknown>): Promise<RuleError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof RuleError) return error;
    throw error;
  }
  throw new Error('The rule did not refuse.');
}

const decision = (c: CommentRow, d: Partial<DecisionBody>): DecisionBody => ({
  kind: 'comment',
  id: c.id,
  action: 'approve',
  expectedStatus: c.status,
  ...d,
});

const statusOf = async (id: string) => (await findCommentRow(testDb(), id))?.status;
const logCount = async () =>
  (await testDb().selectFrom('moderation_log').select('id').execute()).length;
const logActions = async () =>
  (await testDb().selectFrom('moderation_log').select('action').orderBy('seq').execute()).map(
    (e) => e.action,
  );
const digestOrder = async () => JSON.parse((await seedDiscussionRow()).digest_order) as string[];

describe('who may moderate', () => {
  it('refuses readers with 401 and participants with 403, in every rule', async () => {
    const { participant, reader } = await contexts();
    const c = await pending();
    const calls: ((ctx: Ctx) => Promise<unknown>)[] = [
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
      expect((await refusal(() => call(reader))).status).toBe(401);
      expect((await refusal(() => call(participant))).status).toBe(403);
    }
    expect(await statusOf(c.id)).toBe('pending');
  });

  it('answers 401 and 403 over HTTP too, and changes nothing', async () => {
    const c = await pending();
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
    expect(await statusOf(c.id)).toBe('pending');
    await signInAs(MODERATOR);
    expect((await api('/moderation/decisions', 'POST', body)).status).toBe(200);
    expect(await statusOf(c.id)).toBe('published');
  });
});

describe('decisions', () => {
  it('keeps the original text as a revision on edit and approve, for moderators only', async () => {
    const { moderator, participant } = await contexts();
    const c = await pending('Teh first text');
    const { comment } = await decide(
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
    const row = await findCommentRow(testDb(), c.id);
    if (!row) throw new Error('The comment is gone.');
    expect((await projectComment(participant, row)).revisions).toBeUndefined();
  });

  it('refuses a decision on an entry another moderator decided first, with its current state', async () => {
    const { moderator } = await contexts();
    const c = await pending();
    const seen = decision(c, { action: 'reject', reason: 'Spam' });
    await decide(moderator, decision(c, { action: 'approve' }));
    const error = await refusal(() => decide(moderator, seen));
    expect(error.status).toBe(409);
    expect(error.code).toBe('conflict');
    expect(error.message).toBe('Another moderator decided first: this comment is now published.');
    expect((error.details?.comment as { status: string }).status).toBe('published');
    expect(await logCount()).toBe(1);
  });

  it('requires a reason to reject or hide', async () => {
    const { moderator } = await contexts();
    const c = await pending();
    const error = await refusal(() => decide(moderator, decision(c, { action: 'reject' })));
    expect(error.status).toBe(400);
    expect(error.fields).toEqual({ reason: 'Give a reason.' });
  });

  it('closes the flags of an entry it acts on, and appends featured comments to the digest', async () => {
    const { moderator } = await contexts();
    await insertFlag(testDb(), {
      id: 'f-1',
      kind: 'comment',
      target_id: 'c-original-6',
      user_id: 'u-amina',
      reason: 'spam',
      note: '',
      created_at: '2026-02-01T00:00:00.000Z',
      open: 1,
    });
    const target = await findCommentRow(testDb(), 'c-original-6');
    if (!target) throw new Error('The seeded comment is missing.');
    await decide(moderator, decision(target, { action: 'hide', reason: 'Abusive' }));
    const flag = await testDb()
      .selectFrom('flags')
      .select('open')
      .where('id', '=', 'f-1')
      .executeTakeFirst();
    expect(flag?.open).toBe(0);
    await decide(moderator, decision(target, { action: 'restore', expectedStatus: 'hidden' }));
    await decide(moderator, decision(target, { action: 'unfeature' }));
    expect(await digestOrder()).not.toContain('c-original-6');
    await decide(moderator, decision(target, { action: 'feature' }));
    expect((await digestOrder()).at(-1)).toBe('c-original-6');
    expect(await logActions()).toEqual(['hide', 'restore', 'unfeature', 'feature']);
  });

  it('decides a batch entry by entry', async () => {
    const { moderator } = await contexts();
    const a = await pending();
    const b = await pending();
    const { results } = await decideBatch(moderator, {
      decisions: [decision(a, {}), decision(b, { expectedStatus: 'published' })],
    });
    expect(results.map((r) => r.ok)).toEqual([true, false]);
    expect(await statusOf(a.id)).toBe('published');
    expect(await statusOf(b.id)).toBe('pending');
  });
});

describe('decisions taken at once', () => {
  // Rules called side by side on the database itself, without a transaction:
  // both read before either writes, as two moderators' requests can.
  const settle = (...runs: Promise<unknown>[]) => Promise.allSettled(runs);
  const refusals = (results: PromiseSettledResult<unknown>[]) =>
    results.flatMap((r) => (r.status === 'rejected' ? [r.reason as RuleError] : []));

  it('lets one of two decisions on the same entry through; the other is told what happened', async () => {
    const { moderator } = await contexts();
    const c = await pending();
    const results = await settle(
      decide(moderator, decision(c, { action: 'reject', reason: 'Spam' })),
      decide(moderator, decision(c, { action: 'approve' })),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    const [error] = refusals(results);
    expect(error?.status).toBe(409);
    expect(error?.message).toBe('Another moderator decided first: this comment is now rejected.');
    expect((error?.details?.comment as { status: string }).status).toBe('rejected');
    expect(await statusOf(c.id)).toBe('rejected');
    expect(await logActions()).toEqual(['reject']);
    expect((await seedDiscussionRow()).published_comments).toBe(6);
  });

  it('features a comment once, and keeps both of two comments featured at once in the digest', async () => {
    const { moderator } = await contexts();
    const a = await addComment({ authorId: 'u-amina', body: 'First', status: 'published' });
    const b = await addComment({ authorId: 'u-amina', body: 'Second', status: 'published' });
    const twice = await settle(
      decide(moderator, decision(a, { action: 'feature' })),
      decide(moderator, decision(a, { action: 'feature' })),
    );
    expect(refusals(twice).map((e) => e.message)).toEqual([
      'Another moderator already featured this comment.',
    ]);
    await decide(moderator, decision(b, { action: 'feature' }));
    const c = await addComment({ authorId: 'u-amina', body: 'Third', status: 'published' });
    const both = await settle(
      decide(moderator, decision(b, { action: 'unfeature' })),
      decide(moderator, decision(c, { action: 'feature' })),
    );
    expect(refusals(both)).toEqual([]);
    expect((await digestOrder()).slice(-2)).toEqual([a.id, c.id]);
  });

  it('dismisses flags once', async () => {
    const { moderator } = await contexts();
    await addFlags('comment', 'c-original-2', [{ reason: 'spam' }]);
    const target = await findCommentRow(testDb(), 'c-original-2');
    if (!target) throw new Error('The seeded comment is missing.');
    const results = await settle(
      decide(moderator, decision(target, { action: 'dismiss-flags' })),
      decide(moderator, decision(target, { action: 'dismiss-flags' })),
    );
    expect(refusals(results).map((e) => e.message)).toEqual([
      'This comment has no open flags any more.',
    ]);
    expect(await logActions()).toEqual(['dismiss-flags']);
    expect(await statusOf('c-original-2')).toBe('published');
  });

  it('leaves nothing behind for a refused decision of a batch', async () => {
    const { moderator } = await contexts();
    const c = await pending();
    const r = await addResource({ authorId: 'u-amina', title: 'A link', status: 'published' });
    const p = await addResource({ authorId: 'u-amina', title: 'A pending link' });
    const on = (id: string, kind: 'comment' | 'resource' = 'resource') => ({ kind, id });
    const before = await dumpTables();
    const { results } = await decideBatch(moderator, {
      decisions: [
        decision(c, { expectedStatus: 'published', action: 'hide', reason: 'Spam' }),
        decision(c, { action: 'restore' }),
        { ...on(p.id), action: 'edit-approve', body: 'A better title', expectedStatus: 'pending' },
        { ...on(r.id), action: 'feature', expectedStatus: 'published' },
        { ...on(r.id), action: 'dismiss-flags', expectedStatus: 'published' },
        decision(c, { action: 'unfeature' }),
        { ...on('c-original-1', 'comment'), action: 'feature', expectedStatus: 'published' },
        { ...on('no-such-comment', 'comment'), action: 'approve', expectedStatus: 'pending' },
        on(c.id, 'comment'),
      ],
    });
    expect(results.map((x) => (x.ok ? 'ok' : x.error.message))).toEqual([
      'Another moderator decided first: this comment is now waiting for a decision.',
      'This comment is waiting for a decision, so that decision does not apply.',
      'Only comments can be edited before approval.',
      'Only comments can be featured as extracts.',
      'This resource has no open flags any more.',
      'This comment is waiting for a decision, so that decision does not apply.',
      'Another moderator already featured this comment.',
      'This comment was not found.',
      expect.stringContaining('Invalid option'),
    ]);
    expect(await dumpTables()).toEqual(before);
  });

  it('keeps the moderator’s text, its hashtags and the revision together on edit and approve', async () => {
    const { moderator } = await contexts();
    const c = await pending('On #HeForShe');
    await decide(moderator, decision(c, { action: 'edit-approve', body: 'On #TakeBackTheTech' }));
    const tags = await testDb()
      .selectFrom('comment_tags')
      .select('label')
      .where('comment_id', '=', c.id)
      .execute();
    expect(tags.map((t) => t.label)).toEqual(['TakeBackTheTech']);
    const revisions = await testDb()
      .selectFrom('revisions')
      .select('body')
      .where('comment_id', '=', c.id)
      .execute();
    expect(revisions.map((x) => x.body)).toEqual(['On #HeForShe']);
    expect((await findCommentRow(testDb(), c.id))?.html).toContain('TakeBackTheTech');
  });
});

describe('flags', () => {
  it('takes one flag per person, and hides an entry flagged by three people', async () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const people = [
      await addParticipant('Ines'),
      await addParticipant('Joy'),
      await addParticipant('Kai'),
    ];
    const [first, second, third] = await Promise.all(people.map((p) => ctxAs(p.id, now)));
    if (!first || !second || !third) throw new Error('The flaggers are missing.');
    // A participant's comment: featured extracts and moderators' entries are never hidden by flags.
    const { id } = await addComment({
      authorId: 'u-amina',
      body: 'A view some find offensive',
      status: 'published',
    });
    const twice = await Promise.allSettled([
      flagEntry(first, 'comment', id, { reason: 'spam' }),
      flagEntry(first, 'comment', id, { reason: 'abusive' }),
    ]);
    expect(
      twice.flatMap((r) => (r.status === 'rejected' ? [(r.reason as RuleError).message] : [])),
    ).toEqual(['You have already flagged this entry.']);
    await flagEntry(second, 'comment', id, { reason: 'spam' });
    expect(await statusOf(id)).toBe('published');
    await flagEntry(third, 'comment', id, { reason: 'other', note: 'Odd' });
    const row = await findCommentRow(testDb(), id);
    expect([row?.status, row?.moderation_reason]).toEqual(['hidden', FLAG_HIDE_REASON]);
    expect((await seedDiscussionRow()).published_comments).toBe(6);
    const { items } = await getQueue((await contexts()).moderator, {});
    expect(items.map((i) => [i.reason, i.comment?.id])).toEqual([['flagged', id]]);
    expect(items[0]?.flags).toEqual([
      { reason: 'spam', count: 2, notes: [] },
      { reason: 'other', count: 1, notes: ['Odd'] },
    ]);
  });
});

describe('the queue and the log', () => {
  it('lists new entries oldest first, then flagged ones with their reasons', async () => {
    const { moderator } = await contexts();
    const late = await pending(undefined, '2026-02-02T00:00:00.000Z');
    const early = await pending();
    await insertFlag(testDb(), {
      id: 'f-1',
      kind: 'resource',
      target_id: 'r-original-1',
      user_id: 'u-amina',
      reason: 'off-topic',
      note: 'Not about social media',
      created_at: '2026-02-03T00:00:00.000Z',
      open: 1,
    });
    const { items, total } = await getQueue(moderator, {});
    expect(total).toBe(3);
    expect(items.map((i) => i.comment?.id ?? i.resource?.id)).toEqual([
      early.id,
      late.id,
      'r-original-1',
    ]);
    expect(items[2]?.flags).toEqual([
      { reason: 'off-topic', count: 1, notes: ['Not about social media'] },
    ]);
    expect((await getQueue(moderator, { kind: 'resource' })).total).toBe(1);
    expect((await getQueue(moderator, { discussion: 'elsewhere' })).total).toBe(0);
  });

  it('filters the log by action and discussion, newest first', async () => {
    const { moderator } = await contexts();
    const a = await pending();
    await decide(moderator, decision(a, {}));
    await updateDiscussion(moderator, SEED_SLUG, { status: 'closed', closedReason: 'Done' });
    expect((await getLog(moderator, {})).entries.map((e) => e.action)).toEqual([
      'close',
      'approve',
    ]);
    expect((await getLog(moderator, { action: 'close' })).entries[0]?.reason).toBe('Done');
    expect((await getLog(moderator, { discussion: 'elsewhere' })).entries).toEqual([]);
  });
});

describe('the digest', () => {
  it('is not found for readers while unpublished, and readable by moderators', async () => {
    const { moderator, reader } = await contexts();
    expect((await getDigest(reader, SEED_SLUG)).extracts).toHaveLength(6);
    await updateDigest(moderator, SEED_SLUG, { published: false });
    expect((await refusal(() => getDigest(reader, SEED_SLUG))).status).toBe(404);
    expect((await getDigest(moderator, SEED_SLUG)).published).toBe(false);
  });

  it('orders only featured comments', async () => {
    const { moderator } = await contexts();
    const c = await pending();
    const error = await refusal(() => updateDigest(moderator, SEED_SLUG, { order: [c.id] }));
    expect(error.fields).toEqual({ order: 'Order only the featured comments, once each.' });
  });
});

describe('the discussion life cycle', () => {
  it('derives a unique slug from the title', async () => {
    const { moderator } = await contexts();
    const body = {
      title: 'Women’s voices, online & offline',
      introduction: 'Why',
      organiser: 'Us',
      startsOn: '2026-01-01',
      endsOn: '2026-01-02',
    };
    expect((await createDiscussion(moderator, body)).slug).toBe('womens-voices-online-offline');
    expect((await createDiscussion(moderator, body)).slug).toBe('womens-voices-online-offline-2');
  });

  it('refuses a closing time in the past and an end before the start', async () => {
    const { moderator } = await contexts();
    expect(
      (
        await refusal(() =>
          updateDiscussion(moderator, SEED_SLUG, { closesAt: '2026-02-01T00:00:00Z' }),
        )
      ).fields,
    ).toEqual({ closesAt: 'Choose a closing time in the future.' });
    expect(
      (await refusal(() => updateDiscussion(moderator, SEED_SLUG, { endsOn: '2015-01-01' })))
        .fields,
    ).toEqual({ endsOn: 'The end date must not be before the start date.' });
  });
});
