/**
 * One live stream as Server-Sent Events: a comment line and the stream's place
 * (`id:`) at once (so proxies and the client know it is open, and the client
 * can ask for what follows even if it hears nothing else), a `reset` when the client missed more than can
 * be replayed, then every event the viewer may receive with its `id:`, and a
 * heartbeat comment when quiet. The viewer is checked again at each heartbeat
 * and before any event not meant for everyone (at most every few seconds): a
 * session that ended closes the stream, and a changed role changes what it gets.
 */
import { LIVE_HEARTBEAT_MS } from '../../api/contract';
import { eventFor, mayReceive, type Scope, type StreamStart } from '../rules/live';
import type { EventRow, UserRow } from '../store/schema';
import type { LiveHub } from './live-hub';

/** How long a viewer's last check holds for events not meant for everyone. */
const RECHECK_MS = 5_000;

export interface StreamOptions {
  hub: LiveHub;
  start: StreamStart;
  scope: Scope;
  viewer: UserRow | null;
  /** The session's person now (null once it ended), read outside any request's transaction. */
  recheck: () => Promise<UserRow | null>;
  heartbeatMs?: number | undefined;
  /** The request's: the client went away. */
  signal?: AbortSignal | undefined;
}

const utf8 = new TextEncoder();

export function eventStream(options: StreamOptions): ReadableStream<Uint8Array> {
  const { hub, start, scope, recheck, signal } = options;
  let viewer = options.viewer;
  const signedIn = viewer !== null;
  let checkedAt = Date.now();
  let done = false;
  let stop: () => void = () => undefined;
  // Events go out in order, even when one waits for a check of the viewer.
  let queue: Promise<void> = Promise.resolve();

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        if (done) return;
        try {
          controller.enqueue(utf8.encode(text));
        } catch {
          stop();
        }
      };
      const check = async () => {
        const now = await recheck();
        checkedAt = Date.now();
        // Signed in when it opened, signed out now: the client opens another as it is now.
        if (signedIn && now === null) stop();
        else viewer = now;
      };
      const deliver = (rows: EventRow[]) => {
        queue = queue
          .then(async () => {
            const restricted = rows.some((r) => r.audience !== 'everyone');
            if (restricted && signedIn && Date.now() - checkedAt > RECHECK_MS) await check();
            for (const row of rows) {
              if (done) return;
              if (!mayReceive(viewer, scope, row)) continue;
              send(`id: ${row.id}\ndata: ${JSON.stringify(eventFor(viewer, row))}\n\n`);
            }
          })
          .catch(() => stop());
      };
      const heartbeat = setInterval(() => {
        send(': heartbeat\n\n');
        if (signedIn) queue = queue.then(check).catch(() => stop());
      }, options.heartbeatMs ?? LIVE_HEARTBEAT_MS);
      const subscriber = { after: start.after, deliver };
      const unsubscribe = hub.subscribe(subscriber, () => stop());
      const aborted = () => stop();
      stop = () => {
        if (done) return;
        done = true;
        clearInterval(heartbeat);
        unsubscribe();
        signal?.removeEventListener('abort', aborted);
        try {
          controller.close();
        } catch {
          // Already closed or cancelled by the client.
        }
      };
      signal?.addEventListener('abort', aborted);
      // Its place from the start: a client that loses the stream before any event still
      // asks for what followed when it comes back.
      send(`: open\nid: ${start.after}\n\n`);
      if (start.reset) send(`id: ${start.after}\ndata: {"kind":"reset"}\n\n`);
    },
    cancel() {
      stop();
    },
  });
}
