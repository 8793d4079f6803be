// Lighthouse 12, mobile (emulated phone, simulated slow 4G), on the pages people land on,
// several runs a page, scored against a budget on the median run. The CPU slowdown is
// Lighthouse's default 4× unless the caller passes one calibrated to the machine
// (cpu-calibration.mjs). Lighthouse drives a Chromium that Playwright started with a
// remote-debugging port; the moderation page is measured signed in, so its runs keep
// the browser's storage.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { CATEGORIES, summarisePage, summariseRun } from './lighthouse-summary.mjs';

const SEED = '/discussions/advancing-womens-rights-through-social-media';

export const LIGHTHOUSE_PAGES = [
  { name: 'home', path: '/' },
  { name: 'discussion', path: SEED },
  { name: 'resources', path: `${SEED}/resources` },
  { name: 'digest', path: `${SEED}/digest` },
  {
    name: 'moderation',
    path: '/moderation',
    signIn: { email: 'moderator@example.org', password: 'demo-moderator' },
  },
];

/** The demo build's budget; the real server's is set by its caller. */
export const LIGHTHOUSE_BUDGET = { performance: 0.95, accessibility: 1, 'best-practices': 1 };
const RUN_TIMEOUT_MS = 100_000;

/** Signs in through the form in a tab of the browser Lighthouse will use, then leaves it blank. */
async function signIn(context, baseUrl, { email, password }) {
  const page = await context.newPage();
  try {
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: 15_000 });
  } finally {
    await page.close();
  }
}

async function stillSignedIn(context, url) {
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: 10_000 });
    return true;
  } catch {
    return false;
  } finally {
    await page.close();
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function runOnce({ baseUrl, page, context, debuggingPort, cpuSlowdownMultiplier, budget }) {
  const run = await withTimeout(
    lighthouse(`${baseUrl}${page.path}`, {
      port: debuggingPort,
      hostname: '127.0.0.1',
      output: 'json',
      logLevel: 'error',
      onlyCategories: CATEGORIES,
      disableStorageReset: Boolean(page.signIn),
      ...(cpuSlowdownMultiplier ? { throttling: { cpuSlowdownMultiplier } } : {}),
    }),
    RUN_TIMEOUT_MS,
    `Lighthouse on ${page.path}`,
  );
  if (!run?.lhr) throw new Error('Lighthouse returned no report');
  const result = summariseRun(run.lhr, budget);
  // Lighthouse left storage alone, so a session still here was there during its run.
  if (page.signIn && !(await stillSignedIn(context, `${baseUrl}${page.path}`))) {
    result.runtimeError = 'the session did not survive: Lighthouse measured a signed-out page';
  }
  return { result, lhr: run.lhr };
}

const describeSettings = ({ formFactor, throttlingMethod, throttling }) =>
  `${formFactor}, ${throttlingMethod} throttling: RTT ${throttling.rttMs} ms, ${throttling.throughputKbps} kbps, CPU ×${throttling.cpuSlowdownMultiplier}`;

/**
 * Runs Lighthouse `runs` times on each page; public pages first with Lighthouse's
 * storage reset (a first visit each time), then the signed-in ones without it. The
 * report of each page's median run goes to `reportDir` when given.
 */
export async function runLighthouse({
  baseUrl,
  launchOptions,
  debuggingPort,
  workDir,
  runs = 3,
  budget = LIGHTHOUSE_BUDGET,
  cpuSlowdownMultiplier = null,
  reportDir = null,
  label = 'lighthouse',
  log = console.log,
}) {
  // A persistent context is the browser's default one: the tab Lighthouse opens shares
  // its localStorage and service worker with the tab we sign in from.
  const userDataDir = mkdtempSync(join(workDir ?? tmpdir(), 'agora-lighthouse-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    ...launchOptions,
    args: [...launchOptions.args, `--remote-debugging-port=${debuggingPort}`],
    viewport: null,
    serviceWorkers: 'allow',
  });
  const pages = [];
  let settings = null;
  try {
    const ordered = [
      ...LIGHTHOUSE_PAGES.filter((p) => !p.signIn),
      ...LIGHTHOUSE_PAGES.filter((p) => p.signIn),
    ];
    for (const page of ordered) {
      const started = Date.now();
      const results = [];
      const reports = [];
      for (let i = 0; i < runs; i++) {
        try {
          if (page.signIn && i === 0) await signIn(context, baseUrl, page.signIn);
          const { result, lhr } = await runOnce({
            baseUrl,
            page,
            context,
            debuggingPort,
            cpuSlowdownMultiplier,
            budget,
          });
          settings ??= describeSettings(lhr.configSettings);
          results.push(result);
          reports.push(lhr);
        } catch (error) {
          results.push({ error: String(error) });
        }
      }
      const summary = summarisePage(page, results, budget);
      pages.push(summary);
      if (reportDir && reports.length > 0) {
        const typical = [...reports].sort(
          (a, b) => a.categories.performance.score - b.categories.performance.score,
        )[Math.floor((reports.length - 1) / 2)];
        mkdirSync(reportDir, { recursive: true });
        writeFileSync(join(reportDir, `${label}-${page.name}.json`), JSON.stringify(typical));
      }
      const perf = results.map((r) => (r.scores ? Math.round(r.scores.performance * 100) : '✗'));
      log(
        `  ${label} ${page.name}: performance ${perf.join('/')} in ${((Date.now() - started) / 1000).toFixed(0)} s`,
      );
    }
  } finally {
    await context.close().catch(() => undefined);
    rmSync(userDataDir, { recursive: true, force: true });
  }
  return { settings, runs, budget, cpuSlowdownMultiplier, pages };
}
