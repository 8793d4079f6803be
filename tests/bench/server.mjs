// The real server against the budgets of the issue "A real server": the production
// build served by `node dist-server/agora.js serve` on a fresh DATA_DIR holding 100,000
// comments, with the load from this process over 127.0.0.1. Reads (server-reads.mjs),
// posts and their durability (server-posts.mjs), resident memory after the reads, and
// the time from spawn to /healthz answering 200.
//
//   node tests/bench/server.mjs [--head]   build, make the forum, measure, print; exit 1 over budget
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAverage, waitForQuiet } from './machine.mjs';
import { buildProduction, prepareSource } from './server-build.mjs';
import { makeForum } from './server-data.mjs';
import { checkDurable, measurePosts, signIn, synchronousSetting } from './server-posts.mjs';
import { cpuSeconds, freePort, memoryMB, startProcess } from './server-process.mjs';
import { measureReads } from './server-reads.mjs';
import { median, round } from './stats.mjs';

export const SERVER_BUDGET = {
  /** Server's requests per second at least this share of the bare node:http server's. */
  readShareOfBare: 0.5,
  readP99Ms: 50,
  /** The 10,000-comment thread's page within this × the 100-comment thread's (mean latency). */
  longThreadRatio: 1.2,
  postsPerSecond: 300,
  rssMB: 150,
  readyMs: 2_000,
};
const STARTS = 3;
const HERE = dirname(fileURLToPath(import.meta.url));

/** Starts the built server on `dataDir` as the demo (AGORA_DEMO=1); `readyMs` is spawn → /healthz 200. */
export async function startAgora({ bundle, dataDir, logFile }) {
  const server = await startProcess({
    args: [bundle, 'serve'],
    // Load from one address, posting as one account: far past the rate limits.
    env: { DATA_DIR: dataDir, AGORA_DEMO: '1', AGORA_RATE_LIMITS: 'off' },
    port: await freePort(),
    readyPath: '/healthz',
    logFile,
  });
  return {
    ...server,
    readyCpuSeconds: cpuSeconds(server.pid),
    loadAverage: loadAverage(),
  };
}

const startRecord = (s, when) => ({
  when,
  readyMs: Math.round(s.readyMs),
  cpuSeconds: s.readyCpuSeconds,
  loadAverage: s.loadAverage,
});

function memoryRecord(pid, when) {
  const { rss, peak } = memoryMB(pid);
  return { when, rssMB: round(rss, 1), peakMB: round(peak, 1), loadAverage: loadAverage() };
}

/** Median of the rounds, keeping each round's figures. */
function summariseRuns(runs) {
  const pick = (f) => median(runs.map(f));
  return {
    requestsPerSecond: pick((r) => r.requestsPerSecond),
    p99Ms: pick((r) => r.latencyMs.p99),
    p50Ms: pick((r) => r.latencyMs.p50),
    meanMs: pick((r) => r.latencyMs.mean),
    serverCpuUsPerResponse: pick((r) => r.serverCpuUsPerResponse),
    statusCodes: runs.map((r) => r.statusCodes),
    errors: runs.reduce((n, r) => n + r.errors + r.timeouts, 0),
    loadAverages: runs.map((r) => r.machine.loadAverage[0]),
    othersPercent: runs.map((r) => r.machine.othersPercent),
    rounds: runs.map((r) => ({
      requestsPerSecond: r.requestsPerSecond,
      p99Ms: r.latencyMs.p99,
      loadAverage: r.machine.loadAverage,
      othersPercent: r.machine.othersPercent,
    })),
  };
}

function judge({ reads, posts, durable, synchronous, memory, starts }) {
  const b = SERVER_BUDGET;
  const s = Object.fromEntries(Object.entries(reads.runs).map(([k, v]) => [k, summariseRuns(v)]));
  const onlyStatus = (name, code) =>
    s[name].errors === 0 && s[name].statusCodes.every((c) => Object.keys(c).join() === code);
  const share = (name, bare) => round(s[name].requestsPerSecond / s[bare].requestsPerSecond, 2);
  const ratio = round(s.uncachedLarge.meanMs / s.uncachedSmall.meanMs, 2);
  const deepRatio = round(s.uncachedLargeDeep.meanMs / s.uncachedSmall.meanMs, 2);
  const afterReads = memory.find((m) => m.when === 'after reads');
  const readyWorst = Math.max(...starts.map((x) => x.readyMs));
  const checks = {
    cached200Share: { value: share('cached200', 'bare200'), limit: `≥ ${b.readShareOfBare}` },
    cached304Share: { value: share('cached304', 'bare304'), limit: `≥ ${b.readShareOfBare}` },
    cached200P99: { value: s.cached200.p99Ms, limit: `≤ ${b.readP99Ms} ms` },
    cached304P99: { value: s.cached304.p99Ms, limit: `≤ ${b.readP99Ms} ms` },
    uncachedP99: { value: s.uncachedLarge.p99Ms, limit: `≤ ${b.readP99Ms} ms` },
    uncachedDeepP99: { value: s.uncachedLargeDeep.p99Ms, limit: `≤ ${b.readP99Ms} ms` },
    longThreadRatio: { value: ratio, limit: `≤ ${b.longThreadRatio}` },
    longThreadDeepRatio: { value: deepRatio, limit: `≤ ${b.longThreadRatio}` },
    readStatuses: {
      value:
        onlyStatus('cached200', '200') &&
        onlyStatus('cached304', '304') &&
        onlyStatus('uncachedLarge', '200') &&
        onlyStatus('uncachedLargeDeep', '200') &&
        onlyStatus('uncachedSmall', '200'),
      limit: 'only 200 (304 when revalidating), no error',
    },
    postsPerSecond: { value: posts.requestsPerSecond, limit: `≥ ${b.postsPerSecond}` },
    postStatuses: {
      value: posts.errors + posts.timeouts === 0 && Object.keys(posts.statusCodes).join() === '201',
      limit: 'only 201, no error',
    },
    durable: { value: durable.lost === 0 && synchronous === 'FULL', limit: 'none lost, FULL' },
    rssAfterReads: { value: afterReads?.rssMB ?? null, limit: `≤ ${b.rssMB} MB` },
    readyWorst: { value: readyWorst, limit: `≤ ${b.readyMs} ms` },
  };
  const within = {
    cached200Share: checks.cached200Share.value >= b.readShareOfBare,
    cached304Share: checks.cached304Share.value >= b.readShareOfBare,
    cached200P99: s.cached200.p99Ms <= b.readP99Ms,
    cached304P99: s.cached304.p99Ms <= b.readP99Ms,
    uncachedP99: s.uncachedLarge.p99Ms <= b.readP99Ms,
    uncachedDeepP99: s.uncachedLargeDeep.p99Ms <= b.readP99Ms,
    longThreadRatio: ratio !== null && ratio <= b.longThreadRatio,
    longThreadDeepRatio: deepRatio !== null && deepRatio <= b.longThreadRatio,
    readStatuses: checks.readStatuses.value,
    postsPerSecond: posts.requestsPerSecond >= b.postsPerSecond,
    postStatuses: checks.postStatuses.value,
    durable: checks.durable.value,
    rssAfterReads: afterReads !== undefined && afterReads.rssMB <= b.rssMB,
    readyWorst: readyWorst <= b.readyMs,
  };
  for (const [k, ok] of Object.entries(within)) checks[k].within = Boolean(ok);
  return { summary: s, checks, within: Object.values(within).every(Boolean) };
}

/**
 * The whole server part. `build` is from buildProduction; the forum is made in
 * `workDir`/data, left there for whoever serves it next (Lighthouse).
 */
export async function runServerBench({ root, build, workDir, log = console.log }) {
  const dataDir = join(workDir, 'data');
  const logFile = join(workDir, 'server.log');
  const forum = await makeForum(root, dataDir, { log });
  const quiet = await waitForQuiet({ log });
  const starts = [];
  const memory = [];

  let server = await startAgora({ bundle: build.bundle, dataDir, logFile });
  starts.push(startRecord(server, 'first start on the forum'));
  let reads;
  let posts;
  let durable;
  try {
    memory.push(memoryRecord(server.pid, 'after start'));
    const cookie = await signIn(server.url);
    reads = await measureReads({
      server,
      cookie,
      bare: join(HERE, 'bare-server.mjs'),
      workDir,
      log,
      afterCached: () => memory.push(memoryRecord(server.pid, 'after cached reads')),
    });
    memory.push(memoryRecord(server.pid, 'after reads'));
    const posted = await measurePosts(server, cookie, log);
    posts = posted.run;
    memory.push(memoryRecord(server.pid, 'after posts'));
    durable = await checkDurable(server, dataDir, posted.answeredIds);
    log(
      `  durability: ${durable.foundAfterKill} of ${durable.answered} answered posts in the file after SIGKILL`,
    );
  } finally {
    await server.stop();
  }
  for (let i = 0; i < STARTS; i++) {
    server = await startAgora({ bundle: build.bundle, dataDir, logFile });
    starts.push(startRecord(server, i === 0 ? 'start after SIGKILL' : 'restart'));
    await server.stop();
  }
  log(`  starts: ${starts.map((x) => `${x.readyMs} ms`).join(', ')}`);

  const measured = {
    reads,
    posts,
    durable,
    synchronous: synchronousSetting(build.bundle),
    memory,
    starts,
  };
  return {
    budget: SERVER_BUDGET,
    forum: { ...forum, dataDir },
    quiet,
    ...measured,
    ...judge(measured),
  };
}

const mark = (ok) => (ok ? '✓' : '✗');

export function printServer(report) {
  console.log('\n== Server: production build, `node dist-server/agora.js serve`, SQLite file');
  if (report.error) return console.log(`✗ ${report.error}`);
  const { summary: s, checks: c, reads } = report;
  console.log(
    `Forum of ${report.forum.comments.toLocaleString('en')} comments; load from autocannon in another process over 127.0.0.1, ` +
      `${reads.connections} connections, ${reads.seconds} s per run after 1 s warm-up, ${reads.rounds} rounds alternating (median shown).`,
  );
  console.log(
    `Page: 50 comments, ${reads.pages.large.bytes.toLocaleString('en')} bytes of JSON (10,000 thread, first page); bare server sends the same headers and body.`,
  );
  const rows = [
    ['run', 'req/s', 'p50', 'p99', 'server CPU/resp.', 'load avg (1 min)', 'others’ CPU'],
  ];
  const label = {
    bare200: 'bare node:http, 200 with the page',
    cached200: 'server, cached 200',
    bare304: 'bare node:http, 304',
    cached304: 'server, cached 304 (If-None-Match)',
    uncachedLarge: 'server, uncached, 10,000 thread page 1',
    uncachedLargeDeep: 'server, uncached, 10,000 thread after comment 5,000',
    uncachedSmall: 'server, uncached, 100 thread page 1',
  };
  for (const [name, text] of Object.entries(label)) {
    const r = s[name];
    rows.push([
      text,
      String(r.requestsPerSecond),
      `${r.p50Ms} ms`,
      `${r.p99Ms} ms`,
      `${r.serverCpuUsPerResponse} µs`,
      r.loadAverages.join(' / '),
      r.othersPercent.map((p) => `${p} %`).join(' / '),
    ]);
  }
  const posts = report.posts;
  rows.push([
    `posts as moderator (${posts.connections} connections, ${posts.seconds.toFixed(0)} s)`,
    String(posts.requestsPerSecond),
    `${posts.latencyMs.p50} ms`,
    `${posts.latencyMs.p99} ms`,
    `${posts.serverCpuUsPerResponse} µs`,
    String(posts.machine.loadAverage[0]),
    `${posts.machine.othersPercent} %`,
  ]);
  const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => r[col].length)));
  for (const [i, r] of rows.entries()) {
    console.log(
      r
        .map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col])))
        .join('  '),
    );
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  console.log(
    `Memory (resident): ${report.memory.map((m) => `${m.when} ${m.rssMB} MB`).join(', ')}; peak ${Math.max(...report.memory.map((m) => m.peakMB))} MB`,
  );
  console.log(
    `Spawn → /healthz 200: ${report.starts.map((x) => `${x.readyMs} ms (${x.cpuSeconds} s CPU, load ${x.loadAverage[0]})`).join(', ')}`,
  );
  console.log(
    `Durability: ${report.durable.foundAfterKill} of ${report.durable.answered} posts answered 201 were in the file after SIGKILL; synchronous = ${report.synchronous} in the bundle`,
  );
  const lines = {
    cached200Share: 'cached 200: server req/s ÷ bare req/s',
    cached304Share: 'cached 304: server req/s ÷ bare req/s',
    cached200P99: 'cached 200 p99 (ms)',
    cached304P99: 'cached 304 p99 (ms)',
    uncachedP99: 'uncached p99, 10,000 thread page 1 (ms)',
    uncachedDeepP99: 'uncached p99, 10,000 thread after comment 5,000 (ms)',
    longThreadRatio: 'uncached mean latency, 10,000 page 1 ÷ 100 page 1',
    longThreadDeepRatio: 'uncached mean latency, 10,000 after comment 5,000 ÷ 100 page 1',
    readStatuses: 'reads answered as expected',
    postsPerSecond: 'posts per second, sustained',
    postStatuses: 'posts answered 201',
    durable: 'every answered post durable',
    rssAfterReads: 'resident memory after the reads (MB)',
    readyWorst: 'slowest spawn → ready (ms)',
  };
  for (const [k, text] of Object.entries(lines)) {
    console.log(`${mark(c[k].within)} ${text}: ${c[k].value} (${c[k].limit})`);
  }
  const cpuRatio = s.uncachedLarge.serverCpuUsPerResponse / s.uncachedSmall.serverCpuUsPerResponse;
  console.log(
    `  (for comparison, the server's CPU per uncached page, 10,000 ÷ 100: ${cpuRatio.toFixed(2)}; it does not depend on when other processes ran)`,
  );
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  const root = resolve(HERE, '../..');
  const workDir = mkdtempSync(join(tmpdir(), 'agora-bench-server-'));
  try {
    const source = prepareSource(root, workDir, { head: process.argv.includes('--head') });
    console.log(`Server built from the ${source.from}.`);
    const build = buildProduction(root, source.dir, workDir);
    const report = await runServerBench({ root: source.dir, build, workDir });
    printServer(report);
    mkdirSync(join(HERE, 'results'), { recursive: true });
    writeFileSync(
      join(HERE, 'results/server.json'),
      `${JSON.stringify({ source: source.from, ...report }, null, 2)}\n`,
    );
    if (!report.within) process.exitCode = 1;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
