// A forum of 100,000 comments for the server's measurements, in a fresh DATA_DIR: the
// server's own first start (migrations, the original discussion, the demo accounts),
// then the synthetic long threads of the demo's `?scenario=long-threads` (100 and
// 10,000 comments) and one more of 89,900. Everything goes in through the server's own
// store functions (src/server/store/scenarios.ts, rendered by its Markdown renderer),
// which Vite compiles on the fly: the rows are those the app itself would write.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'vite';

/** Thread sizes: the two the budgets compare, then the rest of the 100,000. */
export const THREADS = { small: 100, large: 10_000, rest: 89_900 };
export const threadSlug = (size) => `synthetic-${size}`;
/** Comment ids as scenarios.ts makes them: s<size>-<n>, n from 1 in thread order of creation. */
export const commentId = (size, n) => `s${size}-${n}`;

export async function makeForum(root, dataDir, { log = console.log } = {}) {
  const started = Date.now();
  mkdirSync(dataDir, { recursive: true });
  const vite = await createServer({
    root,
    configFile: false,
    logLevel: 'warn',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const load = (path) => vite.ssrLoadModule(path);
    const { openDatabase, seedForum } = await load('/src/server/node/database.ts');
    const { addLongThreads } = await load('/src/server/store/scenarios.ts');
    const { loadRenderer } = await load('/src/server/backend.ts');
    const engine = await openDatabase(join(dataDir, 'agora.sqlite'));
    try {
      await seedForum(engine, { demo: true });
      await addLongThreads(engine.db, await loadRenderer(), Object.values(THREADS));
      const { n } = await engine.db
        .selectFrom('comments')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      log(
        `  forum of ${Number(n).toLocaleString('en')} comments made in ${((Date.now() - started) / 1000).toFixed(0)} s`,
      );
      return { comments: Number(n) };
    } finally {
      await engine.close();
    }
  } finally {
    await vite.close();
  }
}
