// How long a search of the 10,000-comment thread takes on the built server, on SQLite
// and on PostgreSQL: the forum of 100,000 comments of server-data.mjs in a fresh
// DATA_DIR (and moved to a fresh PostgreSQL database by the server's own export and
// import), then for each query 50 requests one after another, each with an unknown
// session of its own so that the page cache cannot answer. Prints the median and 95th
// percentile of the answer time, the server's CPU per search, and the load average.
// Usage: npm run build && node tests/bench/search.mjs   (PostgreSQL on 127.0.0.1:5432, or AGORA_TEST_POSTGRES)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadAverage } from './machine.mjs';
import { THREADS, makeForum, threadSlug } from './server-data.mjs';
import { cpuSeconds, freePort, startProcess } from './server-process.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const POSTGRES = process.env.AGORA_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CLI = join(ROOT, 'dist-server/agora.js');
const N = 50;
/** A word in one comment, a word in every comment, two words in a tenth, and no match. */
const QUERIES = ['7777', 'comment', 'local radio', 'zebra'];

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

async function admin(query) {
  const client = new pg.Client({ connectionString: POSTGRES });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

async function measure(name, env, work) {
  const port = await freePort();
  const server = await startProcess({
    args: [CLI, 'serve'],
    env: { AGORA_RATE_LIMITS: 'off', DATABASE_URL: '', ...env },
    port,
    readyPath: '/healthz',
    logFile: join(work, `server-${name}.log`),
    timeoutMs: 120_000,
  });
  try {
    const slug = threadSlug(THREADS.large);
    console.log(
      `search of ${slug} (${THREADS.large.toLocaleString('en')} comments), ${name}, ${N} each`,
    );
    for (const q of QUERIES) {
      const url = `${server.url}/api/discussions/${slug}/search?q=${encodeURIComponent(q)}`;
      const ask = async () => {
        const session = Math.random().toString(36).slice(2);
        const answer = await fetch(url, { headers: { Cookie: `agora_session=${session}` } });
        if (answer.status !== 200) throw new Error(`${q}: ${answer.status}`);
        return answer.json();
      };
      const { total } = await ask();
      const cpuBefore = cpuSeconds(server.pid);
      const times = [];
      for (let i = 0; i < N; i++) {
        const started = performance.now();
        await ask();
        times.push(performance.now() - started);
      }
      const cpuMs = ((cpuSeconds(server.pid) - cpuBefore) * 1000) / N;
      times.sort((a, b) => a - b);
      console.log(
        `  "${q}": ${total.toLocaleString('en')} matches, median ${percentile(times, 0.5).toFixed(1)} ms, ` +
          `p95 ${percentile(times, 0.95).toFixed(1)} ms, server CPU ${cpuMs.toFixed(1)} ms a search`,
      );
    }
    console.log(`  load average ${loadAverage().join(', ')}`);
  } finally {
    await server.stop();
  }
}

const work = mkdtempSync(join(tmpdir(), 'agora-search-bench-'));
const database = `agora_search_bench_${process.pid}`;
try {
  const dataDir = join(work, 'data');
  await makeForum(ROOT, dataDir);
  await measure('SQLite', { DATA_DIR: dataDir }, work);

  const file = join(work, 'forum.jsonl.gz');
  execFileSync(process.execPath, [CLI, 'export', file], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: 'ignore',
  });
  await admin(`create database ${database}`);
  const url = new URL(POSTGRES);
  url.pathname = `/${database}`;
  execFileSync(process.execPath, [CLI, 'import', file], {
    env: { ...process.env, DATABASE_URL: url.href },
    stdio: 'ignore',
  });
  await measure('PostgreSQL', { DATABASE_URL: url.href, DATA_DIR: join(work, 'unused') }, work);
} finally {
  await admin(`drop database if exists ${database} with (force)`).catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
}
