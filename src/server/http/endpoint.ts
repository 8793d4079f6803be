/**
 * The one wrapper every endpoint goes through: it bounds and parses the body,
 * finds the viewer from the session cookie, runs the rule in one transaction
 * (so a refused request rolls back and changes nothing), replays an idempotent
 * retry, and maps a refused rule to the contract's error shape. Routes stay one
 * line of translation each.
 */
import type { Context } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { MAX_BODY_BYTES, SESSION_COOKIE, type ErrorBody } from '../../api/contract';
import { retryTransient } from '../engines/engine';
import { closeDueDiscussions, nextScheduledClosing } from '../store/discussions';
import { type Ctx, RuleError, type Tx } from '../rules/core';
import { hashToken, userForToken } from '../rules/session';
import { type CachedAnswer, etagOf, matches } from './page-cache';
import type { Backend } from '../backend';

export interface Reply {
  status?: number;
  body?: unknown;
  /** A session token to set, or null to clear the cookie. */
  session?: string | null;
}

export interface EndpointArgs {
  ctx: Ctx;
  param: (name: string) => string;
  query: Record<string, string>;
  /** The parsed JSON body; rules validate its shape. */
  body: unknown;
  token: string | undefined;
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

async function readBody(request: Request): Promise<unknown> {
  if (request.method === 'GET' || request.method === 'HEAD') return undefined;
  const declared = Number(request.headers.get('Content-Length') ?? '0');
  if (declared > MAX_BODY_BYTES) tooLarge();
  const text = await request.text();
  if (new TextEncoder().encode(text).length > MAX_BODY_BYTES) tooLarge();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
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
      const body = await readBody(request);
      const cook = mutates ? await backend.renderer() : backend.rendererIfLoaded();
      const token = getCookie(c, cookieName) || undefined;
      const key = mutates ? request.headers.get('Idempotency-Key') : null;
      const query = Object.fromEntries(new URL(request.url).searchParams);
      const now = backend.clock();
      const { peers } = backend;
      // Where other servers write too, a kept answer is used (or kept) only once
      // their writes so far have reached this one.
      const cache =
        backend.cache && (mutates || !peers || (await peers.settled())) ? backend.cache : undefined;
      const url = new URL(request.url);
      const cacheKey =
        !mutates && cache
          ? `${token ? await hashToken(token) : '-'} ${url.pathname}${url.search}`
          : null;
      if (cache && cacheKey !== null) {
        const hit = cache.get(cacheKey, now.getTime());
        if (hit) return answerRead(c, hit);
      }
      const version = cache?.version ?? 0;
      let until = Infinity;

      const handle = async (tx: Tx): Promise<Reply> => {
        await closeDueDiscussions(tx, now);
        const viewer = await userForToken(tx, token, now);
        const ctx: Ctx = { tx, viewer, now, cook, passwords: backend.passwords };
        if (mutates && viewer?.suspended_at && !whileSuspended) {
          throw new RuleError(403, 'suspended', SUSPENDED_MESSAGE);
        }
        if (key && viewer) {
          const seen = await tx
            .selectFrom('idempotency')
            .select(['status', 'body'])
            .where('user_id', '=', viewer.id)
            .where('key', '=', key)
            .executeTakeFirst();
          if (seen) throw new Replay(seen.status, JSON.parse(seen.body));
        }
        const reply =
          (await run({ ctx, param: (name) => c.req.param(name) ?? '', query, body, token })) ?? {};
        const status = reply.status ?? 200;
        if (key && viewer && status < 300) {
          await tx
            .insertInto('idempotency')
            .values({
              user_id: viewer.id,
              key,
              status,
              body: JSON.stringify(reply.body ?? null),
              created_at: now.toISOString(),
            })
            .execute();
        }
        if (cacheKey !== null) until = await nextScheduledClosing(tx, now);
        if (mutates) await peers?.announce(tx);
        return reply;
      };

      const db = backend.db();
      const reply = transaction
        ? await retryTransient(() => db.transaction().execute(handle))
        : await handle(db);
      if (mutates) {
        cache?.invalidate();
        backend.onWrite();
      }

      if (reply.session === null) deleteCookie(c, cookieName, backend.cookieOptions);
      else if (reply.session !== undefined) {
        setCookie(c, cookieName, reply.session, backend.cookieOptions);
      }
      if (reply.status === 204) return c.body(null, 204);
      if (!mutates && (reply.status ?? 200) === 200) {
        const text = JSON.stringify(reply.body ?? null);
        const answer = { body: text, etag: etagOf(text), status: 200 };
        if (cache && cacheKey !== null) cache.set(cacheKey, answer, version, now.getTime(), until);
        return answerRead(c, answer);
      }
      return c.json(reply.body ?? null, (reply.status ?? 200) as ContentfulStatusCode);
    } catch (error) {
      if (error instanceof Replay) return c.json(error.body, error.status as ContentfulStatusCode);
      if (error instanceof RuleError) {
        return c.json(errorBody(error), error.status as ContentfulStatusCode);
      }
      backend.log.error(error);
      return c.json<ErrorBody>(
        { error: { code: 'internal', message: 'Something went wrong on our side.' } },
        500,
      );
    }
  };
}
