/**
 * Rules a determined participant could bend, tried over the app as any client
 * could: odd values where ids belong, cursors and anchors naming entries the
 * viewer may not see, approval of an entry changed after the moderator read it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { type MemoryBackend, createMemoryBackend } from '../../src/server/memory';

const SLUG = 'advancing-womens-rights-through-social-media';
/** The app answers `app.request` as http://localhost, its public origin here. */
const ORIGIN = 'http://localhost';
const AMINA = { email: 'amina@example.org', password: 'demo-participant' };
const MODERATOR = { email: 'moderator@example.org', password: 'demo-moderator' };

let memory: MemoryBackend | undefined;
let app: ReturnType<typeof createApp>;

beforeEach(async () => {
  memory ??= await createMemoryBackend();
  await memory.reset();
  app = createApp(memory.backend);
});

type Answer = { status: number; body: unknown };

async function call(
  path: string,
  method = 'GET',
  body?: unknown,
  cookie = '',
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await app.request(`${ORIGIN}/api${path}`, {
    method,
    headers: {
      Origin: ORIGIN,
      ...(cookie ? { Cookie: cookie } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as unknown };
}

async function signIn(account: { email: string; password: string }): Promise<string> {
  const response = await app.request(`${ORIGIN}/api/session`, {
    method: 'POST',
    headers: { Origin: ORIGIN, 'Content-Type': 'application/json' },
    body: JSON.stringify(account),
  });
  expect(response.status).toBe(200);
  return response.headers.get('set-cookie')?.split(';')[0] ?? '';
}

/** A 4xx in the contract's error shape. */
function expectRefusal(answer: Answer): void {
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(answer.status).toBeLessThan(500);
  expect(answer.body).toMatchObject({
    error: { code: expect.any(String) as string, message: expect.any(String) as string },
  });
}

const ODD: unknown[] = [{}, { id: 'c-1' }, [], ['c-1'], 7, -0.5, true, null, '', 'x'.repeat(70)];

describe('odd values where ids belong', () => {
  it('a single decision with an odd id is a 4xx in the error shape', async () => {
    const moderator = await signIn(MODERATOR);
    for (const id of ODD) {
      for (const kind of ['comment', 'resource', {}, 3]) {
        const answer = await call(
          '/moderation/decisions',
          'POST',
          { kind, id, action: 'approve', expectedStatus: 'pending' },
          moderator,
        );
        expectRefusal(answer);
      }
    }
  });

  it('a batch with odd ids answers each one in the error shape, never a 500', async () => {
    const moderator = await signIn(MODERATOR);
    const decisions = ODD.map((id) => ({
      kind: 'comment',
      id,
      action: 'approve',
      expectedStatus: 'pending',
    }));
    const answer = await call(
      '/moderation/decisions/batch',
      'POST',
      { decisions: [...decisions, 5, null, [], 'c-1', { kind: [] }] },
      moderator,
    );
    expect(answer.status).toBeLessThan(500);
    const oddBatches: unknown[] = [
      { decisions: {} },
      { decisions: 'x' },
      [],
      5,
      { decisions: [[]] },
    ];
    for (const body of oddBatches) {
      const odd = await call('/moderation/decisions/batch', 'POST', body, moderator);
      expect(odd.status).toBeLessThan(500);
    }
  });

  it('flags, edits and replies with odd values are 4xx in the error shape', async () => {
    const amina = await signIn(AMINA);
    for (const value of ODD) {
      // A null parent is a top-level comment, which is a proper request.
      if (value !== null) {
        const reply = { body: 'Hello there', parentId: value };
        expectRefusal(await call(`/discussions/${SLUG}/comments`, 'POST', reply, amina));
      }
      expectRefusal(await call('/comments/c-nothing/flags', 'POST', { reason: value }, amina));
      expectRefusal(await call('/comments/c-nothing', 'PATCH', { body: value }, amina));
    }
    for (const path of [
      `/discussions/${SLUG}/comments?anchor[]=1`,
      `/discussions/${SLUG}/comments?cursor=%00`,
      `/discussions/${SLUG}/comments?anchor=%F0`,
      `/discussions/${SLUG}/comments?limit=1e400`,
    ]) {
      expectRefusal(await call(path, 'GET', undefined, amina));
    }
  });
});

/** A comment Amina posts and a moderator rejects: only she and moderators may see it. */
async function rejectedComment(): Promise<string> {
  const amina = await signIn(AMINA);
  const posted = await call(
    `/discussions/${SLUG}/comments`,
    'POST',
    { body: 'Not for all' },
    amina,
  );
  const comment = posted.body as { id: string; status: string };
  const moderator = await signIn(MODERATOR);
  const decided = await call(
    '/moderation/decisions',
    'POST',
    {
      kind: 'comment',
      id: comment.id,
      action: comment.status === 'pending' ? 'reject' : 'hide',
      reason: 'Off-topic',
      expectedStatus: comment.status,
    },
    moderator,
  );
  expect(decided.status).toBe(200);
  return comment.id;
}

const cursorOf = (dir: 'a' | 'b', id: string) => btoa(`${dir}:${id}`).replace(/=+$/, '');

describe('cursors and anchors', () => {
  it('an entry the viewer may not see answers exactly as an unknown one', async () => {
    const hidden = await rejectedComment();
    const list = (query: string) => call(`/discussions/${SLUG}/comments?${query}`);
    for (const dir of ['a', 'b'] as const) {
      const unknown = await list(`cursor=${cursorOf(dir, 'c-no-such-comment')}`);
      expect(unknown.status).toBe(400);
      expect(await list(`cursor=${cursorOf(dir, hidden)}`)).toEqual(unknown);
    }
    const unknownAnchor = await list('anchor=c-no-such-comment');
    expect(unknownAnchor.status).toBe(404);
    expect(await list(`anchor=${hidden}`)).toEqual(unknownAnchor);
    // Its author still pages from it.
    const amina = await signIn(AMINA);
    const own = await call(
      `/discussions/${SLUG}/comments?cursor=${cursorOf('a', hidden)}`,
      'GET',
      undefined,
      amina,
    );
    expect(own.status).toBe(200);
  });
});

describe('approval publishes what the moderator read', () => {
  it('a comment changed after the queue loaded answers 409 with the new text, and stays pending', async () => {
    const amina = await signIn(AMINA);
    const posted = await call(
      `/discussions/${SLUG}/comments`,
      'POST',
      { body: 'Kind words' },
      amina,
    );
    const read = posted.body as {
      id: string;
      status: string;
      createdAt: string;
      editedAt: string | null;
    };
    expect(read.status).toBe('pending');
    const edited = await call(`/comments/${read.id}`, 'PATCH', { body: 'Spam spam spam' }, amina);
    expect(edited.status).toBe(200);
    const moderator = await signIn(MODERATOR);
    const approval = {
      kind: 'comment',
      id: read.id,
      action: 'approve',
      expectedStatus: 'pending',
      expectedVersion: read.editedAt ?? read.createdAt,
    };
    const answer = await call('/moderation/decisions', 'POST', approval, moderator);
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({
      error: {
        code: 'conflict',
        message:
          'The author changed this comment after you read it: read it again before deciding.',
        details: { comment: { id: read.id, body: 'Spam spam spam', status: 'pending' } },
      },
    });
    const batch = await call(
      '/moderation/decisions/batch',
      'POST',
      { decisions: [approval] },
      moderator,
    );
    expect(batch.body).toMatchObject({ results: [{ ok: false, error: { code: 'conflict' } }] });
    // Deciding on the text as it now stands works.
    const current = (answer.body as { error: { details: { comment: { editedAt: string } } } }).error
      .details.comment;
    const again = await call(
      '/moderation/decisions',
      'POST',
      { ...approval, expectedVersion: current.editedAt },
      moderator,
    );
    expect(again.status).toBe(200);
  });
});
