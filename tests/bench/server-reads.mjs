// Reading pages of comments from the real server under load, beside a bare node:http
// server that sends the same bytes. Cached: the page cache answers (a 200 with the page,
// or a 304 to a browser revalidating with If-None-Match). Uncached: every request
// carries a session cookie of its own, which the cache keys answers by, so each answer
// is made from the database (session lookup, page query, projection, JSON, ETag), as
// a signed-in reader's first view of a page is. Each run on the server starts with an
// empty cache. Rounds alternate the two servers, so that a busy moment of the machine
// falls on both.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureLoad } from './load.mjs';
import { freePort, startProcess } from './server-process.mjs';
import { THREADS, commentId, threadSlug } from './server-data.mjs';

const ROUNDS = 2;
const CONNECTIONS = 50;
const SECONDS = 5;
/** Headers node:http writes by itself; the bare server's Node adds them as the real one's did. */
const OWN_HEADERS = new Set(['date', 'connection', 'keep-alive', 'content-length']);

const page = (size, afterComment) => {
  const cursor = afterComment
    ? `&cursor=${btoa(`a:${commentId(size, afterComment)}`).replace(/=+$/, '')}`
    : '';
  return `/api/discussions/${threadSlug(size)}/comments?limit=50${cursor}`;
};

/** The pages read: the first of each long thread (what a reader opens) and one deep in the 10,000. */
export const PAGES = {
  large: page(THREADS.large),
  largeDeep: page(THREADS.large, 5_000),
  small: page(THREADS.small),
};

async function capture(url, path) {
  const response = await fetch(`${url}${path}`);
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${body}`);
  const comments = JSON.parse(body).comments.length;
  if (comments !== 50) throw new Error(`${path} gave ${comments} comments, not 50`);
  const headers = Object.fromEntries(
    [...response.headers].filter(([name]) => !OWN_HEADERS.has(name)),
  );
  return { path, headers, body, etag: response.headers.get('etag'), bytes: body.length };
}

const anonymous = (path, headers = {}) => [{ method: 'GET', path, headers }];
/** A fresh unknown session per request: no answer is ever found in the cache. */
const ownSession = (path) => [
  {
    method: 'GET',
    path,
    setupRequest: (req) => ({
      ...req,
      headers: { ...req.headers, cookie: `agora_session=${randomBytes(18).toString('base64url')}` },
    }),
  },
];

/**
 * Any write empties the page cache: one post before each run, so that every run starts
 * from the same empty cache, whatever the runs before it left there.
 */
async function emptyCache(server, cookie) {
  const response = await fetch(
    `${server.url}/api/discussions/${threadSlug(THREADS.rest)}/comments`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', cookie },
      body: JSON.stringify({ body: 'Between two runs of the read benchmark.', parentId: null }),
    },
  );
  if (response.status !== 201)
    throw new Error(`The write between runs answered ${response.status}`);
}

/** `afterCached` is called once the first round's cached runs are done, before any uncached one. */
export async function measureReads({ server, cookie, bare, workDir, log, afterCached = () => {} }) {
  const answers = Object.fromEntries(
    await Promise.all(
      Object.entries(PAGES).map(async ([k, p]) => [k, await capture(server.url, p)]),
    ),
  );
  const answerFile = join(workDir, 'bare-answer.json');
  writeFileSync(answerFile, JSON.stringify(answers.large));
  const port = await freePort();
  const yardstick = await startProcess({
    args: [bare, answerFile],
    env: {},
    port,
    readyPath: '/healthz',
    logFile: join(workDir, 'bare-server.log'),
  });
  const etag = { 'if-none-match': answers.large.etag };
  const runs = [
    ['bare200', yardstick, anonymous(PAGES.large)],
    ['cached200', server, anonymous(PAGES.large)],
    ['bare304', yardstick, anonymous(PAGES.large, etag)],
    ['cached304', server, anonymous(PAGES.large, etag)],
    ['uncachedLarge', server, ownSession(PAGES.large)],
    ['uncachedLargeDeep', server, ownSession(PAGES.largeDeep)],
    ['uncachedSmall', server, ownSession(PAGES.small)],
  ];
  const results = Object.fromEntries(runs.map(([name]) => [name, []]));
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [name, target, requests] of runs) {
        if (target === server) await emptyCache(server, cookie);
        const run = await measureLoad(target, {
          requests,
          connections: CONNECTIONS,
          seconds: SECONDS,
        });
        results[name].push(run);
        if (round === 1 && name === 'cached304') afterCached();
        log(
          `  reads ${name} (round ${round}): ${run.requestsPerSecond} req/s, p99 ${run.latencyMs.p99} ms, load ${run.machine.loadAverage[0]}, others ${run.machine.othersPercent} % CPU`,
        );
      }
    }
  } finally {
    await yardstick.stop();
  }
  return {
    connections: CONNECTIONS,
    seconds: SECONDS,
    rounds: ROUNDS,
    pages: Object.fromEntries(
      Object.entries(answers).map(([k, a]) => [
        k,
        { path: a.path, bytes: a.bytes, headers: a.headers },
      ]),
    ),
    runs: results,
  };
}
