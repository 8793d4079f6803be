/// <reference types="vitest/config" />
import { createServer, defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { contentSecurityPolicy } from './src/server/http/security-headers.ts';

/**
 * Built pages carry the Content-Security-Policy in a meta tag; the Node server
 * sends the same policy as a header (src/server/http/security-headers.ts).
 */
function contentSecurityPolicyMeta(): Plugin {
  let mode = 'production';
  return {
    name: 'agora-content-security-policy',
    apply: 'build',
    configResolved: (config) => {
      mode = config.mode;
    },
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(mode) },
        injectTo: 'head-prepend',
      },
    ],
  };
}

const DEMO_SEED = 'virtual:agora-demo-seed';

interface DemoBuild {
  seed: Uint8Array;
  withAnswers: (html: string) => string;
}

/**
 * What demo builds take from the seeded backend (src/server/demo-page-answers.ts), whose
 * server code is loaded through Vite for this build step alone:
 * - its database, shipped as a gzipped file: `virtual:agora-demo-seed` is its address
 *   (mocks/browser.ts), null in dev, where the backend seeds itself as it starts;
 * - its answers to a first visit's reads, in index.html: the first page paints the
 *   original discussion without waiting for the in-page backend to start.
 */
function demoBuildData(): Plugin {
  let file: string | null = null;
  let built: DemoBuild | null = null;
  return {
    name: 'agora-demo-build-data',
    configResolved: (config) => {
      if (config.command === 'build' && config.mode === 'demo') {
        file = join(config.cacheDir, 'agora-demo-seed.bin');
      }
    },
    buildStart: async () => {
      if (!file) return;
      const loader = await createServer({
        configFile: false,
        root: fileURLToPath(new URL('.', import.meta.url)),
        logLevel: 'error',
        appType: 'custom',
        server: { middlewareMode: true, hmr: false, ws: false },
        optimizeDeps: { noDiscovery: true, include: [] },
      });
      try {
        const demo = (await loader.ssrLoadModule('/src/server/demo-page-answers.ts')) as {
          demoBuild: () => Promise<DemoBuild>;
        };
        built = await demo.demoBuild();
      } finally {
        await loader.close();
      }
      mkdirSync(dirname(file), { recursive: true });
      // Gzipped here, 300 KB to 13 KB: a static host would send an unknown type as it is.
      writeFileSync(file, gzipSync(built.seed, { level: 9 }));
    },
    resolveId: (id) => {
      if (id !== DEMO_SEED) return null;
      return file ? `${file}?url` : `\0${DEMO_SEED}`;
    },
    load: (id) => (id === `\0${DEMO_SEED}` ? 'export default null;' : null),
    transformIndexHtml: {
      order: 'post',
      handler: (html) => (built ? built.withAnswers(html) : html),
    },
  };
}

/**
 * `vite build --ssr` bundles the Node server into dist-server/agora.js. Packages
 * stay outside the bundle (imported from node_modules at run time), so serving
 * compiles no TypeScript and the native SQLite binding loads as installed.
 */
const serverBuild = {
  target: 'node20',
  outDir: 'dist-server',
  emptyOutDir: true,
  copyPublicDir: false,
  sourcemap: true,
  minify: false,
  rolldownOptions: {
    input: { agora: 'src/server/cli.ts' },
    // The Markdown renderer stays a chunk of its own, loaded on the first write.
    output: { entryFileNames: '[name].js' },
  },
};

// `vite` (dev) and `--mode demo` run the mock backend in the page; a plain
// `vite build` leaves every mock module out and talks to /api on its own origin.
/**
 * React Router's package exports only its development build (remix-run/react-router
 * #12532, #14102: dev warnings and checks on in production); built pages take the
 * production build it ships beside it, which is smaller and does less on each render.
 */
const reactRouterProduction = {
  find: /^react-router$/,
  replacement: fileURLToPath(
    new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url),
  ),
};

export default defineConfig(({ command, mode, isSsrBuild }) => ({
  plugins: [react(), contentSecurityPolicyMeta(), demoBuildData()],
  resolve: {
    alias: [
      ...(mode === 'demo'
        ? [
            {
              find: 'tldts',
              replacement: fileURLToPath(new URL('./mocks/tldts-lite.ts', import.meta.url)),
            },
          ]
        : []),
      ...(command === 'build' && !isSsrBuild ? [reactRouterProduction] : []),
    ],
  },

  define: {
    'import.meta.env.VITE_MOCK_API': JSON.stringify(
      process.env.VITE_MOCK_API ??
        (mode === 'development' || mode === 'demo' || mode === 'test' ? 'true' : 'false'),
    ),
  },
  build: isSsrBuild
    ? serverBuild
    : {
        target: 'es2022',
        sourcemap: true,
        // The server reads it to name a page's lazily loaded code in the page it sends
        // (src/server/node/page-modules.ts); the demo, served as plain files, needs none.
        manifest: mode !== 'demo',
        rolldownOptions: {
          // Building a zod schema has no side effect, so the contract's schemas that a
          // chunk does not use leave it: the reader's pages carry no validation code.
          treeshake: { manualPureFunctions: ['z'] },
        },
      },
  // The demo's backend worker (mocks/backend-worker.ts) loads the Markdown renderer on
  // demand, which only a module worker can split off.
  worker: { format: 'es' as const },
  server: { port: 5173 },
  preview: { port: 4173 },
  test: {
    // The app's tests run in jsdom over MSW; the server's over real sockets in Node.
    projects: [
      {
        extends: true,
        test: {
          name: 'app',
          // jsdom, with a repair for a dependency's slowness (tests/jsdom-environment.ts).
          environment: './tests/jsdom-environment.ts',
          setupFiles: ['./tests/setup.ts'],
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/e2e/**', 'tests/server/**'],
          // An upper bound, not a wait: a test goes on as soon as what it awaits shows.
          // A loaded 2-core machine takes seconds to load a route's code the first time.
          testTimeout: 20_000,
          // Every test starts from a fresh query client, database, DOM, cookies and handlers
          // (tests/setup.ts), so the files of a worker share its loaded modules: the database
          // snapshot, the app and the libraries load once per worker, not again for each file.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['tests/server/**/*.test.ts'],
          setupFiles: ['./tests/server/setup.ts'],
          // The server bundle, built once for the files that run it as a process.
          globalSetup: ['./tests/server/global-setup.ts'],
          // As for the app's tests: the server's modules load once per worker, not again for
          // each file. What a test starts, it stops (tests/server/setup.ts).
          isolate: false,
          // An upper bound, as for the app's tests: a loaded machine makes a fresh database
          // and its hashes take seconds.
          testTimeout: 20_000,
        },
      },
    ],
    restoreMocks: true,
    // Vitest keeps a core free by default; on a 2-core machine both do the work.
    maxWorkers: availableParallelism(),
  },
}));
