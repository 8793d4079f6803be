import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { expect, it } from 'vitest';
import type { DiscussionListResponse } from '../src/api/contract';
import { request } from '../src/api/http';
import { server } from '../mocks/node';
import { renderApp } from './render-app';

/** A page as the server sends it: the answers to its first reads inside (src/server/node/page-reads.ts). */
function answersInThePage(answers: Record<string, unknown>) {
  const block = document.createElement('script');
  block.type = 'application/json';
  block.id = 'agora-page-answers';
  block.textContent = JSON.stringify(answers);
  document.head.append(block);
}

it('shows a page from the answers it came with, and asks the server for any read after', async () => {
  const list = await request<DiscussionListResponse>('/discussions');
  const [first, ...rest] = list.discussions;
  if (!first) throw new Error('The seed has a discussion.');
  answersInThePage({
    '/api/discussions': { discussions: [{ ...first, title: 'As the page had it' }, ...rest] },
  });
  server.use(
    http.get('/api/discussions', () =>
      HttpResponse.json(
        { error: { code: 'internal', message: 'The database is asleep.' } },
        { status: 500 },
      ),
    ),
  );
  renderApp('/');
  expect(await screen.findByRole('link', { name: 'As the page had it' })).toBeInTheDocument();
  expect(document.getElementById('agora-page-answers')).toBeNull();
  // Each answer serves once: the next read asks the server.
  await expect(request('/discussions')).rejects.toThrow('The database is asleep.');
});
