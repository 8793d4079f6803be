import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { QUEUE_PAGE_DEFAULT } from '../src/api/contract';
import { server } from '../mocks/node';
import { renderApp } from './render-app';
import type { QueueResponse } from '../src/api/contract';
import {
  MODERATOR,
  addComment,
  addFlags,
  addParticipant,
  addResource,
  api,
  signInAs,
} from './support';

const WAITING = QUEUE_PAGE_DEFAULT + 12;

async function fillQueue() {
  const author = (await addParticipant('Inès Moreau')).id;
  for (let i = 1; i <= WAITING; i++) {
    await addComment({ authorId: author, body: `Waiting comment number ${i}` });
  }
}

const queueItems = () =>
  screen.getAllByRole('listitem').filter((li) => li.className === 'queue-item');

describe('a long moderation queue', () => {
  it('comes a page at a time, counts everything waiting, and shows the rest on request', async () => {
    await fillQueue();
    await signInAs(MODERATOR);
    const { user } = renderApp('/moderation');

    expect(await screen.findByText(`${WAITING} items waiting`)).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: `Moderation, ${WAITING} items wait` }),
    ).toBeInTheDocument();
    expect(queueItems()).toHaveLength(QUEUE_PAGE_DEFAULT);
    expect(screen.queryByText(`Waiting comment number ${WAITING}`)).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Show more waiting entries' }));
    expect(await screen.findByText(`Waiting comment number ${WAITING}`)).toBeInTheDocument();
    expect(queueItems()).toHaveLength(WAITING);
    expect(screen.queryByRole('button', { name: 'Show more waiting entries' })).toBeNull();
    // Oldest first, across the pages, each entry once.
    const numbers = queueItems().map((li) => Number(/number (\d+)/.exec(li.textContent)?.[1]));
    expect(numbers).toEqual(Array.from({ length: WAITING }, (_, i) => i + 1));
  });

  it('keeps the loaded page when the next one fails, and says so', async () => {
    await fillQueue();
    await signInAs(MODERATOR);
    const { user } = renderApp('/moderation');
    expect(await screen.findByText(`${WAITING} items waiting`)).toBeInTheDocument();

    server.use(
      http.get('*/api/moderation/queue', ({ request }) =>
        new URL(request.url).searchParams.has('cursor')
          ? HttpResponse.json(
              { error: { code: 'internal', message: 'Something went wrong on our side.' } },
              { status: 500 },
            )
          : undefined,
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Show more waiting entries' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'More entries could not be loaded. Try again.',
    );
    expect(queueItems()).toHaveLength(QUEUE_PAGE_DEFAULT);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Show more waiting entries' })).toBeEnabled(),
    );
    expect(within(queueItems()[0] as HTMLElement).getByText(/number 1\b/)).toBeInTheDocument();
  });

  it('gives every waiting entry once, in order, across pages cut between entries of one moment', async () => {
    const author = (await addParticipant('Inès Moreau')).id;
    const at = '2026-02-01T10:00:00.000Z';
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      made.push(
        (await addComment({ authorId: author, body: `Same moment ${i}`, createdAt: at })).id,
      );
      made.push(
        (await addResource({ authorId: author, title: `Same moment ${i}`, createdAt: at })).id,
      );
    }
    await addFlags('comment', 'c-original-6', [{ reason: 'spam' }]);
    await signInAs(MODERATOR);

    const seen: string[] = [];
    let cursor: string | null = null;
    let total = 0;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const { status, body } = await api(`/moderation/queue?limit=2${query}`);
      expect(status).toBe(200);
      const page = body as QueueResponse;
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => (item.comment ?? item.resource)?.id ?? ''));
      total = page.total;
      cursor = page.nextCursor;
    } while (cursor !== null);

    expect(total).toBe(made.length + 1);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    // The new entries of one moment, comments before resources, each by id; the flagged one last.
    const byKind = (prefix: string) => made.filter((id) => id.startsWith(prefix)).sort();
    expect(seen).toEqual([...byKind('c'), ...byKind('r'), 'c-original-6']);
  });
});
