/**
 * The demo's backend, in a worker of its own: the same app as the server, over
 * SQLite in WebAssembly (sql.js). Starting it (compiling SQLite, then opening the
 * seeded database the demo build ships, or in dev migrating and seeding) and
 * answering each request happen here, so the page's main thread stays free for
 * the reader. The page (mocks/browser.ts) hands it MSW's requests and keeps the
 * database it saves.
 */
/// <reference lib="webworker" />
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { createApp } from '../src/server/app';
import { loadRenderer } from '../src/server/backend';
import { createMemoryBackend, type MemoryBackend } from '../src/server/memory';
import { addLongThreads } from '../src/server/store/scenarios';
import { cookiesSetBy, type FetchApp, toRequest } from './plain-http';
import { catchCookies } from './catch-cookies';
import type { FromWorker, ToWorker, WorkerSettings } from './worker-protocol';

declare const self: DedicatedWorkerGlobalScope;

const post = (message: FromWorker, transfer: Transferable[] = []) =>
  self.postMessage(message, transfer);

let started: Promise<{ memory: MemoryBackend; app: FetchApp; writes: { count: number } }> | null =
  null;
let settings: WorkerSettings = { longThreads: false, latencyMs: 0, seedUrl: null };
const aborts = new Map<number, AbortController>();
/** Statuses whose answers have no body. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

async function start() {
  const writes = { count: 0 };
  const seed = settings.seedUrl ? await fetchSeed(settings.seedUrl) : undefined;
  const memory = await createMemoryBackend({
    wasmUrl,
    seed,
    onWrite: () => {
      writes.count += 1;
    },
  });
  if (settings.longThreads) await addLongThreads(memory.backend.db(), await loadRenderer());
  memory.backend.latencyMs = settings.latencyMs;
  return { memory, app: catchCookies(createApp(memory.backend)), writes };
}

async function fetchSeed(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The demo's seeded database answered ${response.status}.`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  // Gzipped by the build, unless a host already took that off on the way.
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const unzipped = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(unzipped).arrayBuffer());
}

async function answer(message: Extract<ToWorker, { type: 'fetch' }>) {
  if (!started) throw new Error('The backend was asked before it was started.');
  const { memory, app, writes } = await started;
  if (message.load) await memory.load(message.load);
  const controller = new AbortController();
  aborts.set(message.id, controller);
  const before = writes.count;
  const response = await app.fetch(toRequest(message.request, controller.signal));
  const streaming = response.headers.get('Content-Type')?.startsWith('text/event-stream') === true;
  const body = streaming || NULL_BODY.has(response.status) ? null : await response.arrayBuffer();
  // A scenario's tab saves nothing: its database is its own, for as long as it lives.
  const saved =
    !settings.longThreads && writes.count !== before ? memory.engine().snapshot() : null;
  post(
    {
      type: 'answer',
      id: message.id,
      status: response.status,
      headers: [...response.headers],
      cookies: cookiesSetBy(response),
      body,
      streaming,
      saved,
    },
    // The body is this answer's own; the database's bytes are copied, a few hundred KB.
    body ? [body] : [],
  );
  if (!streaming || !response.body) {
    aborts.delete(message.id);
    return;
  }
  const reader = response.body.getReader();
  controller.signal.addEventListener('abort', () => void reader.cancel(), { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      post({ type: 'chunk', id: message.id, bytes: value });
    }
  } finally {
    aborts.delete(message.id);
    post({ type: 'end', id: message.id });
  }
}

self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'start') {
    settings = message.settings;
    started = start();
    started.then(
      () => post({ type: 'started' }),
      (error: unknown) => post({ type: 'not-started', message: String(error) }),
    );
  } else if (message.type === 'fetch') {
    answer(message).catch((error: unknown) => {
      aborts.delete(message.id);
      post({ type: 'failed', id: message.id, message: String(error) });
    });
  } else {
    aborts.get(message.id)?.abort();
  }
});
