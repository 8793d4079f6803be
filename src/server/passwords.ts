/**
 * Password hashing with PBKDF2-HMAC-SHA256 through Web Crypto, which Node and
 * browsers both have, so the server and the in-page demo store the same kind of
 * hash. The stored form names its parameters: `pbkdf2-sha256$<iterations>$<salt>$<hash>`.
 */
import type { PasswordHasher } from './rules/core';

/** OWASP's figure for PBKDF2-HMAC-SHA256. */
export const SERVER_ITERATIONS = 600_000;

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unb64 = (text: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(
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

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}

export function pbkdf2Hasher(iterations = SERVER_ITERATIONS): PasswordHasher {
  return {
    async hash(password) {
      const salt = crypto.getRandomValues(new Uint8Array(16));
      const hash = await derive(password, salt, iterations);
      return `pbkdf2-sha256$${iterations}$${b64(salt)}$${b64(hash)}`;
    },
    async verify(stored, password) {
      const [scheme, rounds, salt, hash] = stored.split('$');
      const n = Number(rounds);
      if (scheme !== 'pbkdf2-sha256' || !salt || !hash || !Number.isInteger(n) || n < 1) {
        return false;
      }
      return equal(await derive(password, unb64(salt), n), unb64(hash));
    },
  };
}

/**
 * A hash that matches no password, verified against when the email is unknown,
 * so that sign-in takes as long for an unknown email as for a wrong password.
 */
export async function decoyHash(hasher: PasswordHasher): Promise<string> {
  return hasher.hash(crypto.getRandomValues(new Uint32Array(4)).join('-'));
}
