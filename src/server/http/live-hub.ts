/**
 * The fan-out of live events to this server's open streams. A write that raised
 * events wakes the hub (on this server directly; on the others through
 * PostgreSQL's NOTIFY, which already tells them of every write); the hub then
 * reads what is new once, for all streams, and hands each stream the events
 * after its own place. Events commit in id order (see Peers.order), so reading
 * "after the last id seen" misses none.
 */
import type { Kysely } from 'kysely';
import { findEventsAfter } from '../store/events';
import type { DB, EventRow } from '../store/schema';

export interface Subscriber {
  /** The last event id this stream has been handed (or skipped). */
  after: number;
  deliver(rows: EventRow[]): void;
}

const BATCH = 500;

export class LiveHub {
  private subscribers = new Set<Subscriber>();
  private running: Promise<void> | null = null;
  private again = false;
  private closers = new Set<() => void>();

  constructor(
    private readonly db: () => Kysely<DB>,
    private readonly onError: (error: unknown) => void,
  ) {}

  get size(): number {
    return this.subscribers.size;
  }

  subscribe(subscriber: Subscriber, close: () => void): () => void {
    this.subscribers.add(subscriber);
    this.closers.add(close);
    this.wake();
    return () => {
      this.subscribers.delete(subscriber);
      this.closers.delete(close);
    };
  }

  /** Something may have been written: read it (once, however many ask meanwhile). */
  wake(): void {
    if (this.subscribers.size === 0) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.read()
      .catch((error: unknown) => this.onError(error))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Resolves once what was written before the call has been handed on. */
  async flushed(): Promise<void> {
    while (this.running) await this.running;
  }

  private async read(): Promise<void> {
    for (;;) {
      if (this.subscribers.size === 0) return;
      let from = Infinity;
      for (const s of this.subscribers) from = Math.min(from, s.after);
      const rows = await findEventsAfter(this.db(), from, BATCH);
      for (const s of this.subscribers) {
        const fresh = rows.filter((r) => r.id > s.after);
        if (fresh.length === 0) continue;
        s.after = fresh[fresh.length - 1]?.id ?? s.after;
        s.deliver(fresh);
      }
      if (rows.length < BATCH) return;
    }
  }

  /** Ends every stream: the server is stopping. */
  close(): void {
    for (const close of [...this.closers]) close();
    this.subscribers.clear();
    this.closers.clear();
  }
}
