/**
 * Random sessions of valid and invalid requests against the backend, through
 * HTTP, by two participants, a moderator and a reader. After every request the
 * backend must still keep its promises: threads hang together, counts match what
 * readers see, entries move only along the moderation life cycle and only by the
 * request that was made, a refused request changes nothing, ids are unique, and
 * the digest quotes only published, featured comments.
 *
 * Model-free: the test does not predict the backend's answers. It only checks,
 * given the answer it got, that the new state is one the rules allow.
 */
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import type { Selectable } from 'kysely';
import {
  ENTRY_STATUSES,
  FLAG_HIDE_REASON,
  FLAG_HIDE_THRESHOLD,
  MODERATION_ACTIONS,
  NEW_ACCOUNT_HOURS,
  SESSION_COOKIE,
  type DiscussionListResponse,
  type EntryKind,
  type ErrorBody,
  type EntryStatus,
  type ModerationAction,
} from '../src/api/contract';
import { memory } from '../mocks/node';
import { getDigest } from '../src/server/rules/digest';
import { listResources } from '../src/server/rules/resources';
import { listComments } from '../src/server/rules/thread';
import type { DB } from '../src/server/store/schema';
import { ctxAs, demoSessions, dumpTables, ORIGIN, SEED_SLUG, testDb } from './support';
import { XSS_VECTORS } from './xss/vectors';

const OTHER = 'a-second-discussion-published-at-once';

type Actor = 'amina' | 'bea' | 'moderator' | 'reader';
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

// ---------------------------------------------------------------------------
// Talking to the backend as someone
// ---------------------------------------------------------------------------

const tokens: Record<Actor, string> = { amina: '', bea: '', moderator: '', reader: '' };
/** The database once the second discussion is made, where every random session starts. */
let initial: Uint8Array;

async function call(method: Method, path: string, as: Actor, body?: unknown) {
  const response = await fetch(`${ORIGIN}/api${path}`, {
    method,
    // An explicit cookie wins over whatever MSW kept from a sign-in.
    headers: {
      Cookie: `${SESSION_COOKIE}=${tokens[as]}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data: unknown = response.status === 204 ? null : await response.json();
  return { status: response.status, data };
}

beforeAll(async () => {
  Object.assign(tokens, await demoSessions());
  // A second discussion where entries publish at once, so that threads grow deep quickly.
  const created = await call('POST', '/discussions', 'moderator', {
    title: 'A second discussion, published at once',
    introduction: 'Entries publish without approval here.',
    organiser: 'Agora',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    approvalMode: 'none',
  });
  expect(created.data).toMatchObject({ slug: OTHER });
  const top = await call('POST', `/discussions/${OTHER}/comments`, 'bea', { body: 'A start' });
  const reply = await call('POST', `/discussions/${OTHER}/comments`, 'amina', {
    body: 'A reply',
    parentId: (top.data as { id: string }).id,
  });
  expect(reply.data).toMatchObject({ depth: 1, status: 'published' });
  initial = memory.engine().snapshot();
});

// ---------------------------------------------------------------------------
// The database's tables, read back as records the checks below can read
// ---------------------------------------------------------------------------

type Row<T extends keyof DB> = Selectable<DB[T]>;
const list = (json: string) => JSON.parse(json) as string[];

const toUser = (u: Row<'users'>) => ({
  id: u.id,
  email: u.email,
  displayName: u.display_name,
  organisation: u.organisation,
  role: u.role,
  createdAt: u.created_at,
});

const toDiscussion = (d: Row<'discussions'>) => ({
  slug: d.slug,
  title: d.title,
  approvalMode: d.approval_mode,
  status: d.status,
  closedAt: d.closed_at,
  closesAt: d.closes_at,
  createdAt: d.created_at,
  campaigns: list(d.campaigns),
  digest: {
    published: d.digest_published === 1,
    editorial: d.digest_editorial,
    order: list(d.digest_order),
    resourceIds: list(d.digest_resource_ids),
  },
});

const toComment = (c: Row<'comments'>) => ({
  id: c.id,
  discussionSlug: c.discussion_slug,
  parentId: c.parent_id,
  depth: c.depth,
  authorId: c.author_id,
  authorName: c.author_name,
  body: c.body,
  html: c.html,
  hashtags: list(c.hashtags),
  status: c.status,
  moderationReason: c.moderation_reason,
  featured: c.featured === 1,
  original: c.original === 1,
  createdAt: c.created_at,
  editedAt: c.edited_at,
});

const toResource = (r: Row<'resources'>) => ({
  id: r.id,
  discussionSlug: r.discussion_slug,
  url: r.url,
  title: r.title,
  kind: r.kind,
  authorId: r.author_id,
  status: r.status,
  moderationReason: r.moderation_reason,
  original: r.original === 1,
  createdAt: r.created_at,
});

const toFlag = (f: Row<'flags'>) => ({
  id: f.id,
  kind: f.kind,
  targetId: f.target_id,
  userId: f.user_id,
  reason: f.reason,
  note: f.note,
  createdAt: f.created_at,
  open: f.open === 1,
});

const toLogEntry = (l: Row<'moderation_log'>) => ({
  id: l.id,
  at: l.at,
  moderatorId: l.moderator_id,
  action: l.action,
  kind: l.kind,
  targetId: l.target_id,
  discussionSlug: l.discussion_slug,
  reason: l.reason,
});

interface Store {
  users: ReturnType<typeof toUser>[];
  discussions: ReturnType<typeof toDiscussion>[];
  comments: ReturnType<typeof toComment>[];
  resources: ReturnType<typeof toResource>[];
  flags: ReturnType<typeof toFlag>[];
  log: ReturnType<typeof toLogEntry>[];
}

/** The tables in the order the old store kept its arrays: oldest first, as they were made. */
async function loadStore(): Promise<Store> {
  const db = testDb();
  const [users, discussions, comments, resources, flags, log] = await Promise.all([
    db.selectFrom('users').selectAll().orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('discussions').selectAll().orderBy('created_at').orderBy('slug').execute(),
    db.selectFrom('comments').selectAll().orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('resources').selectAll().orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('flags').selectAll().orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('moderation_log').selectAll().orderBy('seq').execute(),
  ]);
  return {
    users: users.map(toUser),
    discussions: discussions.map(toDiscussion),
    comments: comments.map(toComment),
    resources: resources.map(toResource),
    flags: flags.map(toFlag),
    log: log.map(toLogEntry),
  };
}

// ---------------------------------------------------------------------------
// Actions: what someone tries, with targets picked from the store when it runs
// ---------------------------------------------------------------------------

/**
 * Which entry an action aims at, among those in the store when it runs: counted
 * from the first (the seeded ones) or, when negative, from the newest; `fitting`
 * keeps to entries the action applies to (a published parent, a waiting comment
 * to edit...), so that valid requests are frequent too. Or an id that does not exist.
 */
type Pick = { n: number; fitting: boolean } | 'unknown';

interface DecisionDraft {
  entry: EntryKind;
  target: Pick;
  action: ModerationAction;
  /** 'current' sends the status the entry has, as a moderator who saw it would. */
  expected: EntryStatus | 'current';
  reason: string | undefined;
  body: string | undefined;
}

type Action =
  | { type: 'post'; as: Actor; slug: string; body: string }
  | { type: 'reply'; as: Actor; parent: Pick; body: string }
  | { type: 'edit'; as: Actor; target: Pick; body: string }
  | { type: 'withdraw'; as: Actor; target: Pick }
  | { type: 'share'; as: Actor; slug: string; url: string; title: string; kind: string }
  | { type: 'flag'; as: Actor; entry: EntryKind; target: Pick; reason: string; note: string }
  | { type: 'decide'; as: Actor; batch: boolean; decisions: DecisionDraft[] }
  | { type: 'discussion'; as: Actor; slug: string; status: 'open' | 'closed'; mode: string };

const anyone = fc.constantFrom<Actor>('amina', 'amina', 'bea', 'moderator', 'moderator', 'reader');
const mostlyModerator = fc.constantFrom<Actor>('moderator', 'moderator', 'moderator', 'amina');
const pickAmong = (n: fc.Arbitrary<number>): fc.Arbitrary<Pick> =>
  fc.oneof(
    { weight: 9, arbitrary: fc.record({ n, fitting: fc.constantFrom(true, true, true, false) }) },
    { weight: 1, arbitrary: fc.constant('unknown' as const) },
  );
const pick = pickAmong(fc.oneof(fc.nat(2), fc.integer({ min: -4, max: -1 }), fc.nat(999)));
/** Replies answer the newest comments often, so that threads grow deep. */
const parentPick = pickAmong(
  fc.oneof({ weight: 3, arbitrary: fc.integer({ min: -2, max: -1 }) }, fc.nat(999)),
);
/** Flags gather on the first entries, so that enough people flag one to hide it. */
const flagPick = pickAmong(fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, fc.nat(999)));
const slug = fc.constantFrom(SEED_SLUG, SEED_SLUG, SEED_SLUG, OTHER, OTHER, 'no-such-discussion');
const text = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'Online action needs offline action. #HeForShe',
      'I agree, and **more** at https://example.org',
      'What worked in Ghana? #bringbackourgirls',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('a', '   ', '') },
  { weight: 1, arbitrary: fc.constantFrom(...XSS_VECTORS.map((v) => v.input)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);
const ACTIONS = MODERATION_ACTIONS;
const STATUSES = ENTRY_STATUSES;

const decisionDraft: fc.Arbitrary<DecisionDraft> = fc.record({
  entry: fc.constantFrom<EntryKind>('comment', 'comment', 'resource'),
  target: pick,
  // Weighted towards the decisions that move an entry along its life cycle.
  action: fc.constantFrom<ModerationAction>(...ACTIONS, 'approve', 'approve', 'hide', 'reject'),
  expected: fc.oneof(
    { weight: 4, arbitrary: fc.constant('current' as const) },
    { weight: 1, arbitrary: fc.constantFrom(...STATUSES) },
  ),
  reason: fc.option(fc.constantFrom('Off-topic', 'Abusive', 'Spam', '  '), { nil: undefined }),
  body: fc.option(text, { nil: undefined }),
});

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ type: fc.constant('post'), as: anyone, slug, body: text }) },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('reply'),
      as: anyone,
      parent: parentPick,
      body: text,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ type: fc.constant('edit'), as: anyone, target: pick, body: text }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('withdraw'), as: anyone, target: pick }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('share'),
      as: anyone,
      slug,
      url: fc.constantFrom(
        'https://example.org/guide',
        'HTTPS://EXAMPLE.org/guide/',
        'https://example.org/map',
        'javascript:alert(1)',
      ),
      title: fc.constantFrom('A guide', 'x'),
      kind: fc.constantFrom('report', 'tool', 'video'),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      type: fc.constant('flag'),
      as: anyone,
      entry: fc.constantFrom<EntryKind>('comment', 'comment', 'resource'),
      target: flagPick,
      reason: fc.constantFrom('spam', 'abusive', 'other', 'rude'),
      note: fc.constantFrom('', 'Not on topic'),
    }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      type: fc.constant('decide'),
      as: mostlyModerator,
      batch: fc.boolean(),
      decisions: fc.array(decisionDraft, { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('discussion'),
      as: mostlyModerator,
      slug,
      status: fc.constantFrom<'open' | 'closed'>('open', 'closed'),
      mode: fc.constantFrom('all', 'first', 'none'),
    }),
  },
);

// ---------------------------------------------------------------------------
// Turning an action into a request, and what a success may change
// ---------------------------------------------------------------------------

/** Status changes a successful request may make, by `kind:id`. */
type Effect =
  | { type: 'none' }
  | { type: 'new'; kind: EntryKind; slug: string; as: Actor }
  | { type: 'withdraw'; key: string }
  | { type: 'flag'; key: string }
  | { type: 'decide'; decisions: { key: string; action: ModerationAction }[] };

interface Plan {
  method: Method;
  path: string;
  as: Actor;
  body?: unknown;
  effect: Effect;
}

/** Where a decision may start, and the status it leaves (none: the status stays). */
const LIFE_CYCLE: Record<ModerationAction, { from: EntryStatus[]; to?: EntryStatus }> = {
  approve: { from: ['pending'], to: 'published' },
  'edit-approve': { from: ['pending'], to: 'published' },
  reject: { from: ['pending', 'published', 'hidden'], to: 'rejected' },
  hide: { from: ['published'], to: 'hidden' },
  restore: { from: ['hidden'], to: 'published' },
  // Open flags on a hidden entry mean the flags hid it; dismissing them brings it back.
  'dismiss-flags': { from: ['published', 'hidden'], to: 'published' },
  feature: { from: ['published'] },
  unfeature: { from: ['published', 'hidden', 'rejected'] },
};

type Entry = { id: string; status: EntryStatus };

function idAt(list: Entry[], p: Pick, fits: (e: Entry) => boolean): string {
  if (p === 'unknown') return 'no-such-entry';
  const among = p.fitting ? list.filter(fits) : list;
  if (among.length === 0) return list[0]?.id ?? 'no-such-entry';
  return among[((p.n % among.length) + among.length) % among.length]?.id ?? 'no-such-entry';
}

const published = (e: Entry) => e.status === 'published';
const pending = (e: Entry) => e.status === 'pending';

function plan(a: Action, store: Store): Plan {
  switch (a.type) {
    case 'post':
      return {
        method: 'POST',
        path: `/discussions/${a.slug}/comments`,
        as: a.as,
        body: { body: a.body },
        effect: { type: 'new', kind: 'comment', slug: a.slug, as: a.as },
      };
    case 'reply': {
      const parentId = idAt(store.comments, a.parent, published);
      const parent = store.comments.find((c) => c.id === parentId);
      const slug = parent?.discussionSlug ?? SEED_SLUG;
      return {
        method: 'POST',
        path: `/discussions/${slug}/comments`,
        as: a.as,
        body: { body: a.body, parentId },
        effect: { type: 'new', kind: 'comment', slug, as: a.as },
      };
    }
    case 'edit':
      return {
        method: 'PATCH',
        path: `/comments/${idAt(store.comments, a.target, pending)}`,
        as: a.as,
        body: { body: a.body },
        effect: { type: 'none' },
      };
    case 'withdraw': {
      const id = idAt(store.comments, a.target, pending);
      return {
        method: 'DELETE',
        path: `/comments/${id}`,
        as: a.as,
        effect: { type: 'withdraw', key: `comment:${id}` },
      };
    }
    case 'share':
      return {
        method: 'POST',
        path: `/discussions/${a.slug}/resources`,
        as: a.as,
        body: { url: a.url, title: a.title, kind: a.kind },
        effect: { type: 'new', kind: 'resource', slug: a.slug, as: a.as },
      };
    case 'flag': {
      const id = idAt(
        a.entry === 'comment' ? store.comments : store.resources,
        a.target,
        published,
      );
      return {
        method: 'POST',
        path: `/${a.entry}s/${id}/flags`,
        as: a.as,
        body: a.note ? { reason: a.reason, note: a.note } : { reason: a.reason },
        effect: { type: 'flag', key: `${a.entry}:${id}` },
      };
    }
    case 'decide': {
      const decisions = a.decisions.map((d) => {
        const list = d.entry === 'comment' ? store.comments : store.resources;
        const id = idAt(list, d.target, (e) => LIFE_CYCLE[d.action].from.includes(e.status));
        const current = list.find((e) => e.id === id)?.status ?? 'pending';
        return {
          kind: d.entry,
          id,
          action: d.action,
          expectedStatus: d.expected === 'current' ? current : d.expected,
          ...(d.reason === undefined ? {} : { reason: d.reason }),
          ...(d.body === undefined ? {} : { body: d.body }),
        };
      });
      const effect: Effect = {
        type: 'decide',
        decisions: decisions.map((d) => ({ key: `${d.kind}:${d.id}`, action: d.action })),
      };
      const [first] = decisions;
      return a.batch || !first
        ? {
            method: 'POST',
            path: '/moderation/decisions/batch',
            as: a.as,
            body: { decisions },
            effect,
          }
        : { method: 'POST', path: '/moderation/decisions', as: a.as, body: first, effect };
    }
    case 'discussion':
      return {
        method: 'PATCH',
        path: `/discussions/${a.slug}`,
        as: a.as,
        body: { status: a.status, approvalMode: a.mode },
        effect: { type: 'none' },
      };
  }
}

// ---------------------------------------------------------------------------
// The checks
// ---------------------------------------------------------------------------

function statuses(store: Store): Map<string, EntryStatus> {
  return new Map([
    ...store.comments.map((c) => [`comment:${c.id}`, c.status] as const),
    ...store.resources.map((r) => [`resource:${r.id}`, r.status] as const),
  ]);
}

/** An account whose flags count towards hiding: a day old, or with a published entry. */
function established(store: Store, userId: string): boolean {
  const user = store.users.find((u) => u.id === userId);
  const dayAgo = new Date(Date.now() - NEW_ACCOUNT_HOURS * 3_600_000).toISOString();
  return (
    (user !== undefined && user.createdAt <= dayAgo) ||
    [...store.comments, ...store.resources].some(
      (e) => e.authorId === userId && e.status === 'published',
    )
  );
}

const countedOpenFlaggers = (store: Store, key: string) =>
  new Set(
    store.flags
      .filter((f) => `${f.kind}:${f.targetId}` === key && f.open && established(store, f.userId))
      .map((f) => f.userId),
  ).size;

/** Flags never hide a featured extract or a moderator's entry: they wait for a moderator. */
function flagsMayHide(store: Store, key: string): boolean {
  const comment = store.comments.find((c) => `comment:${c.id}` === key);
  const entry = comment ?? store.resources.find((r) => `resource:${r.id}` === key);
  const author = store.users.find((u) => u.id === entry?.authorId);
  return comment?.featured !== true && author?.role !== 'moderator';
}

/** The status each entry must have after a successful request, given the one before. */
function expectedStatuses(
  p: Plan,
  response: { data: unknown },
  before: Store,
  after: Store,
): Map<string, EntryStatus> {
  const expected = statuses(before);
  const { effect } = p;
  if (effect.type === 'withdraw') {
    expect(expected.get(effect.key), 'only a waiting comment can be withdrawn').toBe('pending');
    expected.set(effect.key, 'withdrawn');
  }
  if (effect.type === 'flag') {
    const status = expected.get(effect.key);
    if (
      status === 'published' &&
      flagsMayHide(after, effect.key) &&
      countedOpenFlaggers(after, effect.key) >= FLAG_HIDE_THRESHOLD
    ) {
      expected.set(effect.key, 'hidden');
    }
  }
  if (effect.type === 'decide') {
    const results = p.path.endsWith('/batch')
      ? (response.data as { results: { ok: boolean }[] }).results
      : [{ ok: true }];
    effect.decisions.forEach(({ key, action }, i) => {
      if (!results[i]?.ok) return;
      const from = expected.get(key);
      const step = LIFE_CYCLE[action];
      expect(step.from, `${action} accepted on a ${String(from)} ${key}`).toContain(from);
      if (step.to) expected.set(key, step.to);
    });
  }
  return expected;
}

function checkTransitions(p: Plan, response: { data: unknown }, before: Store, after: Store) {
  const expected = expectedStatuses(p, response, before, after);
  const now = statuses(after);
  for (const [key, status] of expected) {
    expect(now.get(key), `status of ${key}`).toBe(status);
  }
  const added = [...now.keys()].filter((key) => !expected.has(key));
  const { effect } = p;
  if (effect.type !== 'new') {
    expect(added, 'entries made by a request that makes none').toEqual([]);
    return;
  }
  expect(added, 'entries made by one post').toHaveLength(1);
  expect(added[0]?.startsWith(`${effect.kind}:`)).toBe(true);
  const status = now.get(added[0] ?? '');
  const mode = before.discussions.find((d) => d.slug === effect.slug)?.approvalMode;
  if (effect.as === 'moderator' || mode === 'none') expect(status).toBe('published');
  else if (mode === 'all') expect(status).toBe('pending');
  else expect(['pending', 'published']).toContain(status);
}

/**
 * Whether a flag hides is checked as it is given (expectedStatuses): an entry
 * flagged while featured stays published once unfeatured, and a flagger may
 * become established later.
 */
function checkFlagHiding(store: Store) {
  for (const e of [...store.comments, ...store.resources]) {
    if (e.moderationReason === FLAG_HIDE_REASON) expect(e.status).toBe('hidden');
  }
}

function checkThreads(store: Store) {
  for (const c of store.comments) {
    if (c.parentId === null) {
      expect(c.depth, `depth of top-level ${c.id}`).toBe(0);
      continue;
    }
    const parent = store.comments.find((p) => p.id === c.parentId);
    expect(parent?.discussionSlug, `parent of ${c.id}`).toBe(c.discussionSlug);
    expect(c.depth, `depth of ${c.id}`).toBe(Math.min((parent?.depth ?? -9) + 1, 2));
  }
}

function checkIds(store: Store) {
  const ids = [
    ...store.users,
    ...store.comments,
    ...store.resources,
    ...store.flags,
    ...store.log,
  ].map((e) => e.id);
  expect(ids.length, 'ids are unique').toBe(new Set(ids).size);
}

/**
 * The counts the home page shows must match what a reader finds in each thread, and
 * the digest must quote exactly the featured comments still published. The counts
 * come over HTTP; the thread and digest views from the rules the routes call, as
 * a request per view per step would make the run too slow.
 */
async function checkWhatPeopleSee(store: Store) {
  const reader = await ctxAs(null);
  const moderator = await ctxAs(store.users.find((u) => u.role === 'moderator')?.id ?? null);
  const { status, data } = await call('GET', '/discussions', 'reader');
  expect(status).toBe(200);
  for (const d of (data as DiscussionListResponse).discussions) {
    const isPublished = (e: { discussionSlug: string; status: string }) =>
      e.discussionSlug === d.slug && e.status === 'published';
    const { comments } = await listComments(reader, d.slug, { limit: '100' });
    expect(d.counts.comments, `published comments of ${d.slug}`).toBe(
      store.comments.filter(isPublished).length,
    );
    expect(
      comments.filter(isPublished),
      `published comments a reader sees in ${d.slug}`,
    ).toHaveLength(d.counts.comments);
    for (const c of comments) {
      expect(['published', 'hidden'], `a reader sees ${c.id}`).toContain(c.status);
      if (c.status === 'hidden') expect(c.body + c.html, `text of hidden ${c.id}`).toBe('');
    }
    const { resources } = await listResources(reader, d.slug, {});
    expect(d.counts.resources, `published resources of ${d.slug}`).toBe(
      store.resources.filter(isPublished).length,
    );
    expect(
      resources.filter(isPublished),
      `published resources a reader sees in ${d.slug}`,
    ).toHaveLength(d.counts.resources);

    const quotable = store.comments.filter(
      (c) => c.discussionSlug === d.slug && c.featured && c.status === 'published',
    );
    const extracts = (await getDigest(moderator, d.slug)).extracts.map((c) => c.id);
    expect(extracts.sort(), `extracts of ${d.slug}`).toEqual(quotable.map((c) => c.id).sort());
    const stored = store.discussions.find((x) => x.slug === d.slug);
    const featured = store.comments.filter((c) => c.discussionSlug === d.slug && c.featured);
    expect([...(stored?.digest.order ?? [])].sort(), `digest order of ${d.slug}`).toEqual(
      featured.map((c) => c.id).sort(),
    );
  }
}

// ---------------------------------------------------------------------------
// Sessions that always run first: the rarer paths, which random ones reach only now and then
// ---------------------------------------------------------------------------

const first = { n: 0, fitting: true };
const newest = { n: -1, fitting: true };
const decideOn = (
  target: Pick,
  action: ModerationAction,
  reason?: string,
  as: Actor = 'moderator',
): Action => ({
  type: 'decide',
  as,
  batch: false,
  decisions: [{ entry: 'comment', target, action, expected: 'current', reason, body: undefined }],
});
const flagFirst = (as: Actor): Action => ({
  type: 'flag',
  as,
  entry: 'comment',
  target: first,
  reason: 'spam',
  note: '',
});
const post = (as: Actor, body = 'A fair point'): Action => ({
  type: 'post',
  as,
  slug: SEED_SLUG,
  body,
});

const EXAMPLES: Action[][] = [
  // Three people flag a featured extract, which stays published and waits in the queue; a
  // moderator dismisses the flags, hides, restores.
  [
    flagFirst('amina'),
    flagFirst('bea'),
    flagFirst('moderator'),
    decideOn(first, 'dismiss-flags'),
    decideOn(first, 'hide', 'Abusive'),
    decideOn(first, 'restore'),
    decideOn(first, 'unfeature'),
    decideOn(first, 'feature'),
    decideOn(first, 'reject', 'Off-topic'),
  ],
  // Replies stop nesting at depth 2; posts are approved, edited, withdrawn; a participant
  // cannot decide; a closed discussion takes no posts, and takes them again once reopened.
  [
    { type: 'reply', as: 'moderator', parent: newest, body: 'Deeper' },
    { type: 'reply', as: 'moderator', parent: newest, body: 'Deeper still' },
    { type: 'reply', as: 'bea', parent: newest, body: 'As deep as it goes' },
    post('amina'),
    decideOn(newest, 'approve'),
    post('amina'),
    { type: 'edit', as: 'amina', target: newest, body: 'A better point' },
    { type: 'withdraw', as: 'amina', target: newest },
    post('bea'),
    decideOn(newest, 'approve', undefined, 'amina'),
    { type: 'discussion', as: 'moderator', slug: SEED_SLUG, status: 'closed', mode: 'none' },
    post('bea'),
    { type: 'discussion', as: 'moderator', slug: SEED_SLUG, status: 'open', mode: 'none' },
    post('bea'),
  ],
];

/**
 * Random sessions a run of the suite tries, each new at every run: 20 keep `npm test`
 * within its budget; AGORA_PROPERTY_RUNS=500 tries more (README, "The tests").
 */
const PROPERTY_RUNS = Number(process.env.AGORA_PROPERTY_RUNS ?? 20);

it('keeps its promises through random sessions of valid and invalid requests', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(action, { minLength: 1, maxLength: 25, size: 'max' }),
      async (actions) => {
        await memory.load(initial);
        for (const a of actions) {
          const tablesBefore = await dumpTables();
          const before = await loadStore();
          const p = plan(a, before);
          const response = await call(p.method, p.path, p.as, p.body);

          expect(response.status, `${p.method} ${p.path}`).toBeLessThan(500);
          if (response.status >= 400) {
            const { error } = response.data as Partial<ErrorBody>;
            expect([typeof error?.code, typeof error?.message], 'the error shape').toEqual([
              'string',
              'string',
            ]);
            expect(
              await dumpTables(),
              `the database after a refused ${p.method} ${p.path}`,
            ).toEqual(tablesBefore);
            // Nothing changed, so everything checked after the last success still holds.
            continue;
          }
          const after = await loadStore();
          checkTransitions(p, response, before, after);
          checkThreads(after);
          checkIds(after);
          checkFlagHiding(after);
          await checkWhatPeopleSee(after);
        }
      },
    ),
    { numRuns: PROPERTY_RUNS, examples: EXAMPLES.map((actions) => [actions]) },
  );
  // A few seconds at the suite's 20 runs; the bound leaves room for a long run and a busy machine.
}, 600_000);
