/**
 * What the page and the demo's backend worker (mocks/backend-worker.ts) say to
 * each other. The page keeps what only it has (MSW, localStorage, the lock
 * shared by its tabs); the worker runs the backend, off the page's main thread.
 */
import type { PlainRequest } from './plain-http';

export interface WorkerSettings {
  /** Synthetic long threads for measuring the reader (`?scenario=long-threads`). */
  longThreads: boolean;
  /** A delay before each answer (`?latency=400`), to see the loading states. */
  latencyMs: number;
  /** Where the demo build's seeded database is; null in dev, where the worker seeds. */
  seedUrl: string | null;
}

export type ToWorker =
  | { type: 'start'; settings: WorkerSettings }
  /** `load`: another tab's saved database, to take before answering. */
  | { type: 'fetch'; id: number; request: PlainRequest; load: Uint8Array | null }
  /** The page stopped reading the answer (a live stream that ends). */
  | { type: 'abort'; id: number };

export type FromWorker =
  | { type: 'started' }
  | { type: 'not-started'; message: string }
  | { type: 'failed'; id: number; message: string }
  | {
      type: 'answer';
      id: number;
      status: number;
      headers: [string, string][];
      cookies: string[];
      /** The whole body, or null when it follows in `chunk` messages (a live stream). */
      body: ArrayBuffer | null;
      streaming: boolean;
      /** The database after a write, for the page to save. */
      saved: Uint8Array | null;
    }
  | { type: 'chunk'; id: number; bytes: Uint8Array }
  | { type: 'end'; id: number };
