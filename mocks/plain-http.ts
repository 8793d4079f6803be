/**
 * Requests and answers as the bridge (mocks/bridge.ts) passes them between MSW,
 * the demo's backend worker and the app: plain data that crosses to a worker,
 * and the cookies an answer sets, which a page's or a worker's Response cannot
 * keep. Nothing here loads MSW, which a worker cannot run.
 */

export interface FetchApp {
  fetch(request: Request): Response | Promise<Response>;
}

/** What answers the bridge's requests: the app itself, or the worker it runs in. */
export type Answer = (request: PlainRequest, signal: AbortSignal) => Promise<Response>;

/** The app as an answer: each request rebuilt for it. */
export function answerWith(app: FetchApp): Answer {
  return async (request, signal) => app.fetch(toRequest(request, signal));
}

/** A request as plain data, which can cross to a worker and back. */
export interface PlainRequest {
  url: string;
  method: string;
  headers: [string, string][];
  body: ArrayBuffer | null;
}

const caught = new WeakMap<Response, string[]>();

/** The cookies a response sets, whether its headers could keep them or not. */
export function cookiesSetBy(response: Response): string[] {
  return caught.get(response) ?? response.headers.getSetCookie();
}

/** Gives a response made elsewhere (in the backend's worker) the cookies it set there. */
export function withCookies(response: Response, cookies: string[]): Response {
  caught.set(response, cookies);
  return response;
}

/**
 * The app's Request for plain data. A page's or a worker's Request drops the Cookie and
 * Sec-Fetch-Site headers (forbidden request headers): its headers are replaced whole.
 */
export function toRequest(plain: PlainRequest, signal?: AbortSignal): Request {
  const headers = new Headers(plain.headers);
  const request = new Request(plain.url, {
    method: plain.method,
    headers,
    body: plain.body,
    signal,
  });
  Object.defineProperty(request, 'headers', { value: headers });
  return request;
}

/** A Request as plain data; its body is read whole. */
export async function toPlain(request: Request): Promise<PlainRequest> {
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  const body = hasBody ? await request.arrayBuffer() : null;
  return {
    url: request.url,
    method: request.method,
    headers: [...request.headers],
    body: body && body.byteLength > 0 ? body : null,
  };
}
