/**
 * The built client's text files, compressed once and kept: a browser that
 * accepts Brotli or gzip gets the small copy (the app's JavaScript is about a
 * third of its size gzipped), with no compression work per request. Files are
 * read and compressed the first time they are asked for, so starting stays fast.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { getMimeType } from 'hono/utils/mime';

const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|webmanifest)$/;
/** Smaller files gain less than the encoding costs the browser. */
const MIN_BYTES = 1024;

interface Copies {
  type: string;
  br: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer>;
}

export type Encoding = 'br' | 'gzip';

/**
 * `raw` in `encoding`: at the smallest size for a file compressed once and kept, or at
 * a middle level, well under a millisecond for a few kilobytes, for a body made per request.
 */
export function compress(
  raw: Uint8Array,
  encoding: Encoding,
  once: boolean,
): Uint8Array<ArrayBuffer> {
  const compressed =
    encoding === 'br'
      ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: once ? 9 : 5 } })
      : gzipSync(raw, { level: once ? 9 : 6 });
  return new Uint8Array(compressed);
}

/** The encoding to send, from the request's Accept-Encoding; null for the file as it is. */
export function chooseEncoding(accept: string | undefined): Encoding | null {
  const offered = new Map<string, number>();
  for (const part of (accept ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    offered.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const weight = (name: string) => offered.get(name) ?? offered.get('*') ?? 0;
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return null;
}

/**
 * Answers a GET for a compressible file of `root` with its compressed copy when
 * the browser takes one. Anything else goes on to the next handler, which serves
 * the file as it is.
 */
export function compressedFiles(root: string): MiddlewareHandler {
  const base = resolve(root);
  const kept = new Map<string, Copies | null>();
  const copiesOf = (relative: string): Copies | null => {
    const cached = kept.get(relative);
    if (cached !== undefined) return cached;
    const path = resolve(base, `.${relative.startsWith('/') ? '' : '/'}${relative}`);
    let copies: Copies | null = null;
    if (path.startsWith(base + sep) && COMPRESSIBLE.test(path)) {
      try {
        if (statSync(path).isFile()) {
          const raw = readFileSync(path);
          copies =
            raw.length < MIN_BYTES
              ? null
              : {
                  type: getMimeType(path) ?? 'application/octet-stream',
                  br: compress(raw, 'br', true),
                  gzip: compress(raw, 'gzip', true),
                };
        }
      } catch {
        copies = null;
      }
    }
    kept.set(relative, copies);
    return copies;
  };

  return async (c, next) => {
    const encoding = chooseEncoding(c.req.header('Accept-Encoding'));
    let copies: Copies | null = null;
    try {
      copies = encoding ? copiesOf(decodeURIComponent(c.req.path)) : null;
    } catch {
      // A malformed address: the plain handler answers it as it does any other.
    }
    if (!encoding || !copies) return next();
    const body = copies[encoding];
    c.header('Content-Type', copies.type);
    c.header('Content-Encoding', encoding);
    c.header('Vary', 'Accept-Encoding');
    c.header('Content-Length', String(body.length));
    return c.body(body, 200);
  };
}
