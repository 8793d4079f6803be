// Lighthouse 12 with its default mobile settings (emulated phone, simulated slow 4G and
// 4× CPU slowdown) on the pages people land on, scored against the project's budgets.
// Lighthouse drives a Chromium that Playwright started with a remote-debugging port;
// the moderation page is measured signed in, so that run keeps the browser's storage.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';

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

export const LIGHTHOUSE_BUDGET = { performance: 0.95, accessibility: 1, 'best-practices': 1 };
const CATEGORIES = Object.keys(LIGHTHOUSE_BUDGET);
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

/** Where to look for one failing audit: its first few elements, resources or reasons. */
const itemLabel = (item) =>
  item.node?.selector ??
  item.url ??
  item.source?.url ??
  item.issueType ??
  item.reason ??
  item.items?.[0]?.node?.selector ??
  null;

// Headless Chromium runs with the back/forward cache off: nothing the app can act on.
const isNotActionable = (audit) => {
  const items = audit.details?.items ?? [];
  return items.length > 0 && items.every((item) => item.failureType === 'Not actionable');
};

/** Audits that cost points in a category under budget: scored metrics first, then the rest. */
function failingAudits(lhr, categoryId) {
  const threshold = categoryId === 'performance' ? 0.9 : 1;
  return lhr.categories[categoryId].auditRefs
    .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
    .filter(
      ({ audit }) =>
        audit.score !== null &&
        audit.score < threshold &&
        !['informative', 'notApplicable', 'manual'].includes(audit.scoreDisplayMode) &&
        !isNotActionable(audit),
    )
    .sort((a, b) => b.ref.weight - a.ref.weight || a.audit.score - b.audit.score)
    .map(({ ref, audit }) => ({
      id: audit.id,
      title: audit.title,
      score: audit.score,
      weight: ref.weight,
      displayValue: audit.displayValue ?? '',
      items: (audit.details?.items ?? []).slice(0, 3).map(itemLabel).filter(Boolean),
    }));
}

function summarise(page, lhr) {
  const scores = Object.fromEntries(
    CATEGORIES.map((id) => [id, lhr.categories[id]?.score ?? null]),
  );
  const budget = Object.fromEntries(
    CATEGORIES.map((id) => [id, scores[id] !== null && scores[id] >= LIGHTHOUSE_BUDGET[id]]),
  );
  const metric = (id) => lhr.audits[id]?.numericValue ?? null;
  return {
    page: page.name,
    url: lhr.finalDisplayedUrl,
    signedInAs: page.signIn?.email ?? null,
    scores,
    budget,
    within: Object.values(budget).every(Boolean),
    metrics: {
      lcpMs: metric('largest-contentful-paint'),
      tbtMs: metric('total-blocking-time'),
      cls: metric('cumulative-layout-shift'),
      fcpMs: metric('first-contentful-paint'),
    },
    failing: Object.fromEntries(
      CATEGORIES.filter((id) => !budget[id]).map((id) => [id, failingAudits(lhr, id)]),
    ),
    warnings: lhr.runWarnings,
    runtimeError: lhr.runtimeError?.message ?? null,
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
  };
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs Lighthouse on each page; public pages first with Lighthouse's storage reset
 * (a first visit), then the signed-in ones without it.
 */
export async function runLighthouse({
  baseUrl,
  launchOptions,
  debuggingPort,
  workDir,
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
  const results = [];
  let settings = 'default settings';
  try {
    const ordered = [
      ...LIGHTHOUSE_PAGES.filter((p) => !p.signIn),
      ...LIGHTHOUSE_PAGES.filter((p) => p.signIn),
    ];
    for (const page of ordered) {
      const started = Date.now();
      try {
        if (page.signIn) await signIn(context, baseUrl, page.signIn);
        const run = await withTimeout(
          lighthouse(`${baseUrl}${page.path}`, {
            port: debuggingPort,
            hostname: '127.0.0.1',
            output: 'json',
            logLevel: 'error',
            onlyCategories: CATEGORIES,
            disableStorageReset: Boolean(page.signIn),
          }),
          RUN_TIMEOUT_MS,
          `Lighthouse on ${page.path}`,
        );
        if (!run?.lhr) throw new Error('Lighthouse returned no report');
        const result = summarise(page, run.lhr);
        const { formFactor, throttlingMethod, throttling } = run.lhr.configSettings;
        settings = `${formFactor}, ${throttlingMethod} throttling: RTT ${throttling.rttMs} ms, ${throttling.throughputKbps} kbps, CPU ×${throttling.cpuSlowdownMultiplier}`;
        // Lighthouse left storage alone, so a session still here was there during its run.
        if (page.signIn && !(await stillSignedIn(context, `${baseUrl}${page.path}`))) {
          result.within = false;
          result.runtimeError =
            'the session did not survive: Lighthouse measured a signed-out page';
        }
        results.push(result);
      } catch (error) {
        results.push({
          page: page.name,
          url: `${baseUrl}${page.path}`,
          within: false,
          error: String(error),
        });
      }
      log(`  lighthouse ${page.name}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
  } finally {
    await context.close().catch(() => undefined);
    rmSync(userDataDir, { recursive: true, force: true });
  }
  return {
    settings,
    budget: LIGHTHOUSE_BUDGET,
    pages: results,
  };
}
