/**
 * Where the app runs in a page or a worker rather than behind a socket: a
 * Response there drops its Set-Cookie headers (a forbidden response header), so
 * the cookies the app sets are caught as it sets them, for the bridge
 * (mocks/bridge.ts) to hand to MSW.
 */
import { Hono } from 'hono';
import type { createApp } from '../src/server/app';
import { type FetchApp, withCookies } from './plain-http';

/** The app, with the cookies each of its answers sets kept beside the answer. */
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
    withCookies(c.res, cookies);
  });
  outer.route('/', app);
  return outer;
}
