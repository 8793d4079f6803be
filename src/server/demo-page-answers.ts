/**
 * The demo's first visit, answered at build time: the demo build's index.html carries
 * the answers of the seeded backend to the first reads of its pages, as the Node server
 * puts a page's answers in the page it sends (node/page-reads.ts). A first visitor's
 * page then paints the original discussion as soon as its script runs, while the
 * in-page backend (SQLite in WebAssembly) is still downloading and starting. The page
 * drops them when this browser has a demo database of its own (src/main.tsx), whose
 * answers may differ. The build also takes the seeded database itself from here. Loaded
 * by the build alone (vite.config.ts), never by a page.
 */
import { createApp } from './app';
import { createMemoryBackend } from './memory';
import { type PageAnswers, pageReads, withReads } from './node/page-reads';
import { SEED_SLUG } from './store/seed-data';

/** The pages a first visitor opens: home, and the seeded discussion's three pages. */
const FIRST_PAGES = [
  '/',
  `/discussions/${SEED_SLUG}`,
  `/discussions/${SEED_SLUG}/resources`,
  `/discussions/${SEED_SLUG}/digest`,
];

/** What the seeded backend answers a visitor with no session, by address. */
export async function demoPageAnswers(): Promise<PageAnswers> {
  const memory = await createMemoryBackend();
  const app = createApp(memory.backend);
  const reads = [...new Set(FIRST_PAGES.flatMap((page) => pageReads(page)))];
  const answers: PageAnswers = {};
  for (const read of reads) {
    const response = await app.fetch(
      new Request(new URL(read, 'http://localhost'), {
        headers: { Accept: 'application/json', 'Sec-Fetch-Site': 'same-origin' },
      }),
    );
    if (response.status !== 200)
      throw new Error(`The seeded backend answered ${read} with ${response.status}.`);
    answers[read] = await response.json();
  }
  await memory.engine().close();
  return answers;
}

/**
 * The seeded database the demo's backend starts from (mocks/backend-worker.ts), made by
 * the same code and with the same password hashing as the backend would make it: a
 * visitor's browser then neither migrates, seeds nor hashes before its first answer.
 */
export async function demoSeed(): Promise<Uint8Array> {
  const memory = await createMemoryBackend();
  const bytes = memory.engine().snapshot();
  await memory.engine().close();
  return bytes;
}

/** The demo's index.html with those answers in it. */
export async function withDemoPageAnswers(html: string): Promise<string> {
  return withReads(html, [], await demoPageAnswers());
}
