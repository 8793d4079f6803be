// Posting comments to the real server under load, as the demo moderator (whose comments
// publish at once, so each post also clears the page cache), each with an idempotency
// key as the app sends one. Then the proof that each was durable when answered: the
// server is killed with SIGKILL (no shutdown, nothing flushed on the way out) and every
// comment it had answered 201 for is looked for in the SQLite file. A kill tests that
// the commit came before the answer; that the commit reached the disk is SQLite's
// `synchronous = FULL` (in WAL mode, the log is synced at every commit), checked here
// in the server bundle that ran.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'libsql';
import { measureLoad } from './load.mjs';
import { THREADS, threadSlug } from './server-data.mjs';

const CONNECTIONS = 10;
const SECONDS = 10;
const MODERATOR = { email: 'moderator@example.org', password: 'demo-moderator' };
const SLUG = threadSlug(THREADS.rest);

export async function signIn(url, { email, password } = MODERATOR) {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    // What a browser sends with the forum's own requests; the server refuses writes without it.
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('agora_session='));
  if (response.status !== 200 || !cookie) {
    throw new Error(`Signing in as ${email} answered ${response.status}: ${await response.text()}`);
  }
  return cookie.split(';')[0];
}

export async function measurePosts(server, cookie, log) {
  const answered = [];
  let n = 0;
  const requests = [
    {
      method: 'POST',
      path: `/api/discussions/${SLUG}/comments`,
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', cookie },
      setupRequest: (req) => {
        n += 1;
        return {
          ...req,
          headers: { ...req.headers, 'idempotency-key': randomUUID() },
          body: JSON.stringify({
            body: `Bench comment ${n}: what worked for us was **local radio** and #offline meetings.`,
            parentId: null,
          }),
        };
      },
      onResponse: (status, body) => {
        if (status === 201) answered.push(JSON.parse(body).id);
      },
    },
  ];
  const run = await measureLoad(server, { requests, connections: CONNECTIONS, seconds: SECONDS });
  log(
    `  posts: ${run.requestsPerSecond} req/s, p99 ${run.latencyMs.p99} ms, load ${run.machine.loadAverage[0]}`,
  );
  // The warm-up's posts were answered too: all count for durability, the timed run for the rate.
  return { run, answeredIds: answered };
}

/** Kills the server without warning, then counts the answered comments the file holds. */
export async function checkDurable(server, dataDir, answeredIds) {
  process.kill(server.pid, 'SIGKILL');
  await server.exited;
  const db = new Database(join(dataDir, 'agora.sqlite'), { readonly: true });
  try {
    let found = 0;
    for (let at = 0; at < answeredIds.length; at += 500) {
      const ids = answeredIds.slice(at, at + 500);
      const row = db
        .prepare(`select count(*) as n from comments where id in (${ids.map(() => '?').join(',')})`)
        .get(...ids);
      found += Number(row.n);
    }
    return {
      answered: answeredIds.length,
      foundAfterKill: found,
      lost: answeredIds.length - found,
    };
  } finally {
    db.close();
  }
}

/** The pragma in the code that ran: the bundle's SQLite engine. */
export function synchronousSetting(bundle) {
  const code = readFileSync(bundle, 'utf8');
  return /pragma\(["'`]synchronous\s*=\s*(\w+)["'`]\)/i.exec(code)?.[1]?.toUpperCase() ?? null;
}
