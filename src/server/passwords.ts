/**
 * Passwords are stored with scrypt at OWASP's parameters (N = 2^17, r = 8,
 * p = 1: 128 MiB and about a second per hash on the server), in a form that
 * names them: `scrypt$<logN>$<r>$<p>$<salt>$<hash>`, base64, 16-byte salt,
 * 32-byte key. Hashes of the earlier `pbkdf2-sha256$<iterations>$<salt>$<hash>`
 * form still verify, and are made again with scrypt at the next sign-in.
 *
 * The scrypt itself is given by where the code runs, as both compute the same
 * bytes: the Node server uses node:crypto's (src/server/node/scrypt.ts), which
 * runs off the event loop, in libuv's threads, and took 2.0 s here at server
 * cost against 2.6 s for @noble/hashes, which would also hold the event loop;
 * the in-page backend, which has no node:crypto, uses @noble/hashes
 * (src/server/memory.ts), at a lower cost since demo passwords are public.
 */
import type { PasswordHasher } from './rules/core';

export interface ScryptCost {
  /** N = 2^logN. */
  logN: number;
  r: number;
  p: number;
}

/** Derives `length` bytes; `maxmem` bounds the memory the parameters may take. */
export type Scrypt = (
  password: Uint8Array,
  salt: Uint8Array,
  cost: ScryptCost,
  length: number,
  maxmem: number,
) => Promise<Uint8Array>;

/** OWASP's Password Storage Cheat Sheet: N = 2^17, r = 8, p = 1. */
export const SERVER_SCRYPT: ScryptCost = { logN: 17, r: 8, p: 1 };

/** The demo accounts' and the in-page backend's: 1 MiB, a few milliseconds; their passwords are public. */
export const DEMO_SCRYPT: ScryptCost = { logN: 10, r: 8, p: 1 };

/** OWASP's figure for PBKDF2-HMAC-SHA256, kept for hashes stored before scrypt. */
export const SERVER_ITERATIONS = 600_000;

const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** No stored hash asks for more than 2^20 blocks of 1 KiB, so none can exhaust memory. */
const MAX_LOG_N = 20;
const MAX_R = 16;
const MAX_P = 4;

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unb64 = (text: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** scrypt takes 128 * N * r bytes; twice that leaves room for the implementation's own. */
const memoryFor = ({ logN, r }: ScryptCost) => 256 * 2 ** logN * r;

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}

const whole = (text: string | undefined, max: number): number | null => {
  const n = Number(text);
  return text !== undefined && /^\d+$/.test(text) && n >= 1 && n <= max ? n : null;
};

function parseScrypt(stored: string): { cost: ScryptCost; salt: string; hash: string } | null {
  const [scheme, logN, r, p, salt, hash, ...rest] = stored.split('$');
  const cost = { logN: whole(logN, MAX_LOG_N), r: whole(r, MAX_R), p: whole(p, MAX_P) };
  if (scheme !== 'scrypt' || !salt || !hash || rest.length > 0) return null;
  if (cost.logN === null || cost.r === null || cost.p === null) return null;
  return { cost: { logN: cost.logN, r: cost.r, p: cost.p }, salt, hash };
}

async function pbkdf2(
  password: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(password),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

async function verifyPbkdf2(stored: string, password: string): Promise<boolean> {
  const [scheme, rounds, salt, hash] = stored.split('$');
  const n = whole(rounds, 10_000_000);
  if (scheme !== 'pbkdf2-sha256' || !salt || !hash || n === null) return false;
  return equal(await pbkdf2(password, unb64(salt), n), unb64(hash));
}

export function scryptHasher(scrypt: Scrypt, cost: ScryptCost = SERVER_SCRYPT): PasswordHasher {
  // NFC: the same password typed on another keyboard or system gives the same bytes.
  const derive = (password: string, salt: Uint8Array, at: ScryptCost) =>
    scrypt(new TextEncoder().encode(password.normalize('NFC')), salt, at, KEY_BYTES, memoryFor(at));
  return {
    async hash(password) {
      const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
      const hash = await derive(password, salt, cost);
      return `scrypt$${cost.logN}$${cost.r}$${cost.p}$${b64(salt)}$${b64(hash)}`;
    },
    async verify(stored, password) {
      if (stored.startsWith('pbkdf2-sha256$')) return verifyPbkdf2(stored, password);
      const parsed = parseScrypt(stored);
      if (!parsed) return false;
      return equal(await derive(password, unb64(parsed.salt), parsed.cost), unb64(parsed.hash));
    },
    // Only the older form is made again: a scrypt hash keeps its cost (the demo
    // accounts' is low on purpose) until its password changes.
    needsRehash: (stored) => !stored.startsWith('scrypt$'),
  };
}

/** The form stored before scrypt; kept for tests and for whatever still makes it. */
export function pbkdf2Hasher(iterations = SERVER_ITERATIONS): PasswordHasher {
  return {
    async hash(password) {
      const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
      const hash = await pbkdf2(password, salt, iterations);
      return `pbkdf2-sha256$${iterations}$${b64(salt)}$${b64(hash)}`;
    },
    verify: verifyPbkdf2,
  };
}

/**
 * A hash that matches no password, verified against when the email is unknown,
 * so that sign-in takes as long for an unknown email as for a wrong password.
 */
export async function decoyHash(hasher: PasswordHasher): Promise<string> {
  return hasher.hash(crypto.getRandomValues(new Uint32Array(4)).join('-'));
}
