/**
 * The Node server's settings, read once from the environment. A wrong value
 * stops the start with one line that names the variable and what it takes.
 */
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { LIVE_HEARTBEAT_MS } from '../api/contract';
import { BUCKETS, DEFAULT_LIMITS, type RateLimits } from './rules/rate-limits';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** `DATA_DIR/agora.sqlite`, absolute. */
  databaseFile: string;
  /** `DATABASE_URL`: the forum is on this PostgreSQL database instead of the file. */
  databaseUrl: string | null;
  /** `DATABASE_POOL_SIZE`: connections to PostgreSQL that each server keeps at most. */
  poolSize: number;
  /** Where the forum is, for messages: the file, or the URL without its password. */
  database: string;
  /** Adds the README's demo accounts where missing. */
  demo: boolean;
  /** Where people reach the server; read now, used by later features. */
  publicOrigin: string;
  /** `SMTP_URL` and `MAIL_FROM`: how the forum sends email; null, it sends none. */
  mail: { smtpUrl: string; from: string } | null;
  /** `AGORA_RATE_LIMITS` and `AGORA_RATE_LIMIT_<BUCKET>`: attempts per window; null, none. */
  rateLimits: RateLimits;
  /** `TRUST_PROXY=1`: behind a proxy, the client's address is X-Forwarded-For's last hop. */
  trustProxy: boolean;
  /** `AGORA_HEARTBEAT_SECONDS`: how often a quiet live stream sends a comment line, for proxies. */
  heartbeatMs: number;
}

/** A setting or argument the person must fix: the CLI prints its message alone, without a stack. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

type Env = Record<string, string | undefined>;

function readPort(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new UsageError(`PORT must be a whole number from 0 to 65535, not "${value}".`);
  }
  return port;
}

function readHost(value: string | undefined): string {
  if (value === undefined || value === '') return '127.0.0.1';
  if (isIP(value) === 0 && !/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i.test(value)) {
    throw new UsageError(`HOST must be an IP address or a host name, not "${value}".`);
  }
  return value;
}

function readDemo(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === '0') return false;
  if (value === '1') return true;
  throw new UsageError(`AGORA_DEMO must be 1 (add the demo accounts) or 0, not "${value}".`);
}

function readOrigin(value: string | undefined, host: string, port: number): string {
  if (value === undefined || value === '') {
    return `http://${isIP(host) === 6 ? `[${host}]` : host}:${port}`;
  }
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    // reported below
  }
  if (
    !url ||
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    url.origin !== value.replace(/\/$/, '')
  ) {
    throw new UsageError(
      `PUBLIC_ORIGIN must be an origin such as https://agora.example.org (scheme, host, optional port, no path), not "${value}".`,
    );
  }
  return url.origin;
}

function readMail(url: string | undefined, from: string | undefined, origin: string) {
  if (url === undefined || url === '') return null;
  if (!/^smtps?:\/\/[^/]+/.test(url)) {
    throw new UsageError(
      'SMTP_URL must be an SMTP address such as smtps://user:password@smtp.example.org:465, or unset to send no email.',
    );
  }
  return { smtpUrl: url, from: from || `Agora <agora@${new URL(origin).hostname}>` };
}

function readDatabaseUrl(value: string | undefined): URL | null {
  if (value === undefined || value === '') return null;
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    // reported below
  }
  if (!url || !/^postgres(ql)?:$/.test(url.protocol) || url.pathname.length < 2) {
    throw new UsageError(
      'DATABASE_URL must be a PostgreSQL address such as postgres://agora@127.0.0.1:5432/agora (with the database name), or unset for the SQLite file.',
    );
  }
  return url;
}

function readPoolSize(value: string | undefined): number {
  if (value === undefined || value === '') return 10;
  const size = Number(value);
  if (!/^\d+$/.test(value) || size < 1 || size > 1000) {
    throw new UsageError(
      `DATABASE_POOL_SIZE must be a whole number from 1 to 1000, not "${value}".`,
    );
  }
  return size;
}

/** The environment variable of a bucket's limit: `sign-in-address` is `AGORA_RATE_LIMIT_SIGN_IN_ADDRESS`. */
export const limitVariable = (bucket: string) =>
  `AGORA_RATE_LIMIT_${bucket.toUpperCase().replaceAll('-', '_')}`;

function readRateLimits(env: Env): RateLimits {
  const switched = env.AGORA_RATE_LIMITS;
  if (switched === 'off') return null;
  if (switched !== undefined && switched !== '' && switched !== 'on') {
    throw new UsageError(
      `AGORA_RATE_LIMITS must be off (no limits, for load tests) or on, not "${switched}".`,
    );
  }
  const limits = { ...DEFAULT_LIMITS };
  for (const bucket of BUCKETS) {
    const name = limitVariable(bucket);
    const value = env[name];
    if (value === undefined || value === '') continue;
    const match = /^(\d{1,6})\/(\d{1,7})$/.exec(value);
    const max = Number(match?.[1]);
    const windowSeconds = Number(match?.[2]);
    if (!match || max < 1 || windowSeconds < 1) {
      throw new UsageError(
        `${name} must be attempts/seconds such as ${DEFAULT_LIMITS[bucket].max}/${DEFAULT_LIMITS[bucket].windowSeconds}, not "${value}".`,
      );
    }
    limits[bucket] = { max, windowSeconds };
  }
  return limits;
}

function readTrustProxy(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === '0') return false;
  if (value === '1') return true;
  throw new UsageError(
    `TRUST_PROXY must be 1 (behind a proxy that sets X-Forwarded-For) or 0, not "${value}".`,
  );
}

function readHeartbeat(value: string | undefined): number {
  if (value === undefined || value === '') return LIVE_HEARTBEAT_MS;
  const seconds = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || seconds < 0.05 || seconds > 30) {
    throw new UsageError(
      `AGORA_HEARTBEAT_SECONDS must be a number of seconds from 0.05 to 30 (pages take a stream quiet for 50 s as lost), not "${value}".`,
    );
  }
  return Math.round(seconds * 1000);
}

function withoutPassword(url: URL): string {
  const shown = new URL(url.href);
  if (shown.password) shown.password = '***';
  return shown.href;
}

export function readConfig(env: Env = process.env): Config {
  const port = readPort(env.PORT);
  const host = readHost(env.HOST);
  const dataDir = resolve(env.DATA_DIR || './data');
  const databaseFile = join(dataDir, 'agora.sqlite');
  const databaseUrl = readDatabaseUrl(env.DATABASE_URL);
  return {
    port,
    host,
    dataDir,
    databaseFile,
    databaseUrl: databaseUrl ? (env.DATABASE_URL ?? null) : null,
    poolSize: readPoolSize(env.DATABASE_POOL_SIZE),
    database: databaseUrl ? withoutPassword(databaseUrl) : databaseFile,
    demo: readDemo(env.AGORA_DEMO),
    publicOrigin: readOrigin(env.PUBLIC_ORIGIN, host, port),
    mail: readMail(env.SMTP_URL, env.MAIL_FROM, readOrigin(env.PUBLIC_ORIGIN, host, port)),
    rateLimits: readRateLimits(env),
    trustProxy: readTrustProxy(env.TRUST_PROXY),
    heartbeatMs: readHeartbeat(env.AGORA_HEARTBEAT_SECONDS),
  };
}

/** A file named on the command line, taken from where the person typed it (npm runs scripts from the project's folder). */
export function argumentPath(file: string, env: Env = process.env): string {
  return resolve(env.INIT_CWD ?? process.cwd(), file);
}
