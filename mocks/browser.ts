import { setupWorker } from 'msw/browser';
import { localStoragePersistence, persistTo } from './db';
import { handlers } from './handlers';
import { setLatency } from './handlers/endpoint';

/** Starts the mock backend inside the page: dev server and demo builds only. */
export async function startMockBackend(): Promise<void> {
  persistTo(localStoragePersistence());
  setLatency(60);
  const worker = setupWorker(...handlers);
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });
}
