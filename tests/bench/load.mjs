// Load on one server from this process, over loopback only: autocannon keeps a number of
// keep-alive connections busy for a bounded time (and never past a bounded number of
// requests), after a short warm-up that is not counted. It returns the throughput, the
// latency percentiles, the status codes, the CPU the server and this process used, and
// what the rest of the machine was doing meanwhile.
import autocannon from 'autocannon';
import { cpuSeconds } from './server-process.mjs';
import { watchMachine } from './machine.mjs';

const LOOPBACK = /^http:\/\/127\.0\.0\.1:\d+$/;
const MAX_SECONDS = 30;

function cannon({ maxRequests, ...options }) {
  return new Promise((resolveRun, reject) => {
    // Bounded in count as well as time: the run stops at whichever comes first.
    autocannon({ timeout: 10, ...options, maxOverallRequests: maxRequests }, (error, result) =>
      error ? reject(error) : resolveRun(result),
    );
  });
}

/**
 * `target` is { url, pid }; `requests` as autocannon takes them (method, path, headers,
 * body, setupRequest). Each run is at most MAX_SECONDS.
 */
export async function measureLoad(
  target,
  { requests, connections = 50, seconds = 5, warmupSeconds = 1, maxRequests = 500_000 },
) {
  if (!LOOPBACK.test(target.url)) throw new Error(`Load goes to 127.0.0.1 only, not ${target.url}`);
  const duration = Math.min(seconds, MAX_SECONDS);
  const base = { url: target.url, connections, requests, maxRequests };
  if (warmupSeconds > 0) await cannon({ ...base, duration: warmupSeconds });

  const machine = watchMachine();
  const serverCpu = cpuSeconds(target.pid);
  const ownCpu = process.cpuUsage();
  const result = await cannon({ ...base, duration });
  const serverCpuSeconds = cpuSeconds(target.pid) - serverCpu;
  const own = process.cpuUsage(ownCpu);
  const generatorCpuSeconds = (own.user + own.system) / 1e6;
  const responses = result.requests.total;
  return {
    connections,
    seconds: result.duration,
    responses,
    requestsPerSecond: Math.round(responses / result.duration),
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: Number(result.latency.average.toFixed(2)),
    },
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count]),
    ),
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerResponse: responses > 0 ? Math.round(result.throughput.total / responses) : null,
    serverCpuSeconds: Number(serverCpuSeconds.toFixed(2)),
    serverCpuUsPerResponse: responses > 0 ? Math.round((serverCpuSeconds / responses) * 1e6) : null,
    generatorCpuSeconds: Number(generatorCpuSeconds.toFixed(2)),
    machine: machine.stop(serverCpuSeconds + generatorCpuSeconds),
  };
}
