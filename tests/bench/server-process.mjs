// One process to measure: the built server (`node dist-server/agora.js serve`) or the
// bare node:http server, started with its environment, timed from spawn until it
// answers, watched through /proc (resident memory, CPU time), and stopped by its id.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

const CLOCK_TICKS = 100;

/** CPU seconds the process has used so far (user + system), from /proc. */
export function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** Resident memory now and at its peak, in MB, from /proc. */
export function memoryMB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/**
 * Spawns `args` with `env`, then asks `readyPath` every 10 ms until it answers 200:
 * `readyMs` is from just before spawn to that answer. Standard output and error go to
 * `logFile` (a real server's log goes somewhere too), read back when the start fails.
 */
export async function startProcess({ args, env, port, readyPath, logFile, timeoutMs = 20_000 }) {
  const fd = openSync(logFile, 'a');
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  while (performance.now() - started < timeoutMs) {
    if (child.exitCode !== null) break;
    const ok = await fetch(`${url}${readyPath}`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return { url, pid: child.pid, readyMs: performance.now() - started, stop, exited };
    await new Promise((r) => setTimeout(r, 10));
  }
  await stop();
  const tail = readFileSync(logFile, 'utf8').slice(-2000);
  throw new Error(`${args.join(' ')} did not answer ${readyPath} on ${url}:\n${tail}`);
}
