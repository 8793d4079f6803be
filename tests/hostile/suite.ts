/**
 * Hostile and bad input, endpoint by endpoint, through HTTP as any client could
 * send it, run on each backend that serves the contract (see `HostileTarget`): every refusal is a 4xx in the contract's error shape, never a 500 and
 * never a success, and leaves the database exactly as it was.
 *
 * The cases are tables: each endpoint lists a valid request, and the bad ones are
 * derived from it (malformed and oversized bodies, each field with wrong types,
 * each required field left out, unknown fields, the wrong session), followed by
 * the endpoint's own refusals (unknown ids and slugs, bad cursors, conflicts).
 * A control per endpoint checks that the valid request itself is accepted, so
 * every refusal below it is caused by what the case changed.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  MAX_BODY_BYTES,
  SESSION_COOKIE,
  type ErrorBody,
  type ErrorCode,
} from '../../src/api/contract';
import { SEED_SLUG } from '../../src/server/store/seed-data';

/**
 * Where the cases are sent: the MSW-backed app of the tests (the in-page
 * backend), or the Node server over a socket on a fresh SQLite file.
 */
export interface HostileTarget {
  /** The origin requests go to; `/api` follows it. */
  origin: string;
  /** Headers a browser adds to the forum's own requests, sent with every case. */
  headers: Record<string, string>;
  /** Keeps the database as it is now, as the state each test starts from. */
  keep(): Promise<void> | void;
  /** Puts the kept database back, before each test; `changed`: the last test may have changed it. */
  restore(changed: boolean): Promise<void> | void;
  /** The database now. */
  dump(): Promise<Dump>;
  close?(): Promise<void>;
}

export interface Dump {
  /** Every row of every table, in a stable order. */
  rows: Record<string, unknown[]>;
  /**
   * As text, the rows of the tables that hold no forum data but shape the next answer
   * (rate-limit counts, live events): a refusal may count towards a limit.
   */
  counters: string;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
/** Who sends a request: nobody, a made-up token, two participants, a moderator. */
type Who = 'reader' | 'forged' | 'amina' | 'bea' | 'moderator';
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Refusal {
  name: string;
  method: Method;
  /** Below /api; `{name}` stands for an id of the fixture. */
  path: string;
  as: Who;
  /** Sent as JSON, unless `raw` gives the exact text. */
  body?: Json;
  raw?: string;
  status: number;
  code: ErrorCode;
  /** The field the error must name. */
  field?: string;
}

// ---------------------------------------------------------------------------
// The fixture: people signed in and entries in every state, made through the API
// ---------------------------------------------------------------------------

const CLOSED_TITLE = 'A closed discussion for hostile tests';
const CLOSED = 'a-closed-discussion-for-hostile-tests';
const AHEAD_TITLE = 'A discussion that opens in 2099';
const AHEAD = 'a-discussion-that-opens-in-2099';

interface Fixture {
  tokens: Record<'amina' | 'bea' | 'moderator', string>;
  ids: Record<string, string>;
}
let fixture: Fixture;
let target: HostileTarget;

function cookieFor(who: Who): string {
  if (who === 'reader') return `${SESSION_COOKIE}=`;
  if (who === 'forged') return `${SESSION_COOKIE}=0123456789abcdef0123456789abcdef0123456789abcdef`;
  return `${SESSION_COOKIE}=${fixture.tokens[who]}`;
}

/** Fills in `{name}` placeholders with the fixture's ids. */
function resolve(text: string): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const id = fixture.ids[name];
    if (id === undefined) throw new Error(`The fixture has no id “${name}”.`);
    return id;
  });
}

async function send(
  method: Method,
  path: string,
  as: Who,
  body?: { json: Json } | { raw: string },
): Promise<Response> {
  const text =
    body === undefined ? undefined : 'raw' in body ? body.raw : JSON.stringify(body.json);
  return fetch(`${target.origin}/api${resolve(path)}`, {
    method,
    // An explicit Cookie header wins over any cookie MSW stored from a sign-in.
    headers: {
      ...target.headers,
      Cookie: cookieFor(as),
      ...(text === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: text === undefined ? undefined : resolve(text),
  });
}

/** A request the fixture needs; it must succeed. Returns the id of what it made, if any. */
async function setUp(method: Method, path: string, as: Who, body?: Json): Promise<string> {
  const response = await send(method, path, as, body === undefined ? undefined : { json: body });
  if (!response.ok) throw new Error(`Fixture ${method} ${path}: ${response.status}`);
  if (response.status === 204) return '';
  const made = (await response.json()) as {
    comment?: { id: string } | null;
    resource?: { id: string } | null;
    id?: string;
    slug?: string;
  };
  return made.comment?.id ?? made.resource?.id ?? made.id ?? made.slug ?? '';
}

/** Opens a session as a reader would (no cookie yet) and returns its token. */
async function sessionToken(path: '/session' | '/accounts', body: Json): Promise<string> {
  const response = await send('POST', path, 'reader', { json: body });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  const token = cookie?.split(';')[0]?.split('=')[1];
  if (!response.ok || !token) throw new Error(`No session from ${path}: ${response.status}`);
  return token;
}

/** The demo participant and moderator, and a newcomer who joins. */
async function openSessions(): Promise<Fixture['tokens']> {
  return {
    amina: await sessionToken('/session', {
      email: 'amina@example.org',
      password: 'demo-participant',
    }),
    moderator: await sessionToken('/session', {
      email: 'moderator@example.org',
      password: 'demo-moderator',
    }),
    bea: await sessionToken('/accounts', {
      displayName: 'Bea Otieno',
      email: 'bea@example.org',
      password: 'bea-password',
    }),
  };
}

async function makeFixture(): Promise<void> {
  fixture = { tokens: { amina: '', bea: '', moderator: '' }, ids: {} };
  const { tokens, ids } = fixture;
  Object.assign(tokens, await openSessions());

  const comments = `/discussions/${SEED_SLUG}/comments`;
  const decide = (kind: 'comment' | 'resource', id: string, action: string, from: string) =>
    setUp('POST', '/moderation/decisions', 'moderator', {
      kind,
      id,
      action,
      expectedStatus: from,
      ...(action === 'hide' ? { reason: 'Abusive' } : {}),
    });

  ids.mine = await setUp('POST', comments, 'amina', { body: 'Waiting for a moderator' });
  ids.minePublished = await setUp('POST', comments, 'amina', { body: 'Already published' });
  await decide('comment', ids.minePublished, 'approve', 'pending');
  ids.theirs = await setUp('POST', comments, 'bea', { body: 'Published, by Bea' });
  await decide('comment', ids.theirs, 'approve', 'pending');
  ids.hidden = await setUp('POST', comments, 'bea', { body: 'Hidden by a moderator' });
  await decide('comment', ids.hidden, 'approve', 'pending');
  await decide('comment', ids.hidden, 'hide', 'published');
  ids.withdrawn = await setUp('POST', comments, 'amina', { body: 'Taken back' });
  await setUp('DELETE', `/comments/${ids.withdrawn}`, 'amina');
  ids.resource = await setUp('POST', `/discussions/${SEED_SLUG}/resources`, 'amina', {
    url: 'https://example.org/hostile-guide',
    title: 'A guide waiting for approval',
    kind: 'report',
  });
  await setUp('POST', '/comments/c-original-2/flags', 'amina', { reason: 'spam' });

  const closed = await setUp('POST', '/discussions', 'moderator', {
    title: CLOSED_TITLE,
    introduction: 'Only here to be closed.',
    organiser: 'Agora',
    startsOn: '2026-01-01',
    endsOn: '2026-02-01',
  });
  expect(closed).toBe(CLOSED);
  ids.otherThread = await setUp('POST', `/discussions/${CLOSED}/comments`, 'moderator', {
    body: 'A comment in another discussion',
  });
  await setUp('PATCH', `/discussions/${CLOSED}`, 'moderator', { status: 'closed' });
  const ahead = await setUp('POST', '/discussions', 'moderator', {
    title: AHEAD_TITLE,
    introduction: 'Its start date is still ahead.',
    organiser: 'Agora',
    startsOn: '2099-01-01',
    endsOn: '2099-01-31',
  });
  expect(ahead).toBe(AHEAD);

  const people = await send('GET', '/people', 'moderator');
  const { people: list } = (await people.json()) as {
    people: { id: string; displayName: string; role: string }[];
  };
  ids.bea = list.find((p) => p.displayName === 'Bea Otieno')?.id ?? '';
  ids.me = list.find((p) => p.role === 'moderator')?.id ?? '';
  const link = await send('POST', `/people/${ids.bea}/reset-link`, 'moderator', { json: {} });
  const { path } = (await link.json()) as { path: string };
  ids.resetToken = path.split('/').at(-1) ?? '';
  await target.keep();
}

// ---------------------------------------------------------------------------
// What every refusal must look like
// ---------------------------------------------------------------------------

const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'duplicate',
  'discussion_closed',
  'not_open',
  'payload_too_large',
  'suspended',
  'rate_limited',
  'idempotency_mismatch',
  'cross_origin',
  'unsupported_media_type',
  'internal',
] as const satisfies readonly ErrorCode[];
/** Stops the build when the contract gains an error code this list does not know. */
export const knowsEveryCode: [Exclude<ErrorCode, (typeof ERROR_CODES)[number]>] extends [never]
  ? true
  : never = true;

const errorBodySchema: z.ZodType<ErrorBody> = z.strictObject({
  error: z.strictObject({
    code: z.enum(ERROR_CODES),
    message: z.string().min(1),
    fields: z.record(z.string(), z.string().min(1)).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

// ---------------------------------------------------------------------------
// Starting each test from the fixture
// ---------------------------------------------------------------------------

/** The fixture's rows (also as text) and counters, read once after it is made. */
let fixtureRows: Record<string, unknown[]>;
let fixtureText: string;
let fixtureCounters: string;
/**
 * Whether the database is known to be the fixture still, rows and counters: then the
 * next test needs no restore. Most tests are refusals that check they changed nothing;
 * putting back what they did not change cost a write each.
 */
let atFixture = false;

/** Asserts the rows are still the fixture's; when they are and no counter moved, the next test may start here. */
async function expectUnchanged(message?: string): Promise<void> {
  const { rows, counters } = await target.dump();
  // Equal text is equal rows; only a difference needs the deep comparison and its report.
  if (JSON.stringify(rows) !== fixtureText) expect(rows, message).toEqual(fixtureRows);
  if (counters === fixtureCounters) atFixture = true;
}

async function expectRefused(c: Refusal): Promise<void> {
  const response = await send(
    c.method,
    c.path,
    c.as,
    c.raw !== undefined ? { raw: c.raw } : c.body !== undefined ? { json: c.body } : undefined,
  );
  const body: unknown = await response.json();
  const parsed = errorBodySchema.safeParse(body);
  expect(parsed.error, 'the contract’s error shape').toBeUndefined();
  expect({ status: response.status, code: parsed.data?.error.code }).toEqual({
    status: c.status,
    code: c.code,
  });
  if (c.field !== undefined) expect(parsed.data?.error.fields).toHaveProperty([c.field]);
  await expectUnchanged('the database after a refused request');
}

// ---------------------------------------------------------------------------
// Cases derived from a valid request
// ---------------------------------------------------------------------------

type OwnCase = Omit<Refusal, 'method' | 'path' | 'as'> &
  Partial<Pick<Refusal, 'method' | 'path' | 'as'>>;

interface Endpoint {
  method: Method;
  path: string;
  as: Who;
  /** Status of the valid request (the control). */
  accepted: number;
  /** A valid JSON body, for endpoints that take one. */
  valid?: { [key: string]: Json };
  /** Dotted paths the body cannot do without. */
  required?: readonly string[];
  /** Dotted paths where null is a valid value. */
  nullable?: readonly string[];
  /** Fields whose items the schema leaves to the rule (checked item by item). */
  opaque?: readonly string[];
  /** Who must be refused: anyone without a session, or also participants. */
  needs?: 'session' | 'moderator';
  /** The endpoint's own refusals; they send the valid body unless they say otherwise. */
  own: readonly OwnCase[];
}

type Path = (string | number)[];

function leaves(value: Json, opaque: readonly string[], at: Path = []): Path[] {
  const here = at.length > 0 ? [at] : [];
  if (opaque.includes(at.join('.'))) return here;
  if (Array.isArray(value))
    return [...here, ...value.flatMap((v, i) => leaves(v, opaque, [...at, i]))];
  if (value !== null && typeof value === 'object') {
    return [...here, ...Object.entries(value).flatMap(([k, v]) => leaves(v, opaque, [...at, k]))];
  }
  return here;
}

function getAt(value: Json, path: Path): Json {
  return path.reduce<Json>((v, key) => (v as Record<string | number, Json>)[key] as Json, value);
}

/** A deep copy of `value` with the item at `path` replaced, or removed when `next` is undefined. */
function setAt(value: Json, path: Path, next: Json | undefined): Json {
  const copy = structuredClone(value);
  const parent = getAt(copy, path.slice(0, -1)) as Record<string | number, Json>;
  const key = path[path.length - 1] as string | number;
  if (next === undefined) Reflect.deleteProperty(parent, key);
  else parent[key] = next;
  return copy;
}

/** Values of every JSON type but the field's own. */
function wrongTypes(valid: Json, nullable: boolean): Json[] {
  const all: Json[] = [42, true, 'text', ['text'], { text: 'text' }];
  const sameType = (v: Json) =>
    Array.isArray(v) === Array.isArray(valid) &&
    (v === null) === (valid === null) &&
    typeof v === typeof valid;
  return [...all.filter((v) => !sameType(v)), ...(nullable || valid === null ? [] : [null])];
}

const describeValue = (v: Json) =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'an array'
      : typeof v === 'object'
        ? 'an object'
        : JSON.stringify(v);

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** Bodies no endpoint may accept: not JSON, not an object, too large. */
function badBodies(validText: string): OwnCase[] {
  return [
    { name: 'malformed JSON', raw: '{"body": ', status: 400, code: 'bad_request' },
    { name: 'JSON cut short', raw: validText.slice(0, -1), status: 400, code: 'bad_request' },
    {
      name: 'single-quoted JSON',
      raw: validText.replaceAll('"', "'"),
      status: 400,
      code: 'bad_request',
    },
    { name: 'a form encoding', raw: 'body=hello&parentId=', status: 400, code: 'bad_request' },
    {
      name: 'a body over 64 KB',
      raw: JSON.stringify({ padding: 'x'.repeat(MAX_BODY_BYTES) }),
      status: 413,
      code: 'payload_too_large',
    },
    {
      name: 'a body over 64 KB in bytes though not in characters',
      raw: JSON.stringify({ padding: 'é'.repeat(MAX_BODY_BYTES / 2 + 1) }),
      status: 413,
      code: 'payload_too_large',
    },
  ];
}

/** Every way to get the valid body wrong: its shape, each field's type, a missing field. */
function badShapes(e: Endpoint, valid: { [key: string]: Json }): OwnCase[] {
  const validText = JSON.stringify(valid);
  const invalid = { status: 400, code: 'validation_failed' } as const;
  const cases: OwnCase[] = [
    { name: 'a JSON array', body: [valid], ...invalid, field: '_' },
    { name: 'JSON null', body: null, ...invalid, field: '_' },
    { name: 'a JSON string', body: validText, ...invalid, field: '_' },
    { name: 'JSON nested 20,000 deep', raw: `{"deep":${nested(20_000)}}`, ...invalid },
    {
      name: 'the valid body padded over 64 KB',
      body: { ...valid, padding: 'x'.repeat(MAX_BODY_BYTES) },
      status: 413,
      code: 'payload_too_large',
    },
    {
      name: 'an unknown field',
      // One that would make the sender a moderator, were it taken.
      body: { ...valid, ...('role' in valid ? { promote: true } : { role: 'moderator' }) },
      ...invalid,
      field: '_',
    },
    {
      name: 'a __proto__ field',
      raw: validText.replace(/^\{/, '{"__proto__":{"role":"moderator"},'),
      ...invalid,
      field: '_',
    },
  ];
  for (const path of leaves(valid, e.opaque ?? [])) {
    const field = path.join('.');
    const value = getAt(valid, path);
    for (const wrong of wrongTypes(value, e.nullable?.includes(field) ?? false)) {
      cases.push({
        name: `${field} as ${describeValue(wrong)}`,
        body: setAt(valid, path, wrong),
        ...invalid,
        field,
      });
    }
  }
  for (const field of e.required ?? []) {
    const path = field.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
    cases.push({
      name: `without ${field}`,
      body: setAt(valid, path, undefined),
      ...invalid,
      field,
    });
  }
  return cases;
}

function sessionCases(e: Endpoint): OwnCase[] {
  const cases: OwnCase[] = [];
  if (e.needs) {
    cases.push(
      { name: 'without a session', as: 'reader', status: 401, code: 'unauthenticated' },
      { name: 'with a made-up session', as: 'forged', status: 401, code: 'unauthenticated' },
    );
  }
  if (e.needs === 'moderator') {
    cases.push({ name: 'from a participant', as: 'amina', status: 403, code: 'forbidden' });
  }
  return cases;
}

function refusalsOf(e: Endpoint): Refusal[] {
  const derived = [
    ...(e.method === 'GET' ? [] : badBodies(JSON.stringify(e.valid ?? { reason: 'gone' }))),
    ...(e.valid ? badShapes(e, e.valid) : []),
    ...sessionCases(e),
  ];
  return [...derived, ...e.own].map((c) => ({
    method: e.method,
    path: e.path,
    as: e.as,
    ...(e.valid && c.raw === undefined && !('body' in c) ? { body: e.valid } : {}),
    ...c,
  }));
}

// ---------------------------------------------------------------------------
// The endpoints, from src/server/routes/*.ts
// ---------------------------------------------------------------------------

const DISCUSSION = `/discussions/${SEED_SLUG}`;
const long = (n: number) => 'a'.repeat(n);
const cursor = (text: string) => btoa(text).replace(/=+$/, '');
const notFound = { status: 404, code: 'not_found' } as const;
const invalid = { status: 400, code: 'validation_failed' } as const;
const badRequest = { status: 400, code: 'bad_request' } as const;
const conflict = { status: 409, code: 'conflict' } as const;
const closed = { status: 409, code: 'discussion_closed' } as const;
const notOpen = { status: 409, code: 'not_open' } as const;

const decision = {
  kind: 'comment',
  id: '{mine}',
  action: 'reject',
  reason: 'Off-topic',
  expectedStatus: 'pending',
};

const ENDPOINTS: Record<string, Endpoint> = {
  'GET /session': { method: 'GET', path: '/session', as: 'amina', accepted: 200, own: [] },
  'POST /session (sign in)': {
    method: 'POST',
    path: '/session',
    as: 'reader',
    accepted: 200,
    valid: { email: 'amina@example.org', password: 'demo-participant' },
    required: ['email', 'password'],
    own: [
      {
        name: 'a wrong password',
        body: { email: 'amina@example.org', password: 'demo-moderator' },
        status: 401,
        code: 'unauthenticated',
      },
      {
        name: 'an unknown email',
        body: { email: 'nobody@example.org', password: 'demo-participant' },
        status: 401,
        code: 'unauthenticated',
      },
      { name: 'not an email', body: { email: 'amina', password: 'x' }, ...invalid, field: 'email' },
      {
        name: 'an empty password',
        body: { email: 'amina@example.org', password: '' },
        ...invalid,
        field: 'password',
      },
    ],
  },
  'DELETE /session (sign out)': {
    method: 'DELETE',
    path: '/session',
    as: 'amina',
    accepted: 204,
    own: [],
  },
  'POST /accounts (join)': {
    method: 'POST',
    path: '/accounts',
    as: 'reader',
    accepted: 201,
    valid: {
      displayName: 'Chidi Okafor',
      organisation: 'Women Connect',
      email: 'chidi@example.org',
      password: 'a-long-password',
    },
    required: ['displayName', 'email', 'password'],
    own: [
      {
        name: 'an email already taken, in other case and spacing',
        body: { displayName: 'Amina 2', email: ' AMINA@example.org ', password: 'a-long-password' },
        ...conflict,
        field: 'email',
      },
      {
        name: 'a display name of spaces',
        body: { displayName: '    ', email: 'x@example.org', password: 'a-long-password' },
        ...invalid,
        field: 'displayName',
      },
      {
        name: 'a display name of 81 characters',
        body: { displayName: long(81), email: 'x@example.org', password: 'a-long-password' },
        ...invalid,
        field: 'displayName',
      },
      {
        name: 'a short password',
        body: { displayName: 'Chidi', email: 'x@example.org', password: 'short' },
        ...invalid,
        field: 'password',
      },
    ],
  },

  'GET /discussions': { method: 'GET', path: '/discussions', as: 'reader', accepted: 200, own: [] },
  'POST /discussions (create)': {
    method: 'POST',
    path: '/discussions',
    as: 'moderator',
    accepted: 201,
    needs: 'moderator',
    valid: {
      title: 'Safer spaces online',
      introduction: 'How do we keep activists safe online?',
      organiser: 'Agora',
      partners: [{ name: 'AWID', url: 'https://www.awid.org' }],
      startsOn: '2026-03-01',
      endsOn: '2026-03-31',
      event: { title: 'Launch', date: '2026-03-01', place: 'Online', description: 'Opening' },
      approvalMode: 'first',
    },
    required: ['title', 'introduction', 'organiser', 'startsOn', 'endsOn'].concat(
      'partners.0.name',
      'event.title',
      'event.date',
    ),
    nullable: ['partners.0.url', 'event'],
    own: [
      {
        name: 'an end before the start',
        body: {
          title: 'Dates',
          introduction: 'x',
          organiser: 'x',
          startsOn: '2026-03-02',
          endsOn: '2026-03-01',
        },
        ...invalid,
        field: 'endsOn',
      },
      {
        name: 'a date that does not exist',
        body: {
          title: 'Dates',
          introduction: 'x',
          organiser: 'x',
          startsOn: '2026-13-01',
          endsOn: '2026-13-02',
        },
        ...invalid,
        field: 'startsOn',
      },
      {
        name: 'a partner at a javascript: address',
        body: {
          title: 'Partners',
          introduction: 'x',
          organiser: 'x',
          startsOn: '2026-03-01',
          endsOn: '2026-03-02',
          partners: [{ name: 'Evil', url: 'javascript:alert(1)' }],
        },
        ...invalid,
        field: 'partners.0.url',
      },
      {
        name: 'an unknown approval mode',
        body: {
          title: 'Modes',
          introduction: 'x',
          organiser: 'x',
          startsOn: '2026-03-01',
          endsOn: '2026-03-02',
          approvalMode: 'some',
        },
        ...invalid,
        field: 'approvalMode',
      },
    ],
  },
  'GET /discussions/:slug': {
    method: 'GET',
    path: DISCUSSION,
    as: 'reader',
    accepted: 200,
    own: [
      { name: 'an unknown slug', path: '/discussions/no-such-discussion', ...notFound },
      { name: 'a slug of 10,000 characters', path: `/discussions/${long(10_000)}`, ...notFound },
      { name: 'a slug climbing out', path: '/discussions/..%2F..%2Fsession', ...notFound },
      { name: 'a slug with broken escapes', path: '/discussions/%E0%A4%A', ...badRequest },
    ],
  },
  'PATCH /discussions/:slug (edit, open, close)': {
    method: 'PATCH',
    path: DISCUSSION,
    as: 'moderator',
    accepted: 200,
    needs: 'moderator',
    valid: {
      title: 'A renamed discussion',
      introduction: 'New words',
      organiser: 'Wikigender',
      partners: [{ name: 'AWID', url: null }],
      startsOn: '2015-02-11',
      endsOn: '2015-02-25',
      event: null,
      approvalMode: 'none',
      status: 'closed',
      closedReason: 'Finished',
      closesAt: '2099-01-01T00:00:00Z',
    },
    required: [],
    nullable: ['partners.0.url', 'event', 'closesAt'],
    own: [
      { name: 'an unknown slug', path: '/discussions/no-such-discussion', ...notFound },
      {
        name: 'an end before the start',
        body: { endsOn: '2000-01-01' },
        ...invalid,
        field: 'endsOn',
      },
      {
        name: 'a closing time in the past',
        body: { closesAt: '2001-01-01T00:00:00Z' },
        ...invalid,
        field: 'closesAt',
      },
      {
        name: 'a closing time without a time zone',
        body: { closesAt: '2099-01-01T00:00:00' },
        ...invalid,
        field: 'closesAt',
      },
      { name: 'an unknown status', body: { status: 'archived' }, ...invalid, field: 'status' },
    ],
  },
  'GET /discussions/:slug/comments': {
    method: 'GET',
    path: `${DISCUSSION}/comments`,
    as: 'reader',
    accepted: 200,
    own: [
      { name: 'an unknown slug', path: '/discussions/nope/comments', ...notFound },
      ...['0', '-1', '101', '1.5', 'ten', '', '1e3', 'Infinity', '5&limit=abc'].map(
        (limit): OwnCase => ({
          name: `limit=${limit}`,
          path: `${DISCUSSION}/comments?limit=${limit}`,
          ...invalid,
          field: 'limit',
        }),
      ),
      ...[
        ['not base64', '!!!'],
        ['an unknown comment', cursor('a:no-such-comment')],
        ['an unknown direction', cursor('c:c-original-1')],
        ['a comment of another discussion', cursor('a:{otherThread}')],
        ['an id of 65 characters', cursor(`a:${long(65)}`)],
        ['just a colon', cursor(':')],
      ].map(([what, value]): OwnCase => ({
        name: `a cursor of ${what}`,
        path: `${DISCUSSION}/comments?cursor=${encodeURIComponent(value ?? '')}`,
        ...badRequest,
        field: 'cursor',
      })),
      {
        name: 'a cursor of 201 characters',
        path: `${DISCUSSION}/comments?cursor=${long(201)}`,
        ...invalid,
        field: 'cursor',
      },
      { name: 'an unknown anchor', path: `${DISCUSSION}/comments?anchor=nope`, ...notFound },
      {
        name: 'an anchor the reader may not see',
        path: `${DISCUSSION}/comments?anchor={mine}`,
        ...notFound,
      },
      {
        name: 'an anchor in another discussion',
        path: `${DISCUSSION}/comments?anchor={otherThread}`,
        ...notFound,
      },
      {
        name: 'an anchor of 65 characters',
        path: `${DISCUSSION}/comments?anchor=${long(65)}`,
        ...invalid,
        field: 'anchor',
      },
      {
        name: 'an unknown parameter',
        path: `${DISCUSSION}/comments?page=2`,
        ...invalid,
        field: '_',
      },
      {
        name: 'a __proto__ parameter',
        path: `${DISCUSSION}/comments?__proto__=x`,
        ...invalid,
        field: '_',
      },
    ],
  },
  'POST /discussions/:slug/comments (post, reply)': {
    method: 'POST',
    path: `${DISCUSSION}/comments`,
    as: 'amina',
    accepted: 201,
    needs: 'session',
    valid: { body: 'A reply with substance', parentId: '{theirs}' },
    required: ['body'],
    nullable: ['parentId'],
    own: [
      { name: 'an unknown slug', path: '/discussions/nope/comments', ...notFound },
      { name: 'a closed discussion', path: `/discussions/${CLOSED}/comments`, ...closed },
      { name: 'a discussion not open yet', path: `/discussions/${AHEAD}/comments`, ...notOpen },
      {
        name: 'a slug with an overlong escape',
        path: '/discussions/%C0%AF/comments',
        ...badRequest,
      },
      ...[
        ['an unknown comment', 'no-such-comment'],
        ['a comment of another discussion', '{otherThread}'],
        ['a comment waiting for a moderator', '{mine}'],
        ['a hidden comment', '{hidden}'],
        ['a withdrawn comment', '{withdrawn}'],
        ['an empty id', ''],
        ['an id of 65 characters', long(65)],
      ].map(([what, parentId]): OwnCase => ({
        name: `a reply to ${what}`,
        body: { body: 'A reply', parentId: parentId ?? '' },
        ...invalid,
        field: 'parentId',
      })),
      { name: 'a body of spaces', body: { body: '     ' }, ...invalid, field: 'body' },
      { name: 'a body of one character', body: { body: 'a' }, ...invalid, field: 'body' },
      {
        name: 'a body of 10,001 characters',
        body: { body: long(10_001) },
        ...invalid,
        field: 'body',
      },
    ],
  },
  'PATCH /comments/:id (edit)': {
    method: 'PATCH',
    path: '/comments/{mine}',
    as: 'amina',
    accepted: 200,
    needs: 'session',
    valid: { body: 'Edited before a decision' },
    required: ['body'],
    own: [
      { name: 'an unknown id', path: '/comments/no-such-comment', ...notFound },
      { name: 'an id with a broken escape', path: '/comments/%FF', ...badRequest },
      { name: 'another participant’s waiting comment', as: 'bea', ...notFound },
      { name: 'by a moderator', as: 'moderator', status: 403, code: 'forbidden' },
      { name: 'a comment already published', path: '/comments/{minePublished}', ...conflict },
      { name: 'a withdrawn comment', path: '/comments/{withdrawn}', ...notFound },
      { name: 'a body of one character', body: { body: 'a' }, ...invalid, field: 'body' },
    ],
  },
  'DELETE /comments/:id (withdraw)': {
    method: 'DELETE',
    path: '/comments/{mine}',
    as: 'amina',
    accepted: 204,
    needs: 'session',
    own: [
      { name: 'an unknown id', path: '/comments/no-such-comment', ...notFound },
      { name: 'another participant’s waiting comment', as: 'bea', ...notFound },
      { name: 'by a moderator', as: 'moderator', status: 403, code: 'forbidden' },
      { name: 'a comment already published', path: '/comments/{minePublished}', ...conflict },
      { name: 'a comment already withdrawn', path: '/comments/{withdrawn}', ...notFound },
    ],
  },
  'GET /discussions/:slug/resources': {
    method: 'GET',
    path: `${DISCUSSION}/resources`,
    as: 'reader',
    accepted: 200,
    own: [
      { name: 'an unknown slug', path: '/discussions/nope/resources', ...notFound },
      {
        name: 'an unknown kind',
        path: `${DISCUSSION}/resources?kind=video`,
        ...invalid,
        field: 'kind',
      },
      { name: 'an empty kind', path: `${DISCUSSION}/resources?kind=`, ...invalid, field: 'kind' },
      {
        name: 'an unknown sort',
        path: `${DISCUSSION}/resources?sort=random`,
        ...invalid,
        field: 'sort',
      },
      {
        name: 'an unknown parameter',
        path: `${DISCUSSION}/resources?limit=5`,
        ...invalid,
        field: '_',
      },
    ],
  },
  'POST /discussions/:slug/resources (share)': {
    method: 'POST',
    path: `${DISCUSSION}/resources`,
    as: 'amina',
    accepted: 201,
    needs: 'session',
    valid: {
      url: 'https://example.org/another-guide',
      title: 'Another guide',
      kind: 'tool',
      description: 'Useful',
    },
    required: ['url', 'title', 'kind'],
    own: [
      { name: 'an unknown slug', path: '/discussions/nope/resources', ...notFound },
      { name: 'a closed discussion', path: `/discussions/${CLOSED}/resources`, ...closed },
      { name: 'a discussion not open yet', path: `/discussions/${AHEAD}/resources`, ...notOpen },
      ...[
        'javascript:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        'ftp://example.org/file',
        '//example.org/guide',
        'https://user:secret@example.org/',
        'https://',
        'not an address',
        `https://example.org/${long(2000)}`,
      ].map((url): OwnCase => ({
        name: `the address ${url.slice(0, 40)}`,
        body: { url, title: 'A title', kind: 'tool' },
        ...invalid,
        field: 'url',
      })),
      {
        name: 'an address waiting for approval, written differently',
        as: 'bea',
        body: { url: 'HTTPS://EXAMPLE.org:443/hostile-guide/#top', title: 'Again', kind: 'tool' },
        status: 409,
        code: 'duplicate',
      },
      {
        name: 'an unknown kind',
        body: { url: 'https://example.org/x', title: 'A title', kind: 'video' },
        ...invalid,
        field: 'kind',
      },
      {
        name: 'a description of 501 characters',
        body: {
          url: 'https://example.org/x',
          title: 'A title',
          kind: 'tool',
          description: long(501),
        },
        ...invalid,
        field: 'description',
      },
    ],
  },
  'GET /discussions/:slug/search': {
    method: 'GET',
    path: `${DISCUSSION}/search?q=social`,
    as: 'reader',
    accepted: 200,
    own: [
      { name: 'an unknown slug', path: '/discussions/nope/search?q=social', ...notFound },
      ...[
        ['no q', ''],
        ['an empty q', 'q='],
        ['a q of spaces', 'q=%20%20%20'],
        ['a q of 201 characters', `q=${long(201)}`],
      ].map(([what, query]): OwnCase => ({
        name: what ?? '',
        path: `${DISCUSSION}/search?${query ?? ''}`,
        ...invalid,
        field: 'q',
      })),
      {
        name: 'an unknown parameter',
        path: `${DISCUSSION}/search?q=social&sort=relevance`,
        ...invalid,
      },
      ...['!!!', btoa('2015-02-01T00:00:00.000Z|'), btoa('yesterday|c-original-1')].map(
        (value): OwnCase => ({
          name: `a cursor ${value}`,
          path: `${DISCUSSION}/search?q=social&cursor=${encodeURIComponent(value)}`,
          ...badRequest,
          field: 'cursor',
        }),
      ),
    ],
  },
  'GET /discussions/:slug/campaigns': {
    method: 'GET',
    path: `${DISCUSSION}/campaigns`,
    as: 'reader',
    accepted: 200,
    own: [{ name: 'an unknown slug', path: '/discussions/nope/campaigns', ...notFound }],
  },
  'GET /discussions/:slug/campaigns/:tag': {
    method: 'GET',
    path: `${DISCUSSION}/campaigns/heforshe`,
    as: 'reader',
    accepted: 200,
    own: [
      { name: 'an unknown tag', path: `${DISCUSSION}/campaigns/nope`, ...notFound },
      { name: 'an unknown slug', path: '/discussions/nope/campaigns/heforshe', ...notFound },
      {
        name: 'a tag of another discussion',
        path: `/discussions/${CLOSED}/campaigns/heforshe`,
        ...notFound,
      },
      {
        name: 'a tag with broken escapes',
        path: `${DISCUSSION}/campaigns/%E0%A4%A`,
        ...badRequest,
      },
    ],
  },

  'POST /comments/:id/flags': {
    method: 'POST',
    path: '/comments/{theirs}/flags',
    as: 'amina',
    accepted: 201,
    needs: 'session',
    valid: { reason: 'other', note: 'Not about the topic' },
    required: ['reason', 'note'],
    own: [
      { name: 'an unknown id', path: '/comments/no-such-comment/flags', ...notFound },
      { name: 'one’s own comment', as: 'bea', status: 403, code: 'forbidden' },
      { name: 'a comment flagged before', path: '/comments/c-original-2/flags', ...conflict },
      {
        name: 'a comment the flagger may not see',
        as: 'bea',
        path: '/comments/{mine}/flags',
        ...notFound,
      },
      { name: 'a hidden comment', path: '/comments/{hidden}/flags', ...conflict },
      { name: 'a withdrawn comment', path: '/comments/{withdrawn}/flags', ...notFound },
      { name: 'a resource’s id', path: '/comments/r-original-1/flags', ...notFound },
      { name: 'an unknown reason', body: { reason: 'rude' }, ...invalid, field: 'reason' },
      {
        name: '“other” without a note',
        body: { reason: 'other', note: '  ' },
        ...invalid,
        field: 'note',
      },
      {
        name: 'a note of 501 characters',
        body: { reason: 'spam', note: long(501) },
        ...invalid,
        field: 'note',
      },
    ],
  },
  'POST /resources/:id/flags': {
    method: 'POST',
    path: '/resources/r-original-1/flags',
    as: 'amina',
    accepted: 201,
    needs: 'session',
    valid: { reason: 'spam' },
    required: ['reason'],
    own: [
      { name: 'an unknown id', path: '/resources/no-such-resource/flags', ...notFound },
      { name: 'a comment’s id', path: '/resources/{theirs}/flags', ...notFound },
      {
        name: 'one’s own resource',
        path: '/resources/{resource}/flags',
        status: 403,
        code: 'forbidden',
      },
      {
        name: 'a resource the flagger may not see',
        as: 'bea',
        path: '/resources/{resource}/flags',
        ...notFound,
      },
    ],
  },

  'GET /moderation/queue': {
    method: 'GET',
    path: '/moderation/queue',
    as: 'moderator',
    accepted: 200,
    needs: 'moderator',
    own: [
      { name: 'an unknown kind', path: '/moderation/queue?kind=flag', ...invalid, field: 'kind' },
      {
        name: 'a discussion of 121 characters',
        path: `/moderation/queue?discussion=${long(121)}`,
        ...invalid,
        field: 'discussion',
      },
      {
        name: 'an unknown parameter',
        path: '/moderation/queue?status=pending',
        ...invalid,
        field: '_',
      },
      {
        name: 'a cursor that is not base64',
        path: '/moderation/queue?cursor=%25%25',
        status: 400,
        code: 'bad_request',
        field: 'cursor',
      },
      {
        name: 'a cursor of the wrong shape',
        path: `/moderation/queue?cursor=${btoa('{"id":"x"}')}`,
        status: 400,
        code: 'bad_request',
        field: 'cursor',
      },
      { name: 'a limit of 0', path: '/moderation/queue?limit=0', ...invalid, field: 'limit' },
      { name: 'a limit of 101', path: '/moderation/queue?limit=101', ...invalid, field: 'limit' },
    ],
  },
  'POST /moderation/decisions': {
    method: 'POST',
    path: '/moderation/decisions',
    as: 'moderator',
    accepted: 200,
    needs: 'moderator',
    valid: decision,
    required: ['kind', 'id', 'action', 'expectedStatus', 'reason'],
    own: [
      { name: 'an unknown id', body: { ...decision, id: 'no-such-entry' }, ...notFound },
      {
        name: 'a comment’s id as a resource',
        body: { ...decision, kind: 'resource' },
        ...notFound,
      },
      {
        name: 'a withdrawn comment',
        body: { ...decision, id: '{withdrawn}', expectedStatus: 'withdrawn' },
        ...notFound,
      },
      {
        name: 'a stale expected status',
        body: { ...decision, expectedStatus: 'published' },
        ...conflict,
      },
      {
        name: 'restoring a waiting comment',
        body: { ...decision, action: 'restore' },
        ...conflict,
      },
      { name: 'hiding a waiting comment', body: { ...decision, action: 'hide' }, ...conflict },
      {
        name: 'featuring a waiting comment',
        body: { ...decision, action: 'feature' },
        ...conflict,
      },
      {
        name: 'featuring a featured comment',
        body: { ...decision, id: 'c-original-1', action: 'feature', expectedStatus: 'published' },
        ...conflict,
      },
      {
        name: 'featuring a resource',
        body: {
          kind: 'resource',
          id: 'r-original-1',
          action: 'feature',
          expectedStatus: 'published',
        },
        ...badRequest,
      },
      {
        name: 'editing a resource before approval',
        body: {
          kind: 'resource',
          id: '{resource}',
          action: 'edit-approve',
          body: 'New',
          expectedStatus: 'pending',
        },
        ...badRequest,
      },
      {
        name: 'dismissing flags where there are none',
        body: { ...decision, id: '{theirs}', action: 'dismiss-flags', expectedStatus: 'published' },
        ...conflict,
      },
      {
        name: 'edit-approve without a text',
        body: { ...decision, action: 'edit-approve' },
        ...invalid,
        field: 'body',
      },
      {
        name: 'edit-approve with a text of one character',
        body: { ...decision, action: 'edit-approve', body: 'a' },
        ...invalid,
        field: 'body',
      },
      {
        name: 'an unknown action',
        body: { ...decision, action: 'delete' },
        ...invalid,
        field: 'action',
      },
      {
        name: 'a reason of spaces',
        body: { ...decision, reason: '   ' },
        ...invalid,
        field: 'reason',
      },
      {
        name: 'a reason of 501 characters',
        body: { ...decision, reason: long(501) },
        ...invalid,
        field: 'reason',
      },
      { name: 'an empty id', body: { ...decision, id: '' }, ...invalid, field: 'id' },
    ],
  },
  'POST /moderation/decisions/batch': {
    method: 'POST',
    path: '/moderation/decisions/batch',
    as: 'moderator',
    accepted: 200,
    needs: 'moderator',
    valid: { decisions: [decision] },
    required: ['decisions'],
    opaque: ['decisions'],
    own: [
      { name: 'no decisions', body: { decisions: [] }, ...invalid, field: 'decisions' },
      {
        name: '101 decisions',
        body: { decisions: Array.from({ length: 101 }, () => decision) },
        ...invalid,
        field: 'decisions',
      },
    ],
  },
  'GET /moderation/log': {
    method: 'GET',
    path: '/moderation/log',
    as: 'moderator',
    accepted: 200,
    needs: 'moderator',
    own: [
      {
        name: 'an action of 41 characters',
        path: `/moderation/log?action=${long(41)}`,
        ...invalid,
        field: 'action',
      },
      {
        name: 'a moderator of 65 characters',
        path: `/moderation/log?moderator=${long(65)}`,
        ...invalid,
        field: 'moderator',
      },
      { name: 'an unknown parameter', path: '/moderation/log?page=2', ...invalid, field: '_' },
    ],
  },

  'GET /discussions/:slug/digest': {
    method: 'GET',
    path: `${DISCUSSION}/digest`,
    as: 'reader',
    accepted: 200,
    own: [
      { name: 'an unknown slug', path: '/discussions/nope/digest', ...notFound },
      {
        name: 'an unpublished digest, to a reader',
        path: `/discussions/${CLOSED}/digest`,
        ...notFound,
      },
      {
        name: 'an unpublished digest, to a participant',
        as: 'amina',
        path: `/discussions/${CLOSED}/digest`,
        ...notFound,
      },
    ],
  },
  'PUT /discussions/:slug/digest': {
    method: 'PUT',
    path: `${DISCUSSION}/digest`,
    as: 'moderator',
    accepted: 200,
    needs: 'moderator',
    valid: {
      editorial: 'What the discussion brought up',
      order: ['c-original-2', 'c-original-1'],
      resourceIds: ['r-original-1'],
      published: false,
    },
    required: [],
    own: [
      { name: 'an unknown slug', path: '/discussions/nope/digest', ...notFound },
      {
        name: 'an unknown comment in the order',
        body: { order: ['nope'] },
        ...invalid,
        field: 'order',
      },
      {
        name: 'a comment not featured in the order',
        body: { order: ['{theirs}'] },
        ...invalid,
        field: 'order',
      },
      {
        name: 'a comment twice in the order',
        body: { order: ['c-original-1', 'c-original-1'] },
        ...invalid,
        field: 'order',
      },
      {
        name: 'a featured comment of another discussion',
        path: `/discussions/${CLOSED}/digest`,
        body: { order: ['c-original-1'] },
        ...invalid,
        field: 'order',
      },
      {
        name: 'a resource waiting for approval',
        body: { resourceIds: ['{resource}'] },
        ...invalid,
        field: 'resourceIds',
      },
      {
        name: 'an editorial of 2,001 characters',
        body: { editorial: long(2001) },
        ...invalid,
        field: 'editorial',
      },
    ],
  },
  'GET /people': {
    method: 'GET',
    path: '/people',
    as: 'moderator',
    accepted: 200,
    needs: 'moderator',
    own: [],
  },
  'PUT /people/:id/role': {
    method: 'PUT',
    path: '/people/{bea}/role',
    as: 'moderator',
    accepted: 200,
    needs: 'moderator',
    valid: { role: 'moderator' },
    required: ['role'],
    own: [
      { name: 'an unknown role', body: { role: 'admin' }, ...invalid, field: 'role' },
      { name: 'an unknown person', path: '/people/nope/role', ...notFound },
      {
        name: 'withdrawing one’s own role',
        path: '/people/{me}/role',
        body: { role: 'participant' },
        ...conflict,
      },
    ],
  },
  'PUT /people/:id/suspension': {
    method: 'PUT',
    path: '/people/{bea}/suspension',
    as: 'moderator',
    accepted: 200,
    needs: 'moderator',
    own: [
      { name: 'an unknown person', path: '/people/nope/suspension', ...notFound },
      { name: 'oneself', path: '/people/{me}/suspension', ...conflict },
    ],
  },
  'DELETE /people/:id/suspension': {
    method: 'DELETE',
    path: '/people/{bea}/suspension',
    as: 'moderator',
    accepted: 200,
    needs: 'moderator',
    own: [{ name: 'an unknown person', path: '/people/nope/suspension', ...notFound }],
  },
  'POST /people/:id/reset-link': {
    method: 'POST',
    path: '/people/{bea}/reset-link',
    as: 'moderator',
    accepted: 201,
    needs: 'moderator',
    own: [{ name: 'an unknown person', path: '/people/nope/reset-link', ...notFound }],
  },
  'GET /notifications': {
    method: 'GET',
    path: '/notifications',
    as: 'amina',
    accepted: 200,
    needs: 'session',
    own: [
      {
        name: 'a cursor that is not base64',
        path: '/notifications?cursor=%25%25',
        ...badRequest,
        field: 'cursor',
      },
      {
        name: 'a cursor of the wrong shape',
        path: `/notifications?cursor=${btoa('{"id":"x"}')}`,
        ...badRequest,
        field: 'cursor',
      },
      { name: 'a limit of 0', path: '/notifications?limit=0', ...invalid, field: 'limit' },
      { name: 'a limit of 101', path: '/notifications?limit=101', ...invalid, field: 'limit' },
    ],
  },
  'GET /notifications/unread': {
    method: 'GET',
    path: '/notifications/unread',
    as: 'amina',
    accepted: 200,
    needs: 'session',
    own: [],
  },
  'POST /notifications/read': {
    method: 'POST',
    path: '/notifications/read',
    as: 'amina',
    accepted: 200,
    needs: 'session',
    own: [],
  },
  'PUT /notifications/settings': {
    method: 'PUT',
    path: '/notifications/settings',
    as: 'amina',
    accepted: 200,
    needs: 'session',
    valid: { email: 'never' },
    required: ['email'],
    own: [
      { name: 'an unknown choice', body: { email: 'weekly' }, ...invalid, field: 'email' },
      {
        name: 'email where the forum sends none',
        body: { email: 'daily' },
        ...invalid,
        field: 'email',
      },
    ],
  },
  'PUT /discussions/:slug/follow': {
    method: 'PUT',
    path: `${DISCUSSION}/follow`,
    as: 'amina',
    accepted: 200,
    needs: 'session',
    own: [{ name: 'an unknown discussion', path: '/discussions/nope/follow', ...notFound }],
  },
  'PUT /comments/:id/follow': {
    method: 'PUT',
    path: '/comments/{theirs}/follow',
    as: 'amina',
    accepted: 200,
    needs: 'session',
    own: [{ name: 'a withdrawn comment', path: '/comments/{withdrawn}/follow', ...notFound }],
  },
  'GET /account': {
    method: 'GET',
    path: '/account',
    as: 'amina',
    accepted: 200,
    needs: 'session',
    own: [],
  },
  'PATCH /account': {
    method: 'PATCH',
    path: '/account',
    as: 'amina',
    accepted: 200,
    needs: 'session',
    valid: { displayName: 'Amina D.', organisation: 'Wikigender' },
    required: ['displayName'],
    own: [
      {
        name: 'a name of one letter',
        body: { displayName: 'A' },
        ...invalid,
        field: 'displayName',
      },
      {
        name: 'a name of invisible characters only',
        body: { displayName: '\u200b\u202e\u2066' },
        ...invalid,
        field: 'displayName',
      },
    ],
  },
  'PUT /account/password': {
    method: 'PUT',
    path: '/account/password',
    as: 'amina',
    accepted: 204,
    needs: 'session',
    valid: { currentPassword: 'demo-participant', newPassword: 'another-long-passphrase' },
    required: ['currentPassword', 'newPassword'],
    own: [
      {
        name: 'a wrong current password',
        body: { currentPassword: 'demo-moderator', newPassword: 'another-long-passphrase' },
        status: 403,
        code: 'forbidden',
        field: 'currentPassword',
      },
      {
        name: 'a short new password',
        body: { currentPassword: 'demo-participant', newPassword: 'short' },
        ...invalid,
        field: 'newPassword',
      },
      {
        name: 'one of the most common passwords',
        body: { currentPassword: 'demo-participant', newPassword: 'qwerty12' },
        ...invalid,
        field: 'newPassword',
      },
    ],
  },
  'DELETE /account/sessions (sign out everywhere)': {
    method: 'DELETE',
    path: '/account/sessions',
    as: 'amina',
    accepted: 204,
    needs: 'session',
    own: [],
  },
  'DELETE /account': {
    method: 'DELETE',
    path: '/account',
    as: 'amina',
    accepted: 204,
    needs: 'session',
    valid: { password: 'demo-participant' },
    required: ['password'],
    own: [
      {
        name: 'a wrong password',
        body: { password: 'demo-moderator' },
        status: 403,
        code: 'forbidden',
        field: 'password',
      },
    ],
  },
  'GET /password-resets': {
    method: 'GET',
    path: '/password-resets',
    as: 'reader',
    accepted: 200,
    own: [],
  },
  'POST /password-resets (ask for a link)': {
    method: 'POST',
    path: '/password-resets',
    as: 'reader',
    accepted: 202,
    valid: { email: 'amina@example.org' },
    required: ['email'],
    own: [{ name: 'not an email', body: { email: 'amina' }, ...invalid, field: 'email' }],
  },
  'GET /password-resets/:token': {
    method: 'GET',
    path: '/password-resets/{resetToken}',
    as: 'reader',
    accepted: 200,
    own: [
      { name: 'an unknown token', path: `/password-resets/${'0'.repeat(64)}`, ...notFound },
      { name: 'a token of the wrong shape', path: '/password-resets/nope', ...notFound },
    ],
  },
  'POST /password-resets/:token (a new password)': {
    method: 'POST',
    path: '/password-resets/{resetToken}',
    as: 'reader',
    accepted: 204,
    valid: { password: 'a-new-long-passphrase' },
    required: ['password'],
    own: [
      {
        name: 'an unknown token',
        path: `/password-resets/${'0'.repeat(64)}`,
        ...notFound,
      },
      { name: 'a short password', body: { password: 'short' }, ...invalid, field: 'password' },
      {
        name: 'one of the most common passwords',
        body: { password: 'qwerty12' },
        ...invalid,
        field: 'password',
      },
    ],
  },
  'GET /discussions/:slug/feed.atom': {
    method: 'GET',
    path: `${DISCUSSION}/feed.atom`,
    as: 'reader',
    accepted: 200,
    own: [{ name: 'an unknown slug', path: '/discussions/nope/feed.atom', ...notFound }],
  },
  'GET /discussions/:slug/campaigns/:tag/feed.atom': {
    method: 'GET',
    path: `${DISCUSSION}/campaigns/heforshe/feed.atom`,
    as: 'reader',
    accepted: 200,
    own: [
      {
        name: 'an unknown slug',
        path: '/discussions/nope/campaigns/heforshe/feed.atom',
        ...notFound,
      },
      { name: 'an unknown campaign', path: `${DISCUSSION}/campaigns/nope/feed.atom`, ...notFound },
    ],
  },
  'GET /discussions/:slug/export/:file.csv': {
    method: 'GET',
    path: `${DISCUSSION}/export/comments.csv`,
    as: 'moderator',
    accepted: 200,
    needs: 'moderator',
    own: [
      { name: 'an unknown file', path: `${DISCUSSION}/export/users.csv`, ...notFound },
      { name: 'an unknown slug', path: '/discussions/nope/export/comments.csv', ...notFound },
    ],
  },
  'GET /discussions/:slug/export.json': {
    method: 'GET',
    path: `${DISCUSSION}/export.json`,
    as: 'moderator',
    accepted: 200,
    needs: 'moderator',
    own: [{ name: 'an unknown slug', path: '/discussions/nope/export.json', ...notFound }],
  },
  'POST /demo/reset': { method: 'POST', path: '/demo/reset', as: 'reader', accepted: 204, own: [] },
};

/** Addresses below /api that no handler serves: the catch-all answers in the same shape. */
const UNKNOWN_ENDPOINTS: Refusal[] = [
  ['GET', '/nope'],
  ['GET', '/comments/{mine}'],
  ['PUT', '/comments/{mine}'],
  ['DELETE', `/discussions/${SEED_SLUG}`],
  ['POST', `/discussions/${SEED_SLUG}/campaigns`],
  ['PATCH', '/moderation/decisions'],
].map(([method, path]) => ({
  name: `${method} ${path}`,
  method: method as Method,
  path: path ?? '',
  as: 'moderator',
  ...notFound,
}));

// ---------------------------------------------------------------------------

/**
 * Registers every case against the backend `open` starts; `demo` says whether
 * it serves the demo's own endpoints.
 */
export function hostileSuite(
  open: () => Promise<HostileTarget> | HostileTarget,
  { demo }: { demo: boolean },
) {
  beforeAll(async () => {
    target = await open();
    await makeFixture();
    // The state a restore leaves (which may leave the counters out), as every test starts from it.
    await target.restore(true);
    ({ rows: fixtureRows, counters: fixtureCounters } = await target.dump());
    fixtureText = JSON.stringify(fixtureRows);
    atFixture = true;
  });
  afterAll(async () => {
    await target.close?.();
  });
  // Each test starts from the fixture, whatever the one before it did.
  beforeEach(async () => {
    await target.restore(!atFixture);
    // Until the test shows it changed nothing.
    atFixture = false;
  });

  const served = Object.entries(ENDPOINTS).filter(([name]) => demo || !name.includes(' /demo/'));

  describe.each(served)('%s', (_, endpoint) => {
    it('accepts the valid request the cases vary (control)', async () => {
      const response = await send(
        endpoint.method,
        endpoint.path,
        endpoint.as,
        endpoint.valid ? { json: endpoint.valid } : undefined,
      );
      expect(response.status).toBe(endpoint.accepted);
    });

    it.each(refusalsOf(endpoint))('refuses $name', expectRefused);
  });

  describe('addresses no endpoint serves', () => {
    it.each(UNKNOWN_ENDPOINTS)('$name answers 404', expectRefused);
  });

  describe('endpoints that take no parameters', () => {
    it.each(['/session', '/discussions', DISCUSSION, `${DISCUSSION}/campaigns`])(
      'GET %s ignores a junk query and changes nothing',
      async (path) => {
        const response = await send('GET', `${path}?limit=abc&__proto__=x&cursor=%FF`, 'amina');
        expect(response.status).toBe(200);
        await expectUnchanged();
      },
    );
  });

  describe('a batch of bad decisions', () => {
    it('refuses each one in its result, in the error shape, and changes nothing', async () => {
      const decisions: Json[] = [
        null,
        'approve',
        { ...decision, id: 'no-such-entry' },
        { ...decision, expectedStatus: 'hidden' },
        { ...decision, action: 'hide' },
        { ...decision, reason: 42 },
        { ...decision, extra: true },
      ];
      const response = await send('POST', '/moderation/decisions/batch', 'moderator', {
        json: { decisions },
      });
      expect(response.status).toBe(200);
      const { results } = (await response.json()) as {
        results: { ok: boolean; error?: unknown }[];
      };
      expect(results.map((r) => r.ok)).toEqual(decisions.map(() => false));
      for (const r of results)
        expect(errorBodySchema.safeParse({ error: r.error }).success).toBe(true);
      await expectUnchanged();
    });
  });
}
