// The Lighthouse part of the bench's output: per page the median of the runs with the
// spread (lowest–highest), the metrics, this machine's benchmark index, the CPU slowdown
// and why, and for a page under budget what its typical run says the time went to.
import { mark, ms, table } from './format.mjs';

const pct = (score) => (Number.isFinite(score) ? String(Math.round(score * 100)) : '—');

const withSpread = (p, id) => {
  const s = p.spread?.[id];
  const range = s && s.min !== s.max ? ` (${pct(s.min)}–${pct(s.max)})` : '';
  return `${mark(p.budget?.[id])} ${pct(p.scores?.[id])}${range}`;
};

function printDiagnosis(p) {
  const t = p.mainThread;
  if (!t) return;
  const points = Object.entries(t.metricScores)
    .filter(([, score]) => score !== null && score < 1)
    .map(([metric, score]) => `${metric} ${Math.round(score * 100)}`);
  if (points.length > 0)
    console.log(`  metric scores under 100 (typical run): ${points.join(', ')}`);
  if (t.longTasks.length > 0) {
    console.log(
      `  long tasks: ${t.longTasks.map((l) => `${l.durationMs} ms at ${l.startMs} ms (${l.url})`).join('; ')}`,
    );
  }
  console.log(
    `  script per file: ${t.scriptByFile.map((s) => `${s.url} ${s.totalMs} ms (script ${s.scriptingMs}, parse ${s.parseMs})`).join('; ')}`,
  );
  console.log(
    `  main thread by kind: ${t.workByKind.map((w) => `${w.kind} ${w.ms} ms`).join(', ')}`,
  );
}

export function printLighthouse(lh, { title, note }) {
  console.log(`\n== ${title}, ${lh.settings ?? 'mobile'}`);
  if (lh.error) return console.log(`✗ ${lh.error}`);
  if (note) console.log(note);
  if (lh.calibration) {
    const c = lh.calibration;
    console.log(
      c.benchmarkIndexSamples.length === 0
        ? `CPU slowdown ×${c.cpuSlowdownMultiplier}, ${c.why} (load average ${c.loadAverage.join(' ')}).`
        : `CPU slowdown ×${c.cpuSlowdownMultiplier}, calibrated: ${c.why} (samples ${c.benchmarkIndexSamples.join(', ')}; load average ${c.loadAverage.join(' ')}).`,
    );
  }
  console.log(
    `${lh.runs} runs a page; scores are the median, (lowest–highest) when the runs differ; the budget applies to the median.`,
  );
  const { budget } = lh;
  const rows = [
    [
      'page',
      `perf ≥${budget.performance * 100}`,
      `a11y =${budget.accessibility * 100}`,
      `best pr. =${budget['best-practices'] * 100}`,
      'FCP',
      'LCP',
      'TBT',
      'CLS',
      'benchmarkIndex',
    ],
  ];
  for (const p of lh.pages) {
    const bi = p.benchmarkIndex;
    rows.push([
      p.signedInAs ? `${p.page} (signed in)` : p.page,
      withSpread(p, 'performance'),
      withSpread(p, 'accessibility'),
      withSpread(p, 'best-practices'),
      ms(p.metrics?.fcpMs),
      ms(p.metrics?.lcpMs),
      ms(p.metrics?.tbtMs),
      Number.isFinite(p.metrics?.cls) ? p.metrics.cls.toFixed(3) : '—',
      bi?.median
        ? `${Math.round(bi.median)} (${Math.round(bi.spread.min)}–${Math.round(bi.spread.max)})`
        : '—',
    ]);
  }
  console.log(table(rows, { right: [1, 2, 3, 4, 5, 6, 7, 8] }));
  if (lh.loadAverage) {
    console.log(
      `Load average (1/5/15 min) at start ${lh.loadAverage.start.join(' ')}, at end ${lh.loadAverage.end.join(' ')}`,
    );
  }
  for (const p of lh.pages) {
    for (const e of p.errors ?? []) console.log(`\n✗ ${p.page}: ${e}`);
    for (const [category, audits] of Object.entries(p.failing ?? {})) {
      console.log(
        `\n${p.page}: ${category} ${pct(p.scores[category])} — failing audits (typical run)`,
      );
      for (const a of audits) {
        const where = a.items.length > 0 ? `  [${a.items.join(', ')}]` : '';
        console.log(
          `  ${a.id} — ${a.title}${a.displayValue ? ` — ${a.displayValue}` : ''}${where}`,
        );
      }
      if (category === 'performance') printDiagnosis(p);
    }
  }
}
