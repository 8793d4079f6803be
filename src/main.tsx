import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { ownsDemoData } from '../mocks/persistence';
import { waitForBackend } from './api/http';
import { App } from './app/app';
import { createQueryClient } from './app/query-client';
import { createAppRouter, firstNavigationDone } from './app/router';
import { PAGE_ANSWERS_ID } from './lib/page-answers';
import './app/styles.css';

const mockBackend = import.meta.env.VITE_MOCK_API === 'true';

// The demo build's page answers are the seeded forum's: not this browser's, once it has
// its own. They go before the router is made, whose loaders start the first reads.
if (mockBackend && ownsDemoData()) document.getElementById(PAGE_ANSWERS_ID)?.remove();

// The mock backend exists only in dev and demo builds; production leaves it out
// entirely. It starts alongside the first render instead of before it; on a first visit
// to the demo, whose page holds the answers to its first reads, once the first page has
// its code and the page has rendered it, so that the backend's download and start do not
// hold back the page's own. Requests wait for it from the first: it is set before the
// router is made, whose loaders send the first ones.
let routed: () => void = () => undefined;
if (mockBackend) {
  const answered = document.getElementById(PAGE_ANSWERS_ID) !== null;
  const firstPage = new Promise<void>((resolve) => {
    routed = resolve;
  });
  const start = () => import('../mocks/browser').then((m) => m.startMockBackend());
  waitForBackend(answered ? firstPage.then(whenIdle).then(start) : start());
}

// The client and router are made once, before the first render: a transition's render
// may be thrown away and begun again, and must not make them again.
const queryClient = createQueryClient();
const appRouter = createAppRouter(queryClient);
void firstNavigationDone(appRouter).then(routed);

/** Once the page has loaded and the main thread has nothing left to do. */
function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    // Safari has no requestIdleCallback: after the load event's other handlers, then.
    const idle = () =>
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(() => resolve(), { timeout: 2_000 })
        : setTimeout(resolve, 0);
    if (document.readyState === 'complete') idle();
    else window.addEventListener('load', idle, { once: true });
  });
}

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
// As a transition, the first render yields to the browser every few milliseconds instead
// of holding the main thread for the whole tree; the shell in index.html shows meanwhile.
startTransition(() => {
  createRoot(root).render(
    <StrictMode>
      <App queryClient={queryClient} appRouter={appRouter} />
    </StrictMode>,
  );
});
