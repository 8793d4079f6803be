/**
 * The demo's first visit, answered at build time: the demo build's index.html carries
 * the answers of the seeded backend to the first reads of its pages, as the Node server
 * puts a page's answers in the page it sends (node/page-reads.ts). A first visitor's
 * page then paints the original discussion as soon as its script runs, while the
 * in-page backend (SQLite in WebAssembly) is still downloading and starting. The page
 * drops them when this browser has a demo database of its own (src/main.tsx), whose
 * answers may differ. The build also ships the seeded database itself. Loaded by the
 * build alone (vite.config.ts), never by a page.
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

/**
 * What a demo build takes from the seeded backend: its database, which the demo's
 * backend starts from (mocks/backend-worker.ts) rather than migrating, seeding and
 * hashing in each visitor's browser, and the page with the answers it gives a visitor
 * with no session to the first pages' reads.
 */
export async function demoBuild(): Promise<{
  seed: Uint8Array;
  withAnswers: (html: string) => string;
}> {
  const memory = await createMemoryBackend();
  const seed = memory.engine().snapshot();
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
  return { seed, withAnswers: (html) => withReads(html, [], answers) };
}
