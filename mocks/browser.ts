import { setupWorker } from 'msw/browser';
import { loadRenderer } from './cook';
import { enableLongThreads, localStoragePersistence, persistTo } from './db';
import { handlers } from './handlers';
import { setLatency } from './handlers/endpoint';

/** Starts the mock backend inside the page: dev server and demo builds only. */
export async function startMockBackend(): Promise<void> {
  persistTo(localStoragePersistence());
  if (scenarioRequested('long-threads')) {
    await loadRenderer();
    enableLongThreads();
  }
  // `?latency=400` slows every answer, to see the loading states as on a poor network.
  setLatency(Number(new URLSearchParams(window.location.search).get('latency')) || 0);
  const worker = setupWorker(...handlers);
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });
}

/** `?scenario=long-threads` switches the scenario on for this tab until it is closed. */
function scenarioRequested(name: string): boolean {
  const key = 'agora-scenario';
  const asked = new URLSearchParams(window.location.search).get('scenario');
  if (asked) sessionStorage.setItem(key, asked);
  return sessionStorage.getItem(key) === name;
}
