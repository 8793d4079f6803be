import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import './app/styles.css';

async function start() {
  // The mock backend exists only in dev and demo builds; production leaves it out entirely.
  if (import.meta.env.VITE_MOCK_API === 'true') {
    const { startMockBackend } = await import('../mocks/browser');
    await startMockBackend();
  }
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element.');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
