/**
 * The one wrapper every endpoint goes through: it bounds and parses the body,
 * finds the viewer from the session cookie and the client's address, runs the
 * rule in one transaction (so a refused request rolls back and changes nothing),
 * replays an idempotent retry, and maps a refused rule to the contract's error
 * shape. Routes stay one line of translation each.
 */
import type { Context } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { MAX_BODY_BYTES, SESSION_COOKIE, type ErrorBody } from '../../api/contract';
import { retryTransient } from '../engines/engine';
import { closeDueDiscussions, nextScheduledClosing } from '../store/discussions';
import { findKeptAnswer, keepAnswer } from '../store/idempotency';
import { type Ctx, RuleError, type Tx } from '../rules/core';
import { raiseDiscussion, writeRaised } from '../rules/live';
import { MAX_TOKEN_LENGTH, hashToken, userForToken } from '../rules/session';
import { type CachedAnswer, etagOf, matches } from './page-cache';
import type { Backend } from '../backend';

export interface Reply {
  status?: number;
  body?: unknown;
  /** A session token to set, or null to clear the cookie. */
  session?: string | null;
  /** A read's body that is not JSON (a feed, a download): sent as written, with its type. */
  file?: FileReply;
  /** A live stream, opened once the request's transaction has ended; never kept in the page cache. */
  stream?: () => ReadableStream<Uint8Array>;
}

export interface FileReply {
  text: string;
  /** The Content-Type, charset included. */
  type: string;
  /** Set for a download: the name a browser saves it as. */
  filename?: string;
}

export interface EndpointArgs {
  ctx: Ctx;
  param: (name: string) => string;
  query: Record<string, string>;
  /** The parsed JSON body; rules validate its shape. */
  body: unknown;
  token: string | undefined;
  /** Where people reach the forum: PUBLIC_ORIGIN, or the request's own origin in the page. */
  origin: string;
  header: (name: string) => string | undefined;
  /** Aborts when the client goes away. */
  signal: AbortSignal;
}

export interface EndpointOptions {
  /**
   * Session endpoints hash passwords, which is slow on purpose: they run their
   * few statements without holding a transaction open meanwhile.
   */
  transaction?: boolean;
  /** Signing out: the one write a suspended account may still make. */
  whileSuspended?: boolean;
}

export const SUSPENDED_MESSAGE = 'This account is suspended. A moderator can restore it.';

interface Body {
  text: string;
  value: unknown;
}

async function readBody(request: Request): Promise<Body> {
  if (request.method === 'GET' || request.method === 'HEAD') return { text: '', value: undefined };
  const declared = Number(request.headers.get('Content-Length') ?? '0');
  if (declared > MAX_BODY_BYTES) tooLarge();
  const text = await request.text();
  if (new TextEncoder().encode(text).length > MAX_BODY_BYTES) tooLarge();
  if (text.trim() === '') return { text, value: {} };
  try {
    return { text, value: JSON.parse(text) as unknown };
  } catch {
    throw new RuleError(400, 'bad_request', 'The request body is not valid JSON.');
  }
}

function tooLarge(): never {
  throw new RuleError(413, 'payload_too_large', 'The request is too large.');
}

export function errorBody(error: RuleError): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.fields ? { fields: error.fields } : {}),
      ...(error.details ? { details: error.details } : {}),
    },
  };
}

/** An idempotent answer is replayed for a day; older keys are forgotten. */
export const IDEMPOTENCY_MS = 24 * 3600_000;
const MAX_KEY_LENGTH = 200;

export const IDEMPOTENCY_MISMATCH =
  'This Idempotency-Key was already used for another request. Send a new key for a new request.';

/** What a key is bound to besides its user: the method, the address and the exact body. */
async function requestHash(request: Request, body: string): Promise<string> {
  const url = new URL(request.url);
  return hashToken(`${request.method} ${url.pathname}${url.search}\n${body}`);
}

/**
 * The client's address: the socket's peer, or behind a proxy the last address
 * X-Forwarded-For names (the one the proxy added; earlier ones the client may have written).
 * Without a socket (the in-page backend, the app's tests) it is one fixed address.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const hops = (c.req.header('X-Forwarded-For') ?? '')
      .split(',')
      .map((hop) => hop.trim())
      .filter((hop) => hop !== '');
    const last = hops.at(-1);
    if (last) return last;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}

const utf8 = new TextEncoder();

/** Thrown out of the transaction to answer a retried request as the first time. */
class Replay extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super('replay');
  }
}

/** A read's answer as bytes with its validator; a 304 when the client has it already. */
function answerRead(c: Context, answer: CachedAnswer): Response {
  const headers = {
    ETag: answer.etag,
    // Browsers keep the answer but ask again each time; the ETag makes asking cheap.
    'Cache-Control': 'private, no-cache',
    'Content-Type': 'application/json',
  };
  if (matches(c.req.header('If-None-Match'), answer.etag)) {
    return c.body(null, 304, { ETag: answer.etag, 'Cache-Control': headers['Cache-Control'] });
  }
  return c.body(answer.body, answer.status as ContentfulStatusCode, headers);
}

/** As answerRead, for a body that is not JSON; not kept in the page cache, which holds JSON. */
function answerFile(c: Context, file: FileReply): Response {
  const etag = etagOf(file.text);
  const cacheControl = 'private, no-cache';
  if (matches(c.req.header('If-None-Match'), etag)) {
    return c.body(null, 304, { ETag: etag, 'Cache-Control': cacheControl });
  }
  const headers: Record<string, string> = {
    ETag: etag,
    'Cache-Control': cacheControl,
    'Content-Type': file.type,
  };
  if (file.filename) headers['Content-Disposition'] = `attachment; filename="${file.filename}"`;
  return c.body(file.text, 200, headers);
}

export function endpoint(
  backend: Backend,
  run: (args: EndpointArgs) => Promise<Reply | undefined> | Reply | undefined,
  { transaction = true, whileSuspended = false }: EndpointOptions = {},
) {
  return async (c: Context) => {
    if (backend.latencyMs > 0) await new Promise((r) => setTimeout(r, backend.latencyMs));
    const request = c.req.raw;
    const mutates = request.method !== 'GET' && request.method !== 'HEAD';
    const cookieName = backend.sessionCookie ?? SESSION_COOKIE;
    try {
      const { text: bodyText, value: body } = await readBody(request);
      const cook = mutates ? await backend.renderer() : backend.rendererIfLoaded();
      const token = getCookie(c, cookieName) || undefined;
      const key = mutates ? request.headers.get('Idempotency-Key') : null;
      if (key !== null && (key === '' || key.length > MAX_KEY_LENGTH)) {
        throw new RuleError(
          400,
          'bad_request',
          `An Idempotency-Key must have 1 to ${MAX_KEY_LENGTH} characters.`,
        );
      }
      const bound = key ? await requestHash(request, bodyText) : null;
      const address = clientAddress(c, backend.trustProxy ?? false);
      const query = Object.fromEntries(new URL(request.url).searchParams);
      const now = backend.clock();
      const { peers } = backend;
      // Where other servers write too, a kept answer is used (or kept) only once
      // their writes so far have reached this one.
      const cache =
        backend.cache && (mutates || !peers || (await peers.settled())) ? backend.cache : undefined;
      const url = new URL(request.url);
      // Hashed once, before the transaction: no request holds the database while it hashes.
      const tokenHash =
        token && token.length <= MAX_TOKEN_LENGTH ? await hashToken(token) : undefined;
      const cacheKey =
        !mutates && cache ? `${tokenHash ?? '-'} ${url.pathname}${url.search}` : null;
      if (cache && cacheKey !== null) {
        const hit = cache.get(cacheKey, now.getTime());
        if (hit) return answerRead(c, hit);
      }
      const version = cache?.version ?? 0;
      let until = Infinity;
      // Set by the transaction (objects, since what a closure sets no narrowing sees):
      // whether the answer may be kept, and whether the request wrote live events.
      const kept = { allowed: true };
      const live = { raised: false };
      let committed: ((db: Tx) => Promise<void>)[] = [];

      const handle = async (tx: Tx): Promise<Reply> => {
        committed = [];
        const closed = await closeDueDiscussions(tx, now);
        const viewer = await userForToken(tx, tokenHash, now);
        // A cookie that names no session reads as no one; its answer is not kept under
        // that cookie, so made-up cookies cannot fill the cache.
        if (token && !viewer) kept.allowed = false;
        const ctx: Ctx = {
          tx,
          viewer,
          now,
          cook,
          passwords: backend.passwords,
          address,
          limits: backend.rateLimits,
          raised: [],
          ...(backend.mail ? { mail: backend.mail } : {}),
          afterCommit: (task) => committed.push(task),
        };
        for (const slug of closed) raiseDiscussion(ctx, slug, 'closed');
        if (mutates && viewer?.suspended_at && !whileSuspended) {
          throw new RuleError(403, 'suspended', SUSPENDED_MESSAGE);
        }
        const since = new Date(now.getTime() - IDEMPOTENCY_MS).toISOString();
        if (key && viewer) {
          const seen = await findKeptAnswer(tx, viewer.id, key, since);
          if (seen && seen.request_hash !== bound) {
            throw new RuleError(422, 'idempotency_mismatch', IDEMPOTENCY_MISMATCH);
          }
          if (seen) throw new Replay(seen.status, JSON.parse(seen.body));
        }
        const reply =
          (await run({
            ctx,
            param: (name) => c.req.param(name) ?? '',
            query,
            body,
            token,
            origin: backend.publicOrigin ?? url.origin,
            header: (name) => c.req.header(name),
            signal: request.signal,
          })) ?? {};
        const status = reply.status ?? 200;
        // An answer that sets or clears the session cookie is never kept: replaying
        // it could not give the cookie again.
        if (key && viewer && status < 300 && reply.session === undefined) {
          const answer = {
            user_id: viewer.id,
            key,
            status,
            body: JSON.stringify(reply.body ?? null),
            created_at: now.toISOString(),
            request_hash: bound,
          };
          await keepAnswer(tx, answer, since);
        }
        if (cacheKey !== null) until = await nextScheduledClosing(tx, now);
        // Last, so that the order lock is held only for the commit.
        if (ctx.raised?.length) {
          await peers?.order(tx);
          live.raised = await writeRaised(ctx);
        }
        if (mutates || live.raised) await peers?.announce(tx);
        return reply;
      };

      const db = backend.db();
      const reply = !transaction
        ? await handle(db)
        : mutates && backend.transactWrite
          ? await backend.transactWrite(handle)
          : await retryTransient(() => db.transaction().execute(handle));
      if (mutates || live.raised) {
        cache?.invalidate();
        backend.onWrite();
      }
      // Emails go once the write is safe, without holding up its answer.
      for (const task of committed) task(db).catch((error: unknown) => backend.log.error(error));
      if (live.raised) backend.live?.wake();
      if (reply.stream) {
        return c.body(reply.stream(), 200, {
          'Content-Type': 'text/event-stream; charset=utf-8',
          'Cache-Control': 'no-store',
          // nginx and others buffer answers unless told not to: a stream must flow.
          'X-Accel-Buffering': 'no',
        });
      }

      if (reply.session === null) deleteCookie(c, cookieName, backend.cookieOptions);
      else if (reply.session !== undefined) {
        setCookie(c, cookieName, reply.session, backend.cookieOptions);
      }
      if (reply.status === 204) return c.body(null, 204);
      if (!mutates && (reply.status ?? 200) === 200) {
        if (reply.file) return answerFile(c, reply.file);
        const text = JSON.stringify(reply.body ?? null);
        const answer = { body: utf8.encode(text), etag: etagOf(text), status: 200 };
        if (cache && cacheKey !== null && kept.allowed) {
          cache.set(cacheKey, answer, version, now.getTime(), until);
        }
        return answerRead(c, answer);
      }
      return c.json(reply.body ?? null, (reply.status ?? 200) as ContentfulStatusCode);
    } catch (error) {
      if (error instanceof Replay) return c.json(error.body, error.status as ContentfulStatusCode);
      if (error instanceof RuleError) {
        const retryAfter = error.details?.retryAfterSeconds;
        const headers: Record<string, string> =
          error.status === 429 && typeof retryAfter === 'number'
            ? { 'Retry-After': String(retryAfter) }
            : {};
        return c.json(errorBody(error), error.status as ContentfulStatusCode, headers);
      }
      backend.log.error(error);
      return c.json<ErrorBody>(
        { error: { code: 'internal', message: 'Something went wrong on our side.' } },
        500,
      );
    }
  };
}
