/**
 * The one wrapper every mock endpoint goes through: it reads the session cookie,
 * parses and bounds the body, honours idempotency keys, maps a refused rule to
 * the contract's error shape, saves the store after a change, and adds latency
 * in the browser. Handlers stay one line of translation each.
 */
import {
  HttpResponse,
  delay,
  type DefaultBodyType,
  type HttpResponseResolver,
  type PathParams,
} from 'msw';
import { MAX_BODY_BYTES, SESSION_COOKIE, type ErrorBody } from '../../src/api/contract';
import { loadRenderer } from '../cook';
import { getStore, saveStore } from '../db';
import type { Store } from '../store';
import { RuleError, type Ctx } from '../rules/core';
import { userForToken } from '../rules/session';

export interface Reply {
  status?: number;
  body?: unknown;
  /** A session token to set, or null to clear the cookie. */
  session?: string | null;
}

export interface EndpointArgs<P> {
  ctx: Ctx;
  params: P;
  query: Record<string, string>;
  /** The parsed JSON body; rules validate its shape. */
  body: unknown;
  token: string | undefined;
}

let latencyMs = 0;
/** Simulated network latency; the browser worker sets a little, tests none. */
export function setLatency(ms: number): void {
  latencyMs = ms;
}

let clock: () => Date = () => new Date();
/** Lets tests move time, e.g. past a scheduled closing. */
export function setClock(now: () => Date): void {
  clock = now;
}

function errorResponse(status: number, error: ErrorBody['error']) {
  return HttpResponse.json<ErrorBody>({ error }, { status });
}

async function readBody(request: Request): Promise<unknown> {
  if (request.method === 'GET' || request.method === 'HEAD') return undefined;
  const text = await request.text();
  if (new TextEncoder().encode(text).length > MAX_BODY_BYTES) {
    throw new RuleError(413, 'payload_too_large', 'The request is too large.');
  }
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new RuleError(400, 'bad_request', 'The request body is not valid JSON.');
  }
}

function sessionCookie(token: string | null): string {
  return token === null
    ? `${SESSION_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`
    : `${SESSION_COOKIE}=${token}; Path=/; SameSite=Lax`;
}

/**
 * Request bodies come in as `unknown` on purpose: each rule validates them with
 * the contract's schema, as a server must, instead of trusting a type.
 */
export function endpoint<P extends PathParams = PathParams>(
  run: (args: EndpointArgs<P>) => Reply | undefined,
): HttpResponseResolver<P> {
  return async ({ request, params, cookies }) => {
    if (latencyMs > 0) await delay(latencyMs);
    const mutates = request.method !== 'GET' && request.method !== 'HEAD';
    let before: Store | null = null;
    try {
      const body = await readBody(request);
      // Writes may render Markdown; its renderer loads on the first one.
      if (mutates) await loadRenderer();
      // From here on everything runs without yielding, so no other request can
      // interleave: a retried key is seen, and a rollback undoes only this request.
      const store = getStore();
      const token = cookies[SESSION_COOKIE] || undefined;
      const ctx: Ctx = { store, viewer: userForToken(store, token), now: clock() };
      const key = request.headers.get('Idempotency-Key');
      if (mutates && key && ctx.viewer) {
        const seen = store.idempotency.find((r) => r.userId === ctx.viewer?.id && r.key === key);
        if (seen) return HttpResponse.json(seen.body as DefaultBodyType, { status: seen.status });
      }
      // A refused request must change nothing: keep a copy to restore on refusal.
      before = mutates ? structuredClone(store) : null;
      const query = Object.fromEntries(new URL(request.url).searchParams);
      const reply = run({ ctx, params, query, body, token }) ?? {};
      const status = reply.status ?? 200;
      if (mutates) {
        if (key && ctx.viewer && status < 300) {
          store.idempotency.push({ userId: ctx.viewer.id, key, status, body: reply.body ?? null });
          if (store.idempotency.length > 500) store.idempotency.shift();
        }
        saveStore();
      }
      const headers = new Headers();
      if (reply.session !== undefined) headers.set('Set-Cookie', sessionCookie(reply.session));
      if (status === 204) return new HttpResponse(null, { status, headers });
      return HttpResponse.json(reply.body as DefaultBodyType, { status, headers });
    } catch (error) {
      if (before) Object.assign(getStore(), before);
      if (error instanceof RuleError) {
        return errorResponse(error.status, {
          code: error.code,
          message: error.message,
          ...(error.fields ? { fields: error.fields } : {}),
          ...(error.details ? { details: error.details } : {}),
        });
      }
      console.error(error);
      return errorResponse(500, { code: 'internal', message: 'Something went wrong on our side.' });
    }
  };
}
