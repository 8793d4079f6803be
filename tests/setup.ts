import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { loadRenderer } from '../src/server/backend';
import { memory, server, setClock } from '../mocks/node';

// How long findBy and waitFor keep looking before they give up: a bound, never a
// pause. What a person waits for can take a few seconds on a loaded 2-core machine.
configure({ asyncUtilTimeout: 5_000 });

beforeAll(async () => {
  await loadRenderer();
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(async () => {
  cleanup();
  server.resetHandlers();
  await memory.reset();
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
