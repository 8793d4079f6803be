/**
 * The backend of the tests: the real app over SQLite in memory, reset to the
 * seeded snapshot after each test, reached through MSW's interception of fetch.
 */
import { setupServer } from 'msw/node';
import { createApp } from '../src/server/app';
import { createMemoryBackend } from '../src/server/memory';
import { pbkdf2Hasher } from '../src/server/passwords';
import { backendHandler } from './bridge';
import { answerWith } from './plain-http';

let clock: () => Date = () => new Date();
/** Lets tests move time, e.g. past a scheduled closing. */
export function setClock(now: () => Date): void {
  clock = now;
}

export const memory = await createMemoryBackend({
  // Tests sign in many times; the hash's cost is the server's business, tested on its own.
  passwords: pbkdf2Hasher(1_000),
  clock: () => clock(),
});

/** The app MSW hands the page's requests to; tests reach it directly as another person's browser would. */
export const app = createApp(memory.backend);

export const server = setupServer(backendHandler(answerWith(app)));
