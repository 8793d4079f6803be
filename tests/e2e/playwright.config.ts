import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import type { Backend } from './helpers';

// Other ports let two checkouts on one machine run their end-to-end tests side by side.
const DEMO_PORT = Number(process.env.AGORA_E2E_DEMO_PORT ?? 4173);
const SERVER_PORT = Number(process.env.AGORA_E2E_SERVER_PORT ?? 4174);
const DEMO_URL = `http://127.0.0.1:${DEMO_PORT}`;
const SERVER_URL = `http://127.0.0.1:${SERVER_PORT}`;

// The server's database folder, made by the runner, which starts the servers (its
// workers load this file too and need none); teardown.ts removes it.
const dataDir =
  process.env.TEST_WORKER_INDEX === undefined ? mkdtempSync(join(tmpdir(), 'agora-e2e-')) : '';
process.env.AGORA_E2E_DATA_DIR = dataDir;

/** Debian's Chromium: Playwright's own browser downloads are not available here. */
const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: '/usr/bin/chromium',
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
  },
};

/**
 * End-to-end tests in two projects: `demo`, the demo build with its backend in
 * the page (each browser context a fresh seeded forum), and `server`, the
 * production build served by the Node server on a fresh database that every
 * test shares.
 */
export default defineConfig<{ backend: Backend }>({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/e2e',
  globalTeardown: './teardown.ts',
  fullyParallel: true,
  workers: 2,
  // No retries: a test that passes only on a second try is a defect to fix, not to hide.
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  // The demo compiles SQLite and seeds a fresh forum in each new browser context,
  // and the server project's stories sign in and out several times: on a busy
  // two-core machine a story takes tens of seconds.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    serviceWorkers: 'allow',
  },
  projects: [
    // A test tagged @demo or @server belongs to that project alone.
    {
      name: 'demo',
      grepInvert: /@server/,
      use: { ...chromium, baseURL: DEMO_URL, backend: 'demo' },
    },
    {
      name: 'server',
      grepInvert: /@demo/,
      use: { ...chromium, baseURL: SERVER_URL, backend: 'server' },
    },
  ],
  webServer: [
    {
      name: 'demo',
      command: `npm run build:demo && npx vite preview --mode demo --outDir dist-demo --host 127.0.0.1 --port ${DEMO_PORT} --strictPort`,
      cwd: '../..',
      url: DEMO_URL,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      name: 'server',
      // The server's JSON request logs go to standard output, which stays quiet here.
      command: 'npm run build && node src/server/launch.mjs serve',
      cwd: '../..',
      env: {
        AGORA_DEMO: '1',
        PORT: String(SERVER_PORT),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        // The SQLite file in that folder, whatever the calling shell has set.
        DATABASE_URL: '',
        PUBLIC_ORIGIN: '',
        SMTP_URL: '',
        // Every spec signs in and joins its own accounts from 127.0.0.1, far past the
        // per-address limits of sign-in and joining; the server tests check the limits.
        AGORA_RATE_LIMITS: 'off',
      },
      url: `${SERVER_URL}/healthz`,
      // Always a fresh database: a server left running would bring its old one.
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
  ],
});
