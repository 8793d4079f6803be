/**
 * Writes from elsewhere are refused before any endpoint runs, so they change
 * nothing. A page of another site can make a browser send a form post or a
 * "simple" fetch with the forum's cookie; it cannot make it say the forum's
 * origin. So a write must come from the public origin (`Origin`, or, where a
 * browser sends none, `Sec-Fetch-Site: same-origin`), and a write that declares
 * a body must declare it JSON, which no cross-site form can.
 */
import type { MiddlewareHandler } from 'hono';
import type { ErrorBody } from '../../api/contract';

export const crossOriginMessage = (publicOrigin: string) =>
  `This request did not come from the forum’s own pages, so nothing was changed. Open the forum at ${publicOrigin} and try again.`;

export const NOT_JSON_MESSAGE =
  'The request body must be JSON, sent with Content-Type: application/json. Nothing was changed.';

function isJson(contentType: string): boolean {
  return contentType.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/**
 * A body is declared by its framing (RFC 9112 §6.3): a Content-Length above
 * zero or a Transfer-Encoding. A bodiless write (signing out, withdrawing)
 * needs no content type; any content type it names must still be JSON.
 */
function declaresNonJson(headers: Headers): boolean {
  const contentType = headers.get('Content-Type');
  if (contentType !== null) return !isJson(contentType);
  const length = headers.get('Content-Length');
  return headers.has('Transfer-Encoding') || (length !== null && Number(length) !== 0);
}

function fromOrigin(headers: Headers, publicOrigin: string): boolean {
  const origin = headers.get('Origin');
  if (origin !== null) return origin === publicOrigin;
  return headers.get('Sec-Fetch-Site') === 'same-origin';
}

/**
 * `publicOrigin` absent is the in-page backend, which only the page itself
 * reaches (through the MSW bridge): there is no other origin to refuse.
 */
export function requestGuard(publicOrigin: () => string | undefined): MiddlewareHandler {
  return async (c, next) => {
    const { method, headers } = c.req.raw;
    if (method === 'GET' || method === 'HEAD') return next();
    const origin = publicOrigin();
    if (origin !== undefined && !fromOrigin(headers, origin)) {
      return c.json<ErrorBody>(
        { error: { code: 'cross_origin', message: crossOriginMessage(origin) } },
        403,
      );
    }
    if (declaresNonJson(headers)) {
      return c.json<ErrorBody>(
        { error: { code: 'unsupported_media_type', message: NOT_JSON_MESSAGE } },
        415,
      );
    }
    return next();
  };
}
