// What each route costs a visitor: builds the production bundle with a Vite manifest,
// then sums the gzipped JavaScript and CSS a first visit downloads (the entry chunk
// and its static imports, recursively, never the dynamic ones) and, for the routes
// loaded on demand, the extra chunks they fetch. Writes tests/bench/results/size.json
// and fails when the discussion page's initial JavaScript goes over budget.
//
//   node tests/bench/bundle-size.mjs              build, measure, check the budget
//   node tests/bench/bundle-size.mjs --no-build <dir>   measure an existing build with a manifest
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const RESULTS = join(ROOT, 'tests/bench/results/size.json');
const BUDGET = { route: '/discussions/:slug', initialJsGzip: 130 * 1024 };

/** Routes rendered by the entry bundle; lazy ones name the module their `lazy()` imports. */
const ROUTES = [
  { route: '/' },
  { route: '/discussions/:slug' },
  { route: '/discussions/:slug/comments/:commentId' },
  { route: '/discussions/:slug/resources' },
  { route: '/discussions/:slug/campaigns/:tag' },
  { route: '* (not found)' },
  { route: '/sign-in', lazy: 'src/app/routes/sign-in.tsx' },
  { route: '/join', lazy: 'src/app/routes/join.tsx' },
  { route: '/moderation', lazy: 'src/app/routes/moderation.tsx' },
  { route: '/moderation/log', lazy: 'src/app/routes/moderation-log.tsx' },
  { route: '/discussions/new', lazy: 'src/app/routes/discussion-new.tsx' },
  { route: '/discussions/:slug/edit', lazy: 'src/app/routes/discussion-edit.tsx' },
  { route: '/discussions/:slug/digest', lazy: 'src/app/routes/digest.tsx' },
];

function build() {
  const outDir = mkdtempSync(join(tmpdir(), 'agora-size-'));
  const env = { ...process.env };
  // The production bundle, whatever the shell says: no mock backend in it.
  delete env.VITE_MOCK_API;
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  const args = [vite, 'build', '--manifest', '--outDir', outDir, '--emptyOutDir'];
  const run = spawnSync(process.execPath, [...args, '--sourcemap', 'false', '--logLevel', 'warn'], {
    cwd: ROOT,
    env,
    stdio: 'inherit',
  });
  if (run.status !== 0) {
    rmSync(outDir, { recursive: true, force: true });
    throw new Error(`vite build failed with status ${run.status}`);
  }
  return outDir;
}

function measure(outDir) {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8'));
  const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
  if (!entryKey) throw new Error('The manifest has no entry chunk.');

  const sizes = new Map();
  const sizeOf = (file) => {
    if (!sizes.has(file)) {
      const bytes = readFileSync(join(outDir, file));
      sizes.set(file, { bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
    }
    return sizes.get(file);
  };

  /** A chunk and everything it imports statically: what loading it downloads. */
  const closure = (key, seen = new Set()) => {
    if (seen.has(key)) return seen;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The manifest has no chunk "${key}".`);
    seen.add(key);
    for (const imported of chunk.imports ?? []) closure(imported, seen);
    return seen;
  };

  const filesOf = (keys) => {
    const js = [];
    const css = [];
    for (const key of keys) {
      const chunk = manifest[key];
      if (chunk.file.endsWith('.js')) js.push(chunk.file);
      for (const file of chunk.css ?? []) if (!css.includes(file)) css.push(file);
    }
    return { js, css };
  };

  const total = (files) =>
    files.reduce(
      (sum, file) => {
        const size = sizeOf(file);
        return { bytes: sum.bytes + size.bytes, gzip: sum.gzip + size.gzip, files: sum.files };
      },
      { bytes: 0, gzip: 0, files: files.map((file) => ({ file, ...sizeOf(file) })) },
    );

  const initialKeys = closure(entryKey);
  const initial = filesOf(initialKeys);
  const initialSizes = { js: total(initial.js), css: total(initial.css) };

  const rows = ROUTES.map(({ route, lazy }) => {
    if (!lazy) return { route, loading: 'initial', initial: initialSizes, extra: null };
    if (!manifest[lazy]) {
      // Imported statically somewhere, so it no longer has a chunk of its own.
      return { route, loading: 'not split', initial: initialSizes, extra: null };
    }
    const extraKeys = [...closure(lazy)].filter((key) => !initialKeys.has(key));
    const extra = filesOf(extraKeys);
    return {
      route,
      loading: 'lazy',
      initial: initialSizes,
      extra: {
        js: total(extra.js),
        css: total(extra.css.filter((file) => !initial.css.includes(file))),
      },
    };
  });

  // Chunks no route above loads by itself, fetched when a feature asks (a preview…).
  const counted = new Set(initialKeys);
  for (const { lazy } of ROUTES) if (lazy && manifest[lazy]) closure(lazy, counted);
  const onDemand = Object.keys(manifest)
    .filter((key) => manifest[key].isDynamicEntry && !counted.has(key))
    .map((key) => ({
      module: key,
      js: total(filesOf([...closure(key)].filter((k) => !counted.has(k))).js),
    }));
  return { rows, onDemand };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function printTable(rows, onDemand) {
  const lines = [
    ['route', 'loading', 'initial JS', 'initial CSS', 'extra JS', 'extra CSS', 'extra chunks'],
  ];
  for (const row of rows) {
    lines.push([
      row.route,
      row.loading,
      kb(row.initial.js.gzip),
      kb(row.initial.css.gzip),
      row.extra ? kb(row.extra.js.gzip) : '—',
      row.extra ? kb(row.extra.css.gzip) : '—',
      row.extra ? row.extra.js.files.map((f) => f.file.replace(/^assets\//, '')).join(' ') : '',
    ]);
  }
  const widths = lines[0].map((_, col) => Math.max(...lines.map((line) => line[col].length)));
  const format = (line) =>
    line
      .map((cell, col) =>
        col >= 2 && col <= 5 ? cell.padStart(widths[col]) : cell.padEnd(widths[col]),
      )
      .join('  ')
      .trimEnd();
  console.log('Sizes gzipped (level 9), 1 KB = 1024 bytes');
  console.log(format(lines[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines.slice(1)) console.log(format(line));
  const first = rows[0].initial;
  console.log('\nInitial chunks:');
  for (const f of [...first.js.files, ...first.css.files]) {
    console.log(
      `  ${f.file.padEnd(44)} ${kb(f.bytes).padStart(9)} raw  ${kb(f.gzip).padStart(9)} gzip`,
    );
  }
  if (onDemand.length > 0) {
    console.log('\nLoaded on demand by a feature, not by opening a route:');
    for (const chunk of onDemand) {
      console.log(`  ${chunk.module.padEnd(44)} ${kb(chunk.js.gzip).padStart(9)} gzip`);
    }
  }
}

const noBuild = process.argv.indexOf('--no-build');
const outDir = noBuild >= 0 ? resolve(process.argv[noBuild + 1] ?? 'dist') : build();
let measured;
try {
  measured = measure(outDir);
} finally {
  if (noBuild < 0) rmSync(outDir, { recursive: true, force: true });
}

const { rows, onDemand } = measured;
printTable(rows, onDemand);
mkdirSync(dirname(RESULTS), { recursive: true });
const budgeted = rows.find((row) => row.route === BUDGET.route);
const within = budgeted.initial.js.gzip <= BUDGET.initialJsGzip;
writeFileSync(
  RESULTS,
  `${JSON.stringify({ measuredAt: new Date().toISOString(), budget: { ...BUDGET, within }, routes: rows, onDemand }, null, 2)}\n`,
);
console.log(`\nWrote ${RESULTS.slice(ROOT.length + 1)}`);

if (!within) {
  console.error(
    `\nOver budget: ${BUDGET.route} loads ${kb(budgeted.initial.js.gzip)} of JavaScript gzipped at first, more than ${kb(BUDGET.initialJsGzip)}.`,
  );
  process.exitCode = 1;
} else {
  console.log(
    `Budget: ${BUDGET.route} initial JavaScript ${kb(budgeted.initial.js.gzip)} of ${kb(BUDGET.initialJsGzip)}.`,
  );
}
