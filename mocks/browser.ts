/**
 * The in-page backend of `npm run dev` and the demo build: the same app as the
 * server, over SQLite in WebAssembly. The database is saved in localStorage
 * after each write; every request runs under a Web Lock and first takes the
 * saved copy if another tab wrote meanwhile, so two tabs are one forum.
 */
import { setupWorker } from 'msw/browser';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { createApp } from '../src/server/app';
import { loadRenderer } from '../src/server/backend';
import { createMemoryBackend } from '../src/server/memory';
import { addLongThreads } from '../src/server/store/scenarios';
import { backendHandler, catchCookies, type FetchApp } from './bridge';
import { SCENARIO_KEY, loadSaved, saveDatabase, savedVersion } from './persistence';

/** Starts the mock backend inside the page: dev server and demo builds only. */
export async function startMockBackend(): Promise<void> {
  const writes = { count: 0 };
  const memory = await createMemoryBackend({
    wasmUrl,
    onWrite: () => {
      writes.count += 1;
    },
  });
  // `?scenario=long-threads` adds synthetic threads of 100 to 10,000 comments to
  // this tab alone, for measuring the reader: such a tab neither reads nor saves.
  const scenario = scenarioRequested('long-threads');
  if (scenario) await addLongThreads(memory.backend.db(), await loadRenderer());
  let loaded = -1;
  const sync = async () => {
    if (scenario) return;
    const version = savedVersion();
    if (version === loaded) return;
    const saved = loadSaved();
    if (saved) await memory.load(saved);
    loaded = version;
  };

  // `?latency=400` slows every answer, to see the loading states as on a poor network.
  memory.backend.latencyMs =
    Number(new URLSearchParams(window.location.search).get('latency')) || 0;
  const app = catchCookies(createApp(memory.backend));
  const shared: FetchApp = {
    fetch: async (request) =>
      navigator.locks.request('agora-demo-database', async () => {
        await sync();
        const before = writes.count;
        const response = await app.fetch(request);
        if (!scenario && writes.count !== before) loaded = saveDatabase(memory.engine().snapshot());
        return response;
      }),
  };

  const worker = setupWorker(backendHandler(shared));
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });
}

/** `?scenario=long-threads` switches the scenario on for this tab until it is closed. */
function scenarioRequested(name: string): boolean {
  const asked = new URLSearchParams(window.location.search).get('scenario');
  if (asked) sessionStorage.setItem(SCENARIO_KEY, asked);
  return sessionStorage.getItem(SCENARIO_KEY) === name;
}
