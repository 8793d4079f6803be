/**
 * The moderation rules as plain functions over the seeded database, and the
 * same refusals through HTTP: whatever a page shows, the backend decides.
 */
import { describe, expect, it } from 'vitest';
import type { DecisionBody } from '../src/api/contract';
import { RuleError, type Ctx } from '../src/server/rules/core';
import { getDigest, updateDigest } from '../src/server/rules/digest';
import { createDiscussion, updateDiscussion } from '../src/server/rules/discussion-admin';
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
  api,
  ctxAs,
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
