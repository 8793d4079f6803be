/**
 * scrypt for the Node server and its commands: node:crypto's, which runs in
 * libuv's thread pool, so a sign-in's second of hashing never holds the event
 * loop (see src/server/passwords.ts for the format and the choice).
 */
import { scrypt } from 'node:crypto';
import { type Scrypt, type ScryptCost, SERVER_SCRYPT, scryptHasher } from '../passwords';

export const nodeScrypt: Scrypt = (password, salt, { logN, r, p }, length, maxmem) =>
  new Promise((resolve, reject) => {
    scrypt(password, salt, length, { N: 2 ** logN, r, p, maxmem }, (error, key) => {
      if (error) reject(error);
      else resolve(new Uint8Array(key.buffer, key.byteOffset, key.byteLength));
    });
  });

/** The server's password hasher: scrypt at OWASP's cost unless told otherwise. */
export const serverPasswords = (cost: ScryptCost = SERVER_SCRYPT) => scryptHasher(nodeScrypt, cost);
