/**
 * The one MSW handler: every /api request goes to the backend's own app, the
 * same one the Node server serves. MSW knows the page's cookies, so they are
 * put on the request; its own response type carries `Set-Cookie` back, since a
 * browser page only takes cookies from mocked responses through MSW.
 */
import { http, HttpResponse } from 'msw';
import { API_BASE } from '../src/api/contract';

export interface FetchApp {
  fetch(request: Request): Response | Promise<Response>;
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
      const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
      const response = await app.fetch(
        new Request(request.url, {
          method: request.method,
          headers,
          body: hasBody ? await request.arrayBuffer() : null,
        }),
      );
      const answer = new Headers(response.headers);
      // The page reads no cookie itself; in a page, MSW can only set ones it may read.
      const setCookie = response.headers.getSetCookie();
      answer.delete('Set-Cookie');
      for (const c of setCookie) answer.append('Set-Cookie', c.replace(/;\s*HttpOnly/i, ''));
      const body = response.status === 204 ? null : await response.arrayBuffer();
      return new HttpResponse(body, { status: response.status, headers: answer });
    },
  );
}
