import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { loadRenderer } from '../mocks/cook';
import { resetStore } from '../mocks/db';
import { setClock } from '../mocks/handlers/endpoint';
import { server } from '../mocks/node';

beforeAll(async () => {
  await loadRenderer();
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
  resetStore();
  setClock(() => new Date());
  localStorage.clear();
  document.cookie.split(';').forEach((c) => {
    const name = c.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; Max-Age=0; Path=/`;
  });
});
afterAll(() => server.close());

// jsdom has no layout: give the permalink scroll something to call.
Element.prototype.scrollIntoView = function scrollIntoView() {};
