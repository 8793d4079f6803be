/**
 * The one way the client talks to the backend: JSON in, JSON out, and a typed
 * ApiError for every failure. It never shows a message or redirects; views decide.
 */
import { PAGE_ANSWERS_ID } from '../lib/page-answers';
import type { ErrorBody, ErrorCode } from './contract';

export type ClientErrorCode = ErrorCode | 'network';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    readonly fields: Record<string, string> = {},
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The contract's `/api` on the page's own origin, unless a build points elsewhere. */
export const apiBase: string = import.meta.env.VITE_API_BASE || '/api';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
  /** Lets the backend recognise a retried request and create nothing twice. */
  idempotencyKey?: string;
}

/**
 * A write with no answer in this long is reported as a lost connection, so that the
 * person is not left watching "Posting…" for minutes; what they wrote stays in the form.
 */
export const WRITE_TIMEOUT_MS = 20_000;

let backendReady: Promise<unknown> = Promise.resolve();

/**
 * Demo builds start their in-page backend while the app already renders:
 * requests wait for it, and the page shows its placeholders meanwhile.
 */
export function waitForBackend(ready: Promise<unknown>): void {
  backendReady = ready;
}

/** Resolves once the backend can answer: at once but in the demo, whose backend starts in the page. */
export function backendStarted(): Promise<unknown> {
  return backendReady;
}

export function apiUrl(path: string, query?: RequestOptions['query']): URL {
  const url = new URL(`${apiBase}${path}`, window.location.origin);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') url.searchParams.set(name, String(value));
  }
  return url;
}

/**
 * The answers the server put in the page for the reads its script starts first
 * (src/server/node/page-reads.ts), by address. Each serves one request, in the page's
 * first moments only, as a preloaded response would: a read that comes later asks the
 * server, as every read does in a page the server did not send.
 */
const pageAnswers = new Map<string, unknown>();
let pageAnswersUntil = 0;
const PAGE_ANSWERS_MS = 30_000;

function takePageAnswer(url: URL): unknown {
  const block = document.getElementById(PAGE_ANSWERS_ID);
  if (block) {
    block.remove();
    pageAnswersUntil = performance.now() + PAGE_ANSWERS_MS;
    try {
      const answers = JSON.parse(block.textContent || '{}') as Record<string, unknown>;
      for (const [address, answer] of Object.entries(answers)) pageAnswers.set(address, answer);
    } catch {
      // Answers that do not parse are none: the reads ask the server.
    }
  }
  if (pageAnswers.size === 0) return undefined;
  if (performance.now() > pageAnswersUntil) {
    pageAnswers.clear();
    return undefined;
  }
  const address = `${url.pathname}${url.search}`;
  const answer = pageAnswers.get(address);
  pageAnswers.delete(address);
  return answer;
}

function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    'error' in value &&
    typeof value.error === 'object' &&
    value.error !== null &&
    'message' in value.error &&
    typeof value.error.message === 'string'
  );
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, signal, idempotencyKey } = options;
  const headers = new Headers({ Accept: 'application/json' });
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  if (idempotencyKey) headers.set('Idempotency-Key', idempotencyKey);

  if (method === 'GET') {
    const answer = takePageAnswer(apiUrl(path, query));
    if (answer !== undefined) return answer as T;
  }
  const timeout = method === 'GET' ? undefined : AbortSignal.timeout(WRITE_TIMEOUT_MS);
  let response: Response;
  try {
    // A demo backend that could not start is a server that cannot be reached.
    await backendReady;
    response = await fetch(apiUrl(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      signal: signal && timeout ? AbortSignal.any([signal, timeout]) : (signal ?? timeout),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    if (timeout?.aborted) {
      throw new ApiError(
        0,
        'network',
        `The server did not answer within ${WRITE_TIMEOUT_MS / 1000} seconds. Check your connection and try again.`,
      );
    }
    throw new ApiError(
      0,
      'network',
      'Could not reach the server. Check your connection and try again.',
    );
  }

  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => undefined);
  if (response.ok) return payload as T;
  if (isErrorBody(payload)) {
    const { code, message, fields, details } = payload.error;
    throw new ApiError(response.status, code, message, fields, details);
  }
  throw new ApiError(
    response.status,
    response.status >= 500 ? 'internal' : 'bad_request',
    response.status >= 500
      ? 'The server could not answer. Try again in a moment.'
      : `The request failed (${response.status}).`,
  );
}

/** A fresh key for one intended write; retries of the same write reuse it. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
