/**
 * The one MSW handler: every /api request goes to the backend's own app, the
 * same one the Node server serves. MSW knows the page's cookies, so they are
 * put on the request; its own response type carries `Set-Cookie` back, since a
 * browser page only takes cookies from mocked responses through MSW.
 */
import { http, HttpResponse } from 'msw';
import { API_BASE } from '../src/api/api-base';
import { type Answer, cookiesSetBy, toPlain } from './plain-http';

export function backendHandler(answer: Answer) {
  return http.all(
    ({ request }) => new URL(request.url).pathname.startsWith(`${API_BASE}/`),
    async ({ request, cookies }) => {
      const plain = await toPlain(request);
      const headers = new Headers(plain.headers);
      const cookie = Object.entries(cookies)
        .map(([name, value]) => `${name}=${value}`)
        .join('; ');
      if (cookie) headers.set('Cookie', cookie);
      // Only the page reaches this handler (MSW answers the page's own fetches), so what
      // it forwards is same-origin, as a browser would mark it: the app's guard against
      // writes from elsewhere sees the request as the real server would.
      headers.set('Sec-Fetch-Site', 'same-origin');
      // A body is declared by its length, as on a socket: a bodiless write declares none.
      if (plain.body) headers.set('Content-Length', String(plain.body.byteLength));
      else headers.delete('Content-Length');
      // A live stream ends when the page stops reading it.
      const response = await answer({ ...plain, headers: [...headers] }, request.signal);
      const answered = new Headers(response.headers);
      // The page reads no cookie itself; in a page, MSW can only set ones it may read.
      const setCookie = cookiesSetBy(response);
      answered.delete('Set-Cookie');
      for (const c of setCookie) answered.append('Set-Cookie', c.replace(/;\s*HttpOnly/i, ''));
      // A live stream goes on as a stream (MSW hands a ReadableStream body on, in Node and in
      // the worker); every other answer is read whole, as a socket would deliver it.
      const streaming = answered.get('Content-Type')?.startsWith('text/event-stream') === true;
      const body =
        response.status === 204 ? null : streaming ? response.body : await response.arrayBuffer();
      return new HttpResponse(body, { status: response.status, headers: answered });
    },
  );
}
