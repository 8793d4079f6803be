import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { ownsDemoData } from '../mocks/persistence';
import { waitForBackend } from './api/http';
import { App } from './app/app';
import { PAGE_ANSWERS_ID } from './lib/page-answers';
import './app/styles.css';

// The mock backend exists only in dev and demo builds; production leaves it out
// entirely. It starts alongside the first render instead of before it.
if (import.meta.env.VITE_MOCK_API === 'true') {
  // The demo build's page answers are the seeded forum's: not this browser's, once it has its own.
  if (ownsDemoData()) document.getElementById(PAGE_ANSWERS_ID)?.remove();
  waitForBackend(import('../mocks/browser').then((m) => m.startMockBackend()));
}

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
// As a transition, the first render yields to the browser every few milliseconds instead
// of holding the main thread for the whole tree; the shell in index.html shows meanwhile.
startTransition(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
