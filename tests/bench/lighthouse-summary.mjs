// What a Lighthouse report says, kept small: the category scores and metrics of one run,
// the audits that cost points, and where the main thread's time went (long tasks, script
// per file, work per kind); then, over several runs of a page, the median and the spread.
import { median } from './stats.mjs';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const METRICS = {
  fcpMs: 'first-contentful-paint',
  lcpMs: 'largest-contentful-paint',
  tbtMs: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  siMs: 'speed-index',
};

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
        audit &&
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

const shortUrl = (url) => (typeof url === 'string' ? url.replace(/^https?:\/\/[^/]+/, '') : url);
const ms = (n) => (Number.isFinite(n) ? Math.round(n) : null);

/** The main thread, as the report measured it (already scaled by the CPU slowdown). */
function mainThread(lhr) {
  const items = (id) => lhr.audits[id]?.details?.items ?? [];
  return {
    longTasks: items('long-tasks')
      .slice(0, 5)
      .map((t) => ({ url: shortUrl(t.url), startMs: ms(t.startTime), durationMs: ms(t.duration) })),
    scriptByFile: items('bootup-time')
      .slice(0, 4)
      .map((s) => ({
        url: shortUrl(s.url),
        totalMs: ms(s.total),
        scriptingMs: ms(s.scripting),
        parseMs: ms(s.scriptParseCompile),
      })),
    workByKind: items('mainthread-work-breakdown')
      .slice(0, 5)
      .map((w) => ({ kind: w.groupLabel ?? w.group, ms: ms(w.duration) })),
    metricScores: Object.fromEntries(
      Object.entries(METRICS).map(([key, id]) => [key, lhr.audits[id]?.score ?? null]),
    ),
  };
}

export function summariseRun(lhr, budget) {
  const scores = Object.fromEntries(
    CATEGORIES.map((id) => [id, lhr.categories[id]?.score ?? null]),
  );
  const within = Object.fromEntries(
    CATEGORIES.map((id) => [id, scores[id] !== null && scores[id] >= budget[id]]),
  );
  return {
    scores,
    metrics: Object.fromEntries(
      Object.entries(METRICS).map(([key, id]) => [key, lhr.audits[id]?.numericValue ?? null]),
    ),
    failing: Object.fromEntries(
      CATEGORIES.filter((id) => !within[id] && lhr.categories[id]).map((id) => [
        id,
        failingAudits(lhr, id),
      ]),
    ),
    mainThread: mainThread(lhr),
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
    cpuSlowdownMultiplier: lhr.configSettings.throttling.cpuSlowdownMultiplier,
    warnings: lhr.runWarnings,
    runtimeError: lhr.runtimeError?.message ?? null,
  };
}

const spreadOf = (values) => {
  const finite = values.filter(Number.isFinite);
  return finite.length ? { min: Math.min(...finite), max: Math.max(...finite) } : null;
};

/**
 * A page over its runs: median scores and metrics, judged against the budget; the
 * spread (lowest and highest of each); and the failing audits and main-thread figures
 * of the run whose performance score is the median, so that they describe a typical run.
 */
export function summarisePage(page, runs, budget) {
  const ok = runs.filter((r) => r.scores);
  const pick = (f) => median(ok.map(f));
  const scores = Object.fromEntries(CATEGORIES.map((id) => [id, pick((r) => r.scores[id])]));
  const within = Object.fromEntries(
    CATEGORIES.map((id) => [id, scores[id] !== null && scores[id] >= budget[id]]),
  );
  const byPerformance = [...ok].sort((a, b) => a.scores.performance - b.scores.performance);
  const typical = byPerformance[Math.floor((byPerformance.length - 1) / 2)];
  const errors = runs
    .filter((r) => r.error || r.runtimeError)
    .map((r) => r.error ?? r.runtimeError);
  return {
    page: page.name,
    path: page.path,
    signedInAs: page.signIn?.email ?? null,
    runs: runs.length,
    scores,
    budget: within,
    within:
      ok.length === runs.length && errors.length === 0 && Object.values(within).every(Boolean),
    spread: Object.fromEntries(CATEGORIES.map((id) => [id, spreadOf(ok.map((r) => r.scores[id]))])),
    perRun: ok.map((r) => ({
      scores: r.scores,
      metrics: r.metrics,
      benchmarkIndex: r.benchmarkIndex,
    })),
    metrics: Object.fromEntries(
      Object.keys(METRICS).map((key) => [key, pick((r) => r.metrics[key])]),
    ),
    metricSpread: Object.fromEntries(
      Object.keys(METRICS).map((key) => [key, spreadOf(ok.map((r) => r.metrics[key]))]),
    ),
    benchmarkIndex: {
      median: pick((r) => r.benchmarkIndex),
      spread: spreadOf(ok.map((r) => r.benchmarkIndex)),
    },
    failing: typical
      ? Object.fromEntries(Object.entries(typical.failing).filter(([id]) => !within[id]))
      : {},
    mainThread: typical?.mainThread ?? null,
    warnings: [...new Set(ok.flatMap((r) => r.warnings ?? []))],
    errors,
  };
}
