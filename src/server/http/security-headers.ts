/**
 * The headers every answer of the Node server carries, pages, assets and API
 * alike. The Content-Security-Policy is defined once here: the build puts it in
 * each page's meta tag (vite.config.ts), and the server sends it as a header,
 * with what only a header can say: that no other site may frame the pages.
 */
import type { MiddlewareHandler } from 'hono';

/**
 * Scripts only from the app's own origin (no inline script, no eval), no
 * plugins, no framing of other origins. Styles set through the DOM by React
 * are not inline styles, so none are allowed.
 */
export const contentSecurityPolicy = (mode: string) =>
  [
    "default-src 'self'",
    // The demo's backend is SQLite compiled to WebAssembly; compiling it is all this allows.
    mode === 'demo' ? "script-src 'self' 'wasm-unsafe-eval'" : "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    // The pages have no <base>: none may be injected to move their relative addresses.
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');

/** A year; sent only where the public origin is HTTPS, so that a plain-HTTP trial is not locked out. */
const HSTS = 'max-age=31536000';

export function securityHeaders({ https }: { https: boolean }): MiddlewareHandler {
  const headers: Record<string, string> = {
    // A meta tag cannot say frame-ancestors; the header can (X-Frame-Options for older browsers).
    'Content-Security-Policy': `${contentSecurityPolicy('production')}; frame-ancestors 'none'`,
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    // A page of another site that opens the forum gets no handle on its window, nor it on theirs.
    'Cross-Origin-Opener-Policy': 'same-origin',
    // Links in participants' entries lead to other sites, which learn nothing from the
    // forum, not even that the reader came from it; the forum's own pages keep the full
    // address, for nothing else reads it.
    'Referrer-Policy': 'same-origin',
    ...(https ? { 'Strict-Transport-Security': HSTS } : {}),
  };
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  };
}
