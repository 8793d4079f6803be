/**
 * Answers to reads, kept as the exact bytes sent, until the next write. A read
 * that finds its answer here costs no query and no serialisation; one that
 * brings the answer's ETag back gets a 304. Any successful write, on this
 * instance or reported by another, moves `version` and so drops every entry:
 * nothing stale is ever served. Entries are per session token (answers carry
 * what this viewer may do) and bounded in number and bytes, oldest out first.
 */
export interface CachedAnswer {
  /** UTF-8, as sent: no answer is encoded twice, and a byte is a byte of the budget. */
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  status: number;
}

export interface PageCacheOptions {
  maxEntries?: number;
  maxBytes?: number;
}

export class PageCache {
  private entries = new Map<string, CachedAnswer>();
  private bytes = 0;
  private versionSeen = 0;
  /** Bumped by every write; answers cached under an older version are gone. */
  version = 0;
  /** Scheduled closings change what reads answer without a write: no answer outlives one. */
  private validUntil = Infinity;
  private readonly maxEntries: number;
  private readonly maxBytes: number;

  constructor({ maxEntries = 2_000, maxBytes = 32 * 1024 * 1024 }: PageCacheOptions = {}) {
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
  }

  /** How many answers are kept now. */
  get size(): number {
    return this.entries.size;
  }

  invalidate(): void {
    this.version += 1;
  }

  private sweep(now: number): void {
    if (this.versionSeen === this.version && now < this.validUntil) return;
    this.entries.clear();
    this.bytes = 0;
    this.versionSeen = this.version;
    this.validUntil = Infinity;
  }

  get(key: string, now: number): CachedAnswer | undefined {
    this.sweep(now);
    return this.entries.get(key);
  }

  /** `version` is the one read before the answer was made: a write meanwhile keeps it out. */
  set(key: string, answer: CachedAnswer, version: number, now: number, until: number): void {
    this.sweep(now);
    if (version !== this.version) return;
    const size = answer.body.byteLength;
    if (size > this.maxBytes / 4) return;
    this.validUntil = Math.min(this.validUntil, until);
    const old = this.entries.get(key);
    if (old) this.bytes -= old.body.byteLength;
    this.entries.delete(key);
    this.entries.set(key, answer);
    this.bytes += size;
    for (const [k, v] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.body.byteLength;
    }
  }
}

/** A strong validator from the answer's bytes (FNV-1a, 64 bits as two 32-bit halves). */
export function etagOf(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x811c9dc5) ^ (h1 >>> 13);
  }
  return `"${(h1 >>> 0).toString(36)}${(h2 >>> 0).toString(36)}-${text.length.toString(36)}"`;
}

/** Whether an If-None-Match header names this ETag. */
export function matches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === etag || tag === '*';
  });
}
