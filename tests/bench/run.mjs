// npm run bench: speed and scale in one command. Measures the production bundle's sizes;
// builds the demo (mock backend in the page), serves it on 127.0.0.1 and runs Lighthouse
// and the long-thread measurements in Debian's Chromium; then builds the production
// server, measures it under load on a forum of 100,000 comments (server.mjs) and runs
// Lighthouse on the pages it serves. Lighthouse's CPU slowdown is calibrated to the
// machine before each Lighthouse part. Prints one table per part against its budgets,
// writes tests/bench/results/bench.json, and exits 1 when any budget fails — after
// running every part.
//
//   npm run bench                          every part
//   npm run bench -- --only=server,server-lighthouse   some parts (sizes, demo, server, server-lighthouse, live)
//   npm run bench -- --head                the server parts build the last commit, not the working tree
//   npm run bench -- --runs=5              Lighthouse runs per page (3)
//   npm run bench -- --cpu=4               a fixed CPU slowdown instead of the calibrated one,
//                                          to compare two builds side by side
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { calibrateCpu } from './cpu-calibration.mjs';
import { mark, ms, table } from './format.mjs';
import { LIGHTHOUSE_BUDGET, runLighthouse } from './lighthouse.mjs';
import { printLighthouse } from './lighthouse-print.mjs';
import { runLongThreads } from './long-threads.mjs';
import { loadAverage, waitForQuiet } from './machine.mjs';
import { buildProduction, prepareSource } from './server-build.mjs';
import { printServer, runServerBench, startAgora } from './server.mjs';
import { printLive, runLiveBench } from './live.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const RESULTS = join(ROOT, 'tests/bench/results');
const CHROMIUM = '/usr/bin/chromium';
const LAUNCH = {
  executablePath: CHROMIUM,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
/** The whole run stops here whatever happens, leaving no server behind. */
const WATCHDOG_MS = 40 * 60_000;
/** The issue "A real server": Lighthouse on the production build as the real server serves it. */
const SERVER_LIGHTHOUSE_BUDGET = { performance: 0.98, accessibility: 1, 'best-practices': 1 };
const PARTS = ['sizes', 'demo', 'server', 'server-lighthouse', 'live'];

function readOptions(argv) {
  const value = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const only = value('only')?.split(',') ?? PARTS;
  const unknown = only.filter((part) => !PARTS.includes(part));
  if (unknown.length > 0)
    throw new Error(`No such part: ${unknown.join(', ')} (parts: ${PARTS.join(', ')})`);
  const runs = Number(value('runs') ?? 3);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number ≥ 1');
  const cpu = value('cpu') === undefined ? null : Number(value('cpu'));
  if (cpu !== null && !(cpu >= 1)) throw new Error('--cpu takes a slowdown ≥ 1');
  return { only: new Set(only), head: argv.includes('--head'), runs, cpu };
}

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const log = (message) => console.log(`[${elapsed()}] ${message}`);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

function environment() {
  const git = (args) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  const version = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' });
  if (version.error) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  const chromium = version.stdout.trim();
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGB: Number((totalmem() / 1024 ** 3).toFixed(1)),
    chromium,
    // Other work on the machine skews browser timings; worth knowing when reading them.
    loadAverageAtStart: loadavg().map((n) => Number(n.toFixed(2))),
    commit: git(['rev-parse', '--short', 'HEAD']),
    uncommittedChanges: git(['status', '--porcelain', '--untracked-files=no']) !== '',
  };
}

// ---- 1. Sizes: the production bundle, measured by bundle-size.mjs -----------------------

function runSizes() {
  log('sizes: production build and bundle-size.mjs');
  const run = spawnSync(process.execPath, [join(ROOT, 'tests/bench/bundle-size.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (run.status === null || run.error) {
    return {
      error: `bundle-size.mjs did not finish: ${run.error?.message ?? run.signal}`,
      within: false,
    };
  }
  try {
    const size = JSON.parse(readFileSync(join(RESULTS, 'size.json'), 'utf8'));
    const fresh = Date.now() - Date.parse(size.measuredAt) < 10 * 60_000;
    if (!fresh) throw new Error('size.json was not rewritten');
    return { ...size, exitCode: run.status, within: run.status === 0 && size.budget.within };
  } catch (error) {
    return {
      error: `${error.message}\n${run.stderr.slice(-2000)}`,
      exitCode: run.status,
      within: false,
    };
  }
}

function printSizes(sizes) {
  console.log('\n== 1. Sizes: production bundle, gzipped (level 9), 1 KB = 1024 bytes');
  if (sizes.error) return console.log(`✗ ${sizes.error}`);
  const rows = [
    ['route', 'loading', 'initial JS', 'initial CSS', 'extra JS', 'extra CSS', 'extra chunks'],
  ];
  for (const row of sizes.routes) {
    rows.push([
      row.route,
      row.loading,
      kb(row.initial.js.gzip),
      kb(row.initial.css.gzip),
      row.extra ? kb(row.extra.js.gzip) : '—',
      row.extra ? kb(row.extra.css.gzip) : '—',
      row.extra ? row.extra.js.files.map((f) => f.file.replace(/^assets\//, '')).join(' ') : '',
    ]);
  }
  console.log(table(rows, { right: [2, 3, 4, 5] }));
  for (const chunk of sizes.onDemand ?? []) {
    console.log(`  on demand: ${chunk.module} ${kb(chunk.js.gzip)}`);
  }
  const budgeted = sizes.routes.find((r) => r.route === sizes.budget.route);
  console.log(
    `${mark(sizes.within)} ${sizes.budget.route} initial JS ${kb(budgeted.initial.js.gzip)} ≤ ${kb(sizes.budget.initialJsGzip)}`,
  );
}

// ---- The demo build and its server --------------------------------------------------------

function buildDemo(workDir) {
  log('demo: npm run build:demo');
  const run = spawnSync('npm', ['run', 'build:demo'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (run.status !== 0) {
    throw new Error(
      `npm run build:demo failed (${run.status ?? run.signal}):\n${(run.stdout + run.stderr).slice(-3000)}`,
    );
  }
  // Served from a private copy: someone else's build:demo must not empty it mid-run.
  const served = join(workDir, 'dist-demo');
  cpSync(join(ROOT, 'dist-demo'), served, { recursive: true });
  return served;
}

async function startPreview(outDir) {
  const port = await freePort();
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  const args = [
    'preview',
    '--mode',
    'demo',
    '--outDir',
    outDir,
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--strictPort',
  ];
  const child = spawn(process.execPath, [vite, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  stop();
  throw new Error(`vite preview did not answer on ${url}:\n${stderr.slice(-2000)}`);
}

// ---- 2. Lighthouse: lighthouse.mjs, printed by lighthouse-print.mjs ------------------------

/** Calibrates the CPU slowdown (unless `cpu` fixes it), then runs Lighthouse with it. */
async function lighthousePart({ baseUrl, workDir, runs, budget, label, cpu }) {
  log(`${label}: ${cpu ? `CPU slowdown fixed at ×${cpu}` : 'calibrating the CPU slowdown'}`);
  const calibration = cpu
    ? {
        cpuSlowdownMultiplier: cpu,
        why: 'fixed by --cpu, not calibrated',
        benchmarkIndexSamples: [],
        loadAverage: loadAverage(),
      }
    : { ...(await calibrateCpu(LAUNCH)), loadAverage: loadAverage() };
  log(`  ${calibration.why} → ×${calibration.cpuSlowdownMultiplier}`);
  const start = loadAverage();
  const result = await runLighthouse({
    baseUrl,
    launchOptions: LAUNCH,
    debuggingPort: await freePort(),
    workDir,
    runs,
    budget,
    cpuSlowdownMultiplier: calibration.cpuSlowdownMultiplier,
    reportDir: join(RESULTS, 'lighthouse'),
    label,
    log,
  });
  return {
    ...result,
    calibration,
    loadAverage: { start, end: loadAverage() },
    within: result.pages.every((p) => p.within),
  };
}

// ---- 3. Long threads ----------------------------------------------------------------------

function printLongThreads(lt) {
  console.log(
    `\n== 3. Long threads (synthetic, ${lt.viewport?.width ?? '?'}×${lt.viewport?.height ?? '?'} window, fresh context per run, no throttling)`,
  );
  if (lt.error) return console.log(`✗ ${lt.error}`);
  const rows = [
    [
      'thread',
      'first comments',
      '(1st request)',
      'DOM at load',
      'DOM after reading',
      'read',
      'heap load → read',
      'next page',
      'Reply → focus',
    ],
  ];
  for (const t of lt.threads) {
    rows.push([
      `${t.size.toLocaleString('en')} comments`,
      `${ms(t.firstCommentsMs.median)} (${t.firstCommentsMs.runs.map(Math.round).join('/')})`,
      ms(t.firstPageRequestMs),
      `${t.atLoad.domNodes ?? '—'} (${t.atLoad.commentsInDom ?? '?'} c.)`,
      t.afterReading ? `${t.afterReading.domNodes} (${t.afterReading.commentsInDom} c.)` : '—',
      t.reading ? `${t.reading.read}${t.reading.reachedEnd ? ' (end)' : ''}` : '—',
      `${t.atLoad.heapMB ?? '—'} → ${t.afterReading?.heapMB ?? '—'} MB`,
      t.nextPageMs.first === null
        ? '—'
        : `${ms(t.nextPageMs.first)} (med. ${ms(t.nextPageMs.median)})`,
      t.reply ? `${t.reply.medianMs} ms (max ${t.reply.maxMs})` : '—',
    ]);
  }
  console.log(table(rows, { right: [1, 2, 3, 4, 5, 6, 7, 8] }));
  const b = lt.budget;
  console.log(
    `${mark(b.firstCommentsRatio.within)} first comments, 10,000 vs 100: ×${b.firstCommentsRatio.value ?? '—'} (≤ ×${b.firstCommentsRatio.limit})`,
  );
  console.log(
    `${mark(b.maxDomNodes.within)} DOM nodes at rest: at most ${b.maxDomNodes.value ?? '—'} (≤ ${b.maxDomNodes.limit})`,
  );
  console.log(
    `${mark(b.replyFocusMs.within)} Reply → focus: worst median ${b.replyFocusMs.value ?? '—'} ms (≤ ${b.replyFocusMs.limit} ms)`,
  );
  for (const t of lt.threads) for (const e of t.errors) console.log(`✗ ${t.size}: ${e}`);
}

// ---- 4. The real server: server.mjs, then Lighthouse on what it serves -------------------

async function serverParts({ options, workDir, report }) {
  const serverDir = mkdtempSync(join(workDir, 'server-'));
  let build;
  try {
    log(`server: production build from the ${options.head ? 'last commit' : 'working tree'}`);
    const source = prepareSource(ROOT, serverDir, { head: options.head });
    build = buildProduction(ROOT, source.dir, serverDir, { log });
    report.serverSource = source.from;
    if (options.only.has('server')) {
      log('server: forum of 100,000 comments, then load');
      report.server = await runServerBench({ root: source.dir, build, workDir: serverDir, log });
    } else {
      const { makeForum } = await import('./server-data.mjs');
      await makeForum(source.dir, join(serverDir, 'data'), { log });
    }
  } catch (error) {
    if (options.only.has('server'))
      report.server = { error: String(error.stack ?? error), within: false };
    if (options.only.has('server-lighthouse')) {
      report.serverLighthouse = { error: `not run: ${error.message}`, within: false };
    }
    return;
  }
  if (!options.only.has('server-lighthouse')) return;
  let server;
  try {
    await waitForQuiet({ log, maxWaitS: 90 });
    server = await startAgora({
      bundle: build.bundle,
      dataDir: join(serverDir, 'data'),
      logFile: join(serverDir, 'lighthouse-server.log'),
    });
    log(`server: serving at ${server.url} for Lighthouse`);
    report.serverLighthouse = await lighthousePart({
      baseUrl: server.url,
      workDir,
      runs: options.runs,
      budget: SERVER_LIGHTHOUSE_BUDGET,
      label: 'server',
      cpu: options.cpu,
    });
  } catch (error) {
    report.serverLighthouse = { error: String(error), within: false };
  } finally {
    await server?.stop();
  }
}

// ---- 6. Live updates on the built server: live.mjs ----------------------------------------

async function livePart({ options, workDir, report }) {
  const liveDir = mkdtempSync(join(workDir, 'live-'));
  try {
    log(`live: production build from the ${options.head ? 'last commit' : 'working tree'}`);
    const source = prepareSource(ROOT, liveDir, { head: options.head });
    const build = buildProduction(ROOT, source.dir, liveDir, { log });
    report.live = await runLiveBench({ build, workDir: liveDir, launchOptions: LAUNCH, log });
  } catch (error) {
    report.live = { error: String(error.stack ?? error), within: false };
  }
}

// ---- Orchestration ------------------------------------------------------------------------

async function demoParts({ options, workDir, report, cleanups }) {
  try {
    const outDir = buildDemo(workDir);
    const preview = await startPreview(outDir);
    cleanups.push(preview.stop);
    log(`demo served at ${preview.url}`);
    try {
      report.lighthouse = await lighthousePart({
        baseUrl: preview.url,
        workDir,
        runs: options.runs,
        budget: LIGHTHOUSE_BUDGET,
        label: 'demo',
        cpu: options.cpu,
      });
    } catch (error) {
      report.lighthouse = { error: String(error), within: false };
    }
    log('long threads');
    try {
      report.longThreads = await runLongThreads({
        baseUrl: preview.url,
        launchOptions: LAUNCH,
        log,
      });
    } catch (error) {
      report.longThreads = { error: String(error), within: false };
    }
    preview.stop();
  } catch (error) {
    report.demo = { error: String(error) };
    const notRun = { error: 'not run: the demo could not be built or served', within: false };
    report.lighthouse ??= notRun;
    report.longThreads ??= notRun;
  }
}

async function main() {
  const options = readOptions(process.argv.slice(2));
  const env = environment();
  const report = { environment: env, parts: [...options.only] };
  const cleanups = [];
  const cleanup = () => {
    while (cleanups.length > 0) {
      try {
        cleanups.pop()();
      } catch {
        // Best effort: the rest still runs.
      }
    }
  };
  process.once('exit', cleanup);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      cleanup();
      process.exit(130);
    });
  }
  setTimeout(() => {
    console.error(`\n✗ The benchmark ran longer than ${WATCHDOG_MS / 60_000} minutes; stopping.`);
    cleanup();
    process.exit(1);
  }, WATCHDOG_MS).unref();

  // Everything temporary lives here: the served copies of the builds, the forum, browser profiles.
  const workDir = mkdtempSync(join(tmpdir(), 'agora-bench-'));
  cleanups.push(() => rmSync(workDir, { recursive: true, force: true }));

  try {
    if (options.only.has('sizes')) report.sizes = runSizes();
    if (options.only.has('demo')) await demoParts({ options, workDir, report, cleanups });
    if (options.only.has('server') || options.only.has('server-lighthouse')) {
      await serverParts({ options, workDir, report });
    }
    if (options.only.has('live')) await livePart({ options, workDir, report });
  } finally {
    cleanup();
  }

  console.log(`\nAgora benchmark — ${env.date}`);
  console.log(
    `Node ${env.node} · ${env.cpus} × ${env.cpuModel} · ${env.memoryGB} GB · ${env.chromium} · commit ${env.commit}${env.uncommittedChanges ? ' + uncommitted changes' : ''}`,
  );
  env.loadAverageAtEnd = loadAverage();
  console.log(
    `Load average (1/5/15 min) at start ${env.loadAverageAtStart.join(' ')}, at end ${env.loadAverageAtEnd.join(' ')}`,
  );
  if (report.demo?.error) console.log(`\n✗ ${report.demo.error}`);
  if (report.sizes) printSizes(report.sizes);
  if (report.lighthouse) {
    printLighthouse(report.lighthouse, {
      title: '2. Lighthouse 12 on the demo build',
      note:
        'The demo build: it carries the mock backend (MSW and its store) with no added latency.\n' +
        'Signed-in pages keep storage and cache between sign-in and the runs, so they load warm.',
    });
  }
  if (report.longThreads) printLongThreads(report.longThreads);
  if (report.server) {
    if (report.serverSource) console.log(`\nServer built from the ${report.serverSource}.`);
    printServer(report.server);
  }
  if (report.serverLighthouse) {
    printLighthouse(report.serverLighthouse, {
      title: '5. Lighthouse 12 on the production build served by the real server',
      note: 'The forum of 100,000 comments, AGORA_DEMO=1; signed-in pages load warm, as on the demo.',
    });
  }
  if (report.live) printLive(report.live);

  const parts = Object.fromEntries(
    ['sizes', 'lighthouse', 'longThreads', 'server', 'serverLighthouse', 'live']
      .filter((part) => report[part])
      .map((part) => [part, Boolean(report[part].within)]),
  );
  report.within = Object.values(parts).every(Boolean);
  report.durationSeconds = Math.round((Date.now() - started) / 1000);
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);

  console.log(
    `\n${Object.entries(parts)
      .map(([part, ok]) => `${mark(ok)} ${part}`)
      .join('   ')}   (${report.durationSeconds} s)`,
  );
  console.log('Wrote tests/bench/results/bench.json');
  if (!report.within) process.exitCode = 1;
}

await main();
