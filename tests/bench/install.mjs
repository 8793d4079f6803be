// How long a fresh clone takes to install: `git clone` of this repository into a
// temporary folder, then `npm ci` as CI runs it (.ci/run), timed against the budget.
// By default npm uses this machine's package cache, as a developer's second clone does;
// --cold-cache gives it an empty cache of its own, so every package comes from the
// registry. Not part of `npm run bench`: it takes a while and measures the network too.
//
//   node tests/bench/install.mjs [--cold-cache]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAverage } from './machine.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BUDGET_S = 60;
const cold = process.argv.includes('--cold-cache');

function timed(command, args, options) {
  const started = performance.now();
  const run = spawnSync(command, args, { encoding: 'utf8', timeout: 600_000, ...options });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${run.status ?? run.signal}):\n${(run.stdout + run.stderr).slice(-2000)}`,
    );
  }
  return { seconds: Number(seconds.toFixed(1)), output: run.stdout + run.stderr };
}

const workDir = mkdtempSync(join(tmpdir(), 'agora-install-'));
try {
  const clone = join(workDir, 'agora');
  const loadAtStart = loadAverage();
  const cloned = timed('git', ['clone', '--quiet', ROOT, clone]);
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], {
    cwd: clone,
    encoding: 'utf8',
  }).stdout.trim();
  const env = { ...process.env, npm_config_update_notifier: 'false' };
  if (cold) env.npm_config_cache = join(workDir, 'npm-cache');
  const installed = timed('npm', ['ci', '--no-audit', '--no-fund'], { cwd: clone, env });
  const added = /added (\d+) packages/.exec(installed.output)?.[1] ?? '?';
  const within = installed.seconds <= BUDGET_S;
  const result = {
    measuredAt: new Date().toISOString(),
    commit,
    cache: cold ? 'empty (every package from the registry)' : "this machine's npm cache",
    cloneSeconds: cloned.seconds,
    npmCiSeconds: installed.seconds,
    packages: Number(added),
    budgetSeconds: BUDGET_S,
    within,
    loadAverage: { start: loadAtStart, end: loadAverage() },
  };
  console.log(
    `git clone ${cloned.seconds} s; npm ci ${installed.seconds} s (${added} packages, ${result.cache}), commit ${commit}`,
  );
  console.log(
    `Load average (1/5/15 min) at start ${loadAtStart.join(' ')}, at end ${result.loadAverage.end.join(' ')}`,
  );
  console.log(
    `${within ? '✓' : '✗'} npm ci on a fresh clone: ${installed.seconds} s (≤ ${BUDGET_S} s)`,
  );
  mkdirSync(join(ROOT, 'tests/bench/results'), { recursive: true });
  writeFileSync(
    join(ROOT, 'tests/bench/results/install.json'),
    `${JSON.stringify(result, null, 2)}\n`,
  );
  if (!within) process.exitCode = 1;
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
