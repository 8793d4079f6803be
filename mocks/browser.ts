/**
 * The in-page backend of `npm run dev` and the demo build: the same app as the
 * server, over SQLite in WebAssembly, run in a worker (mocks/backend-worker.ts)
 * so that starting it and answering leave the page's main thread to the reader.
 * MSW hands the page's requests to it. The database is saved in localStorage
 * after each write; every request runs under a Web Lock and first takes the
 * saved copy if another tab wrote meanwhile, so two tabs are one forum.
 */
import { setupWorker } from 'msw/browser';
import seedUrl from 'virtual:agora-demo-seed';
import { backendHandler } from './bridge';
import { type Answer, withCookies } from './plain-http';
import { SCENARIO_KEY, loadSaved, saveDatabase, savedVersion } from './persistence';
import type { FromWorker, ToWorker } from './worker-protocol';

/** Starts the mock backend: dev server and demo builds only. */
export async function startMockBackend(): Promise<void> {
  // `?scenario=long-threads` adds synthetic threads of 100 to 10,000 comments to
  // this tab alone, for measuring the reader: such a tab neither reads nor saves.
  const scenario = scenarioRequested('long-threads');
  const backend = new BackendWorker();
  const started = backend.start({
    longThreads: scenario,
    // `?latency=400` slows every answer, to see the loading states as on a poor network.
    latencyMs: Number(new URLSearchParams(window.location.search).get('latency')) || 0,
    seedUrl,
  });

  let loaded = -1;
  const shared: Answer = async (request, signal) =>
    navigator.locks.request('agora-demo-database', async () => {
      const version = scenario ? loaded : savedVersion();
      const load = version === loaded ? null : loadSaved();
      const { response, saved } = await backend.fetch(request, load, signal);
      loaded = saved ? saveDatabase(saved) : version;
      return response;
    });

  // MSW asks the browser to update a worker it finds registered already, without waiting
  // for the answer. When the page reloads or closes meanwhile, Chromium refuses ("Not
  // found"), and that refusal of the demo's plumbing would show as the page's own error.
  window.addEventListener('unhandledrejection', (event) => {
    const message = event.reason instanceof Error ? event.reason.message : '';
    if (
      message.startsWith('Failed to update a ServiceWorker') &&
      message.includes('mockServiceWorker.js')
    ) {
      event.preventDefault();
    }
  });

  const worker = setupWorker(backendHandler(shared));
  await Promise.all([
    started,
    worker.start({
      onUnhandledRequest: 'bypass',
      quiet: true,
      serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    }),
  ]);
}

interface Pending {
  resolve(answer: { response: Response; saved: Uint8Array | null }): void;
  reject(error: Error): void;
  /** A streamed body's controller, once the answer has come. */
  stream?: ReadableStreamDefaultController<Uint8Array>;
}

/** The page's end of the backend's worker: requests out, answers back. */
class BackendWorker {
  private readonly worker = new Worker(new URL('./backend-worker.ts', import.meta.url), {
    type: 'module',
    name: 'agora-demo-backend',
  });
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private started: { resolve(): void; reject(error: Error): void } | null = null;

  constructor() {
    this.worker.addEventListener('message', (event: MessageEvent<FromWorker>) =>
      this.receive(event.data),
    );
    this.worker.addEventListener('error', (event) => {
      const error = new Error(`The demo's backend failed: ${event.message}`);
      this.started?.reject(error);
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    });
  }

  start(settings: Extract<ToWorker, { type: 'start' }>['settings']): Promise<void> {
    return new Promise((resolve, reject) => {
      this.started = { resolve, reject };
      this.send({ type: 'start', settings });
    });
  }

  fetch(
    request: Extract<ToWorker, { type: 'fetch' }>['request'],
    load: Uint8Array | null,
    signal: AbortSignal,
  ): Promise<{ response: Response; saved: Uint8Array | null }> {
    const id = this.nextId++;
    signal.addEventListener('abort', () => this.send({ type: 'abort', id }), { once: true });
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ type: 'fetch', id, request, load }, request.body ? [request.body] : []);
    });
  }

  private send(message: ToWorker, transfer: Transferable[] = []) {
    this.worker.postMessage(message, transfer);
  }

  /**
   * Hands a streamed answer's next part on. The page may have stopped reading it
   * meanwhile (the stream ended with an error on its side): what still comes is dropped.
   */
  private toStream(
    id: number,
    act: (stream: ReadableStreamDefaultController<Uint8Array>) => void,
    pending = this.pending.get(id),
  ) {
    if (!pending?.stream) return;
    try {
      act(pending.stream);
    } catch {
      this.pending.delete(id);
      this.send({ type: 'abort', id });
    }
  }

  private receive(message: FromWorker) {
    if (message.type === 'started') {
      this.started?.resolve();
      return;
    }
    if (message.type === 'not-started') {
      this.started?.reject(new Error(`The demo's backend did not start: ${message.message}`));
      return;
    }
    const pending = this.pending.get(message.id);
    if (!pending) return;
    switch (message.type) {
      case 'failed':
        this.pending.delete(message.id);
        if (pending.stream) pending.stream.error(new Error(message.message));
        else pending.reject(new Error(message.message));
        return;
      case 'answer': {
        let body: BodyInit | null = message.body;
        if (message.streaming) {
          body = new ReadableStream<Uint8Array>({
            start: (controller) => {
              pending.stream = controller;
            },
            cancel: () => {
              this.pending.delete(message.id);
              this.send({ type: 'abort', id: message.id });
            },
          });
        } else {
          this.pending.delete(message.id);
        }
        const response = new Response(body, { status: message.status, headers: message.headers });
        pending.resolve({ response: withCookies(response, message.cookies), saved: message.saved });
        return;
      }
      case 'chunk':
        this.toStream(message.id, (stream) => stream.enqueue(message.bytes));
        return;
      case 'end':
        this.pending.delete(message.id);
        this.toStream(message.id, (stream) => stream.close(), pending);
        return;
    }
  }
}

/** `?scenario=long-threads` switches the scenario on for this tab until it is closed. */
function scenarioRequested(name: string): boolean {
  const asked = new URLSearchParams(window.location.search).get('scenario');
  if (asked) sessionStorage.setItem(SCENARIO_KEY, asked);
  return sessionStorage.getItem(SCENARIO_KEY) === name;
}
