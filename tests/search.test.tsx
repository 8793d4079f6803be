import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../mocks/node';
import { renderMarkdown } from '../src/lib/markdown';
import { addLongThreads, syntheticSlug } from '../src/server/store/scenarios';
import { DISCUSSION, testDb } from './support';
import { renderApp } from './render-app';

const results = (name: RegExp | string) => screen.findByRole('list', { name });

describe('searching a discussion', () => {
  it('finds a comment of the 2015 discussion and opens it in the thread', async () => {
    const { user } = renderApp(DISCUSSION);
    const field = await screen.findByRole('searchbox', { name: 'Search this discussion' });
    await user.type(field, 'ghana social');
    await user.click(screen.getByRole('button', { name: 'Search' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Search this discussion' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('1 comment matches “ghana social”')).toBeInTheDocument();
    const list = await results('Comments that match “ghana social”');
    const [hit] = within(list).getAllByRole('listitem');
    expect(hit).toBeDefined();
    const link = within(hit as HTMLElement).getByRole('link', {
      name: /what is needed in Ghana are large active movements/,
    });
    expect(link).toHaveAccessibleDescription('Nana Darkoa');
    const marked = (hit as HTMLElement).querySelectorAll('mark');
    expect(Array.from(marked, (m) => m.textContent)).toEqual(['Ghana', 'social', 'social']);
    expect(screen.getByRole('searchbox', { name: 'Search this discussion' })).toHaveValue(
      'ghana social',
    );

    await user.click(link);
    const target = await screen.findByRole('article', { name: 'Nana Darkoa' });
    expect(target).toHaveClass('is-target');
    expect(screen.getByRole('region', { name: 'Comments' })).toContainElement(target);
  });

  it('says so when no comment matches, and asks for words when there are none', async () => {
    const { user } = renderApp(`${DISCUSSION}/search?q=${encodeURIComponent('zebra crossings')}`);
    expect(await screen.findByText('No comment matches “zebra crossings”.')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: /match/ })).not.toBeInTheDocument();

    const field = screen.getByRole('searchbox', { name: 'Search this discussion' });
    await user.clear(field);
    await user.type(field, '   ');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(field).toHaveAccessibleDescription('Type the words to search for.');
    expect(field).toBeInvalid();
  });

  it('offers to try again when the search fails', async () => {
    server.use(
      http.get('/api/discussions/:slug/search', () =>
        HttpResponse.json(
          { error: { code: 'internal', message: 'The index is being rebuilt.' } },
          { status: 500 },
        ),
      ),
    );
    const { user } = renderApp(`${DISCUSSION}/search?q=hashtag`);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The search could not be done');
    expect(alert).toHaveTextContent('The index is being rebuilt.');
    server.resetHandlers();
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('2 comments match “hashtag”')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('searching a long thread', () => {
  it('opens a comment that was not in the page, and pages through many results', async () => {
    await addLongThreads(testDb(), renderMarkdown, [1_000]);
    const thread = `/discussions/${syntheticSlug(1_000)}`;
    const { user } = renderApp(thread);
    expect(await screen.findByText('Comment 1.')).toBeInTheDocument();
    expect(screen.queryByText(/^Comment 777\./)).not.toBeInTheDocument();

    const field = screen.getByRole('searchbox', { name: 'Search this discussion' });
    await user.type(field, 'comment{Enter}');
    expect(await screen.findByText('1,000 comments match “comment”')).toBeInTheDocument();
    const list = await results('Comments that match “comment”');
    expect(within(list).getAllByRole('listitem')).toHaveLength(20);
    await user.click(screen.getByRole('button', { name: 'Show more results' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(40));
    // Newest first: the 21st result is comment 980, and focus goes to it.
    expect(within(list).getAllByRole('link')[20]).toHaveFocus();
    expect(document.activeElement).toHaveAccessibleName(/^Comment 980\./);

    const search = screen.getByRole('searchbox', { name: 'Search this discussion' });
    await user.clear(search);
    await user.type(search, '777{Enter}');
    const only = await results('Comments that match “777”');
    await user.click(within(only).getByRole('link', { name: /^Comment 777\./ }));
    const target = await screen.findByRole('article', { name: 'Participant 1' });
    expect(target).toHaveClass('is-target');
    expect(target).toHaveTextContent('Comment 777.');
  });
});
