/**
 * The server bundle as `npm run build` makes it, built once for a test run
 * (tests/server/global-setup.ts) into a folder of its own (inside the project, so
 * its packages resolve from node_modules; apart from dist-server/, so a build or
 * run going on there is left alone), and started as a child process the way
 * `npm start` starts it.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { inject } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    /** The path of the test run's server bundle, `agora.js`. */
    serverBundle: string;
  }
}

/** The test run's server bundle, which test files share: they only read and run it. */
export function builtBundle(): string {
  return inject('serverBundle');
}

/** Builds the bundle: once a run, by tests/server/global-setup.ts. */
export async function buildBundle(): Promise<{ bundle: string; remove: () => void }> {
  const outDir = join(root, 'node_modules', '.cache', 'agora-server-test', crypto.randomUUID());
  mkdirSync(outDir, { recursive: true });
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  await promisify(execFile)(
    process.execPath,
    [vite, 'build', '--ssr', '--outDir', outDir, '--logLevel', 'error'],
    { cwd: root },
  );
  return {
    bundle: join(outDir, 'agora.js'),
    remove: () => rmSync(outDir, { recursive: true, force: true }),
  };
}

export interface Child {
  process: ChildProcess;
  /** The listening line's url, and the milliseconds from spawn to it. */
  ready: Promise<{ url: string; ms: number }>;
  stdout: string[];
  stderr: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function runBundle(
  bundle: string,
  args: string[],
  env: Record<string, string>,
  stdin?: string,
): Child {
  const started = performance.now();
  const child = spawn(process.execPath, [bundle, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  if (stdin === undefined) child.stdin.end();
  else child.stdin.end(stdin);
  const stdout: string[] = [];
  const stderr: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => stderr.push(line));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const ready = new Promise<{ url: string; ms: number }>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      stdout.push(line);
      if (!line.includes('"Agora listens on')) return;
      const { url } = JSON.parse(line) as { url: string };
      resolve({ url, ms: performance.now() - started });
    });
    void exited.then(({ code }) =>
      reject(new Error(`the server exited (${code}) before listening: ${stderr.join('\n')}`)),
    );
  });
  ready.catch(() => undefined);
  return { process: child, ready, stdout, stderr, exited };
}
