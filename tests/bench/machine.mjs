// What else the machine is doing: other engineers' tests and builds share its two cores.
// Every figure is printed with the load average, and with how much of the CPU went to
// processes other than the ones measured while it was taken.
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

export const loadAverage = () => loadavg().map((n) => Number(n.toFixed(2)));

/** Busy and total CPU time of the whole machine so far, in seconds (from /proc/stat). */
function machineCpu() {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const busy = user + nice + system + irq + softirq + steal;
  return { busy: busy / 100, total: (busy + idle + iowait) / 100 };
}

/**
 * Starts watching the machine; `stop(ownCpuSeconds)` returns the load average then and
 * the share of the machine's CPU (all cores = 100 %) that went to everything but the
 * processes measured, whose CPU seconds over the same time are passed in.
 */
export function watchMachine() {
  const start = machineCpu();
  const loadAtStart = loadAverage();
  return {
    stop(ownCpuSeconds = 0) {
      const end = machineCpu();
      const total = end.total - start.total;
      const busy = end.busy - start.busy;
      const others = Math.max(0, busy - ownCpuSeconds);
      return {
        loadAverage: loadAtStart,
        busyPercent: total > 0 ? Math.round((busy / total) * 100) : null,
        othersPercent: total > 0 ? Math.round((others / total) * 100) : null,
      };
    },
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits, a bounded time, for the one-minute load average to fall below `below`, so
 * that the measurement runs on a quiet machine if the machine gets quiet at all.
 */
export async function waitForQuiet({ below = 3, maxWaitS = 120, log = console.log } = {}) {
  const started = Date.now();
  let waited = false;
  while (loadavg()[0] >= below && Date.now() - started < maxWaitS * 1000) {
    if (!waited)
      log(
        `  load average ${loadAverage().join(' ')}: waiting up to ${maxWaitS} s for it to fall below ${below}`,
      );
    waited = true;
    await sleep(5_000);
  }
  const quiet = loadavg()[0] < below;
  const seconds = Math.round((Date.now() - started) / 1000);
  if (waited)
    log(
      `  load average ${loadAverage().join(' ')} after ${seconds} s${quiet ? '' : ': measuring anyway'}`,
    );
  return { quiet, waitedSeconds: seconds, loadAverage: loadAverage(), cores: cpus().length };
}
