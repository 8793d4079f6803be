/**
 * Structured logs: one JSON line per request on standard output, errors as
 * JSON lines on standard error, so a log collector reads both without parsing prose.
 */
import type { MiddlewareHandler } from 'hono';

export interface Log {
  /** A line about the server itself (where it listens, that it stops). */
  info(msg: string, fields?: Record<string, unknown>): void;
  request(fields: { method: string; path: string; status: number; ms: number }): void;
  error(error: unknown, fields?: Record<string, unknown>): void;
}

type Write = (line: string) => void;

function describe(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { error: error.message, stack: error.stack };
  return { error: String(error) };
}

export function jsonLog(
  out: Write = (line) => process.stdout.write(line),
  err: Write = (line) => process.stderr.write(line),
): Log {
  const line = (write: Write, fields: Record<string, unknown>) =>
    write(`${JSON.stringify({ t: new Date().toISOString(), ...fields })}\n`);
  return {
    info: (msg, fields) => line(out, { msg, ...fields }),
    request: (fields) => line(out, fields),
    error: (error, fields) => line(err, { level: 'error', ...fields, ...describe(error) }),
  };
}

/** A reset link's token is a password for an hour: the log keeps the path without it. */
const SECRET_SEGMENT = /(\/(?:api\/password-resets|reset-password)\/)[^/]+/;

export const loggedPath = (path: string) => path.replace(SECRET_SEGMENT, '$1…');

export function requestLog(log: Log): MiddlewareHandler {
  return async (c, next) => {
    const start = performance.now();
    try {
      await next();
    } finally {
      log.request({
        method: c.req.method,
        path: loggedPath(c.req.path),
        status: c.res.status,
        ms: Math.round((performance.now() - start) * 10) / 10,
      });
    }
  };
}
