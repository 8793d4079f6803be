/**
 * The Node server: the backend's app under /api on the SQLite file or on
 * PostgreSQL, the built client for every other address, and /healthz for
 * whoever watches the process.
 * `startServer` is what `agora serve` runs and what the server tests start in-process.
 */
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { sql } from 'kysely';
import { MAX_BODY_BYTES, SESSION_COOKIE, type ErrorBody } from '../api/contract';
import { createApp } from './app';
import { type Backend, loadRenderer, rendererIfLoaded } from './backend';
import type { Config } from './config';
import type { Engine, Peers } from './engines/engine';
import { PageCache } from './http/page-cache';
import { LiveHub } from './http/live-hub';
import { securityHeaders } from './http/security-headers';
import { openDatabase, seedForum } from './node/database';
import { type Log, jsonLog, requestLog } from './node/log';
import { clientRoutes } from './node/static';
import { smtpMailer } from './mail';
import { sendDigests } from './rules/notifications';
import { serverPasswords } from './node/scrypt';
import type { PasswordHasher } from './rules/core';

export interface ServerOptions {
  config: Config;
  /** The built client (`dist/`). */
  clientDir: string;
  log?: Log;
  /** How passwords are hashed: scrypt at OWASP's cost unless a test asks for a cheaper one. */
  passwords?: PasswordHasher;
  /** The time: the system's, but where a test needs to know where it falls. */
  clock?: () => Date;
  /** How long requests under way may take to finish once the server is asked to stop. */
  graceMs?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  engine: Engine;
  /** Drops the answers kept for reads: for tests that change the database beneath the server. */
  forget(): void;
  /** Sends the daily digests that are due now, as the hourly timer does; how many went. */
  sendDigests(): Promise<number>;
  /** Stops accepting, lets requests under way finish, then closes the database. */
  close(): Promise<void>;
}

const GRACE_MS = 10_000;

/** How often the server looks for daily digests that are due. */
const DIGEST_CHECK_MS = 3600_000;

/**
 * Over HTTPS the session cookie is `__Host-` prefixed and Secure: a browser
 * sends it only over TLS, and only this origin (no subdomain, no plain-HTTP
 * page) can set it. Behind a TLS proxy the server itself still listens on HTTP.
 */
function sessionCookie(publicOrigin: string): Pick<Backend, 'cookieOptions' | 'sessionCookie'> {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'Lax' } as const;
  if (new URL(publicOrigin).protocol !== 'https:') return { cookieOptions };
  return {
    cookieOptions: { ...cookieOptions, secure: true },
    sessionCookie: `__Host-${SESSION_COOKIE}`,
  };
}

function nodeBackend(
  engine: Engine,
  config: Config,
  log: Log,
  passwords: PasswordHasher,
  clock: () => Date,
): Backend {
  const cache = new PageCache();
  const live = new LiveHub(
    () => engine.db,
    (error) => log.error(error, { during: 'reading live events' }),
  );
  // Servers sharing one PostgreSQL database hear of each other's writes; alone on
  // the SQLite file, every write this process makes clears the cache itself.
  const peers = engine.peers?.({
    onChange: () => {
      cache.invalidate();
      live.wake();
    },
    onError: (error) => log.error(error, { during: 'listening for other servers’ writes' }),
  });
  return {
    db: () => engine.db,
    ...(engine.transactWrite ? { transactWrite: engine.transactWrite } : {}),
    clock,
    passwords,
    renderer: loadRenderer,
    rendererIfLoaded,
    onWrite: () => undefined,
    latencyMs: 0,
    rateLimits: config.rateLimits,
    trustProxy: config.trustProxy,
    publicOrigin: config.publicOrigin,
    ...sessionCookie(config.publicOrigin),
    log: { error: (error) => log.error(error) },
    cache,
    live,
    heartbeatMs: config.heartbeatMs,
    ...(peers ? { peers } : {}),
    ...(config.mail ? { mail: smtpMailer({ ...config.mail, origin: config.publicOrigin }) } : {}),
  };
}

function serverApp(engine: Engine, backend: Backend, clientDir: string, log: Log) {
  const api = createApp(backend);
  const app = new Hono();
  app.use(requestLog(log));
  app.use(securityHeaders({ https: backend.publicOrigin?.startsWith('https:') === true }));
  app.get('/healthz', async (c) => {
    c.header('Cache-Control', 'no-store');
    try {
      await sql`select 1`.execute(engine.db);
      return c.json({ status: 'ok' });
    } catch (error) {
      log.error(error, { during: 'healthz' });
      return c.json({ status: 'unavailable' }, 503);
    }
  });
  const refuse = (c: Context) =>
    c.json<ErrorBody>(
      { error: { code: 'payload_too_large', message: 'The request is too large.' } },
      413,
    );
  const counted = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: refuse });
  // As bodyLimit decides, without asking for the body: that makes the whole web Request
  // (its headers, signal and stream) where the app reads the body straight from the socket.
  const tooLarge: MiddlewareHandler = (c, next) => {
    const { method } = c.req;
    if (method === 'GET' || method === 'HEAD' || method === 'TRACE') return next();
    const length = c.req.header('Content-Length');
    if (length === undefined || c.req.header('Transfer-Encoding') !== undefined) {
      return counted(c, next);
    }
    return parseInt(length, 10) > MAX_BODY_BYTES ? Promise.resolve(refuse(c)) : next();
  };
  // The socket travels in c.env, for the client's address.
  app.all('/api', (c) => api.fetch(c.req.raw, c.env));
  app.all('/api/*', tooLarge, (c) => api.fetch(c.req.raw, c.env));
  // A page's first reads, answered as the visitor's own requests would be (page-reads.ts).
  const answerRead = async (path: string, page: Context) => {
    const headers = new Headers({ Accept: 'application/json', 'Sec-Fetch-Site': 'same-origin' });
    const cookie = page.req.header('Cookie');
    if (cookie) headers.set('Cookie', cookie);
    const response = await api.fetch(
      new Request(new URL(path, page.req.url), { headers }),
      page.env,
    );
    // Anything but a plain success (or an answer that changes the session cookie) is left
    // to the page's script to ask for itself, and to show as it shows any answer.
    if (response.status !== 200 || response.headers.has('Set-Cookie')) {
      await response.body?.cancel();
      return undefined;
    }
    return (await response.json()) as unknown;
  };
  app.route('/', clientRoutes(clientDir, answerRead));
  app.onError((error, c) => {
    log.error(error);
    return c.text('Something went wrong on our side.', 500);
  });
  return app;
}

function listen(server: ServerType): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/**
 * Which of the server's connections are between requests, to close when it stops. Node's
 * own `closeIdleConnections` passes over a connection that has not sent a request yet,
 * such as the spare one a browser or fetch opens ahead of need: the stop waited for the
 * client to give it up (3 s for Node's fetch) or for the grace to end. A connection is
 * idle when no request on it is being answered and nothing came since the last answer:
 * a request whose headers are still arriving keeps its connection.
 */
function trackIdle(server: ServerType): () => void {
  const connections = new Map<Socket, { requests: number; bytesReadWhenIdle: number }>();
  server.on('connection', (socket: Socket) => {
    connections.set(socket, { requests: 0, bytesReadWhenIdle: 0 });
    socket.once('close', () => connections.delete(socket));
  });
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const state = connections.get(request.socket);
    if (!state) return;
    state.requests += 1;
    response.once('close', () => {
      state.requests -= 1;
      if (state.requests === 0) state.bytesReadWhenIdle = request.socket.bytesRead;
    });
  });
  return () => {
    for (const [socket, { requests, bytesReadWhenIdle }] of connections) {
      if (requests === 0 && socket.bytesRead === bytesReadWhenIdle) socket.destroy();
    }
  };
}

function stop(server: ServerType, closeIdle: () => void, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    // Keep-alive connections fall idle once their request is answered; close each then.
    const idle = setInterval(closeIdle, 50);
    const force = setTimeout(() => {
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, graceMs);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(force);
      resolve();
    });
    closeIdle();
  });
}

export async function startServer({
  config,
  clientDir,
  log = jsonLog(),
  passwords = serverPasswords(),
  clock = () => new Date(),
  graceMs = GRACE_MS,
}: ServerOptions): Promise<RunningServer> {
  if (!existsSync(join(clientDir, 'index.html'))) {
    log.info('The client is not built: pages answer 503 until `npm run build`.', { clientDir });
  }
  const engine = await openDatabase(config);
  let peers: Peers | undefined;
  try {
    await seedForum(engine, { demo: config.demo });
    const backend = nodeBackend(engine, config, log, passwords, clock);
    peers = backend.peers;
    const app = serverApp(engine, backend, clientDir, log);
    const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
    const closeIdle = trackIdle(server);
    const address = await listen(server).catch((error: unknown) => {
      server.close();
      throw error;
    });
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    // PORT=0 (the tests) leaves the default public origin without its port until now.
    if (config.port === 0 && new URL(config.publicOrigin).port === '0') {
      backend.publicOrigin = `http://${host}:${address.port}`;
    }
    const { mail } = backend;
    const digests = () =>
      mail ? sendDigests(engine.db, mail, backend.clock()) : Promise.resolve(0);
    const timer = setInterval(() => {
      digests().catch((error: unknown) => log.error(error, { during: 'sending digests' }));
    }, DIGEST_CHECK_MS);
    timer.unref();
    let closing: Promise<void> | null = null;
    return {
      url: `http://${host}:${address.port}`,
      port: address.port,
      engine,
      forget: () => backend.cache?.invalidate(),
      sendDigests: digests,
      close: () =>
        (closing ??= (async () => {
          clearInterval(timer);
          // Streams never end by themselves: end them, or the server would wait out its grace.
          const stopping = stop(server, closeIdle, graceMs);
          backend.live?.close();
          await stopping;
          await peers?.close();
          await engine.close();
        })()),
    };
  } catch (error) {
    await peers?.close();
    await engine.close();
    throw error;
  }
}
