/**
 * The client end of a live stream: Server-Sent Events read over `fetch` and a
 * stream reader rather than EventSource, so that it runs the same in browsers
 * and in the tests' jsdom, sends the page's cookies, and sends `Last-Event-ID`
 * itself. A lost stream is opened again after a wait that doubles up to half a
 * minute, with jitter so that many clients do not come back at once. Going
 * offline, or hearing nothing (not even a heartbeat) for too long, counts as a
 * loss; coming back online retries at once. The server replays what was missed.
 */
import type { LiveEvent } from './contract';
import { apiUrl, backendStarted } from './http';

export interface SseMessage {
  id?: string;
  data?: string;
}

/** Splits what arrived into complete messages; the unfinished rest waits for more. */
export function parseSse(text: string): { messages: SseMessage[]; rest: string } {
  const messages: SseMessage[] = [];
  const blocks = text.replace(/\r\n?/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    const message: SseMessage = {};
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') message.id = value;
      else if (field === 'data')
        message.data = message.data === undefined ? value : `${message.data}\n${value}`;
    }
    if (message.id !== undefined || message.data !== undefined) messages.push(message);
  }
  return { messages, rest };
}

export interface LiveOptions {
  /** A discussion page's stream; absent, the stream of every page (moderators' queue, one's own). */
  discussion?: string | undefined;
  onEvent: (event: LiveEvent) => void;
}

const FIRST_WAIT_MS = 500;
const MAX_WAIT_MS = 30_000;
/**
 * Silence this long means the connection died without closing: the server sends a
 * heartbeat every 20 s by default, and never less often than every 30 s.
 */
const SILENCE_MS = 50_000;

/** Keeps one stream open until the returned function is called. */
export function openLiveStream({ discussion, onEvent }: LiveOptions): () => void {
  const stopped = new AbortController();
  let attempt = new AbortController();
  let lastId: string | null = null;
  let failures = 0;
  let wake: (() => void) | null = null;

  const online = () => wake?.();
  const offline = () => attempt.abort();
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
      stopped.signal.addEventListener('abort', done, { once: true });
    });

  const read = async () => {
    attempt = new AbortController();
    const signal = AbortSignal.any([stopped.signal, attempt.signal]);
    const headers = new Headers({ Accept: 'text/event-stream' });
    if (lastId !== null) headers.set('Last-Event-ID', lastId);
    // A page that painted from the answers in it may open its stream before the demo's
    // backend has started: asked before, the address would not be found and never retried.
    await backendStarted();
    const response = await fetch(apiUrl('/events', { discussion }), {
      headers,
      credentials: 'same-origin',
      // A stream that stays open must not hold back the page's own data and scripts, nor
      // count as a request the page is still waiting for.
      priority: 'low',
      signal,
    });
    // The discussion is gone, or this server sends no live updates: nothing to wait for.
    if (response.status === 404 || response.status === 400) return 'stop';
    if (!response.ok || !response.body) throw new Error(`The stream answered ${response.status}.`);
    failures = 0;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    const current = attempt;
    let silence = setTimeout(() => current.abort(), SILENCE_MS);
    signal.addEventListener('abort', () => clearTimeout(silence), { once: true });
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      clearTimeout(silence);
      if (done) return 'lost';
      silence = setTimeout(() => current.abort(), SILENCE_MS);
      const { messages, rest } = parseSse(buffer + value);
      buffer = rest;
      for (const m of messages) {
        if (m.id !== undefined) lastId = m.id;
        if (m.data === undefined) continue;
        try {
          onEvent(JSON.parse(m.data) as LiveEvent);
        } catch {
          // One event the page cannot read must not end the stream.
        }
      }
    }
  };

  const isStopped = () => stopped.signal.aborted;
  void (async () => {
    while (!isStopped()) {
      try {
        if ((await read()) === 'stop') break;
      } catch {
        if (isStopped()) break;
        failures += 1;
      }
      const wait = Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** failures);
      await pause(wait * (0.5 + Math.random() / 2));
    }
  })();

  return () => {
    window.removeEventListener('online', online);
    window.removeEventListener('offline', offline);
    stopped.abort();
  };
}
