/**
 * The one MSW handler: every /api request goes to the backend's own app, the
 * same one the Node server serves. MSW knows the page's cookies, so they are
 * put on the request; its own response type carries `Set-Cookie` back, since a
 * browser page only takes cookies from mocked responses through MSW.
 */
import { Hono } from 'hono';
import { http, HttpResponse } from 'msw';
import { API_BASE } from '../src/api/contract';
import type { createApp } from '../src/server/app';

export interface FetchApp {
  fetch(request: Request): Response | Promise<Response>;
}

const caught = new WeakMap<Response, string[]>();

/**
 * In a page, a Response drops its Set-Cookie headers (a forbidden response
 * header), so the cookies the app sets are caught as it sets them.
 */
export function catchCookies(app: ReturnType<typeof createApp>): FetchApp {
  const outer = new Hono();
  outer.use(async (c, next) => {
    const cookies: string[] = [];
    const header = c.header;
    c.header = (name: string, value?: string, options?: { append?: boolean }) => {
      if (name.toLowerCase() === 'set-cookie' && value !== undefined) cookies.push(value);
      header(name, value, options);
    };
    await next();
    caught.set(c.res, cookies);
  });
  outer.route('/', app);
  return outer;
}

export function backendHandler(app: FetchApp) {
  return http.all(
    ({ request }) => new URL(request.url).pathname.startsWith(`${API_BASE}/`),
    async ({ request, cookies }) => {
      const headers = new Headers(request.headers);
      const cookie = Object.entries(cookies)
        .map(([name, value]) => `${name}=${value}`)
        .join('; ');
      if (cookie) headers.set('Cookie', cookie);
      // Only the page reaches this handler (MSW answers the page's own fetches), so what
      // it forwards is same-origin, as a browser would mark it: the app's guard against
      // writes from elsewhere sees the request as the real server would.
      headers.set('Sec-Fetch-Site', 'same-origin');
      const bytes =
        request.method === 'GET' || request.method === 'HEAD' ? null : await request.arrayBuffer();
      // A body is declared by its length, as on a socket: a bodiless write declares none.
      const sent = bytes && bytes.byteLength > 0 ? bytes : null;
      if (sent) headers.set('Content-Length', String(sent.byteLength));
      else headers.delete('Content-Length');
      const bridged = new Request(request.url, {
        method: request.method,
        headers,
        body: sent,
        // A live stream ends when the page stops reading it.
        signal: request.signal,
      });
      // A page's Request drops a Cookie header (a forbidden request header): keep all of them.
      Object.defineProperty(bridged, 'headers', { value: headers });
      const response = await app.fetch(bridged);
      const answer = new Headers(response.headers);
      // The page reads no cookie itself; in a page, MSW can only set ones it may read.
      const setCookie = caught.get(response) ?? response.headers.getSetCookie();
      answer.delete('Set-Cookie');
      for (const c of setCookie) answer.append('Set-Cookie', c.replace(/;\s*HttpOnly/i, ''));
      // A live stream goes on as a stream (MSW hands a ReadableStream body on, in Node and in
      // the worker); every other answer is read whole, as a socket would deliver it.
      const streaming = answer.get('Content-Type')?.startsWith('text/event-stream') === true;
      const body =
        response.status === 204 ? null : streaming ? response.body : await response.arrayBuffer();
      return new HttpResponse(body, { status: response.status, headers: answer });
    },
  );
}
