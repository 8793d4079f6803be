import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderMarkdown } from '../src/lib/markdown';
import { addLongThreads, syntheticSlug } from '../src/server/store/scenarios';
import { AMINA, signInAs, testDb } from './support';
import { renderApp } from './render-app';

const LONG = `/discussions/${syntheticSlug(1_000)}`;

describe('a long thread', () => {
  // Only the thread these tests read: inserting the 10,000 as well would slow each test.
  beforeEach(() => addLongThreads(testDb(), renderMarkdown, [1_000]));

  it('loads by pages and keeps only the comments near the viewport in the page', async () => {
    const { user } = renderApp(LONG);
    expect(
      await screen.findByRole('heading', { level: 3, name: 'Participant 1' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/^1,000 comments/)).toBeInTheDocument();
    expect(screen.getAllByRole('article')).toHaveLength(50);

    // jsdom lays nothing out: give each comment the height it would have on a screen.
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (
      this: HTMLElement,
    ) {
      return this.dataset.index === undefined ? 0 : 200;
    });
    await user.click(screen.getByRole('button', { name: 'Show more comments' }));
    // A hundred comments are loaded; the page holds the first screenfuls of them only.
    await waitFor(() => expect(screen.getAllByRole('article').length).toBeLessThan(30));
    expect(screen.getByText('Comment 1.')).toBeInTheDocument();
    expect(screen.queryByText('Comment 100.')).not.toBeInTheDocument();
  });

  it('opens a permalink deep in the thread, with the earlier comments one click away', async () => {
    const { user } = renderApp(`${LONG}/comments/s1000-501`);
    const target = await screen.findByRole('article', { name: 'Participant 16' });
    expect(target).toHaveTextContent('Comment 501.');
    expect(screen.queryByText('Comment 500.')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Show earlier comments' }));
    expect(await screen.findByText('Comment 500.')).toBeInTheDocument();
    expect(screen.getByText('Comment 451.')).toBeInTheDocument();
    expect(screen.queryByText('Comment 450.')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Show earlier comments' })).toBeInTheDocument();
  });

  it('offers a way past the loaded comments to the comment form', async () => {
    renderApp(LONG);
    const skip = await screen.findByRole('link', { name: 'Skip to the comment form' });
    expect(skip).toHaveAttribute('href', '#comment-composer-body');
  });

  it('takes the author to a new comment that lands beyond the loaded pages', async () => {
    await signInAs(AMINA);
    const { user } = renderApp(LONG);
    const composer = await screen.findByRole('textbox', { name: 'Your comment' });
    await user.type(composer, 'At the very end.');
    await user.click(screen.getByRole('button', { name: 'Post comment' }));

    // Told first, once the thread has taken it; then taken to it.
    expect(await screen.findByText('Your comment was sent to the moderators')).toBeInTheDocument();
    const mine = await screen.findByRole('article', { name: 'Amina Diallo' });
    expect(within(mine).getByText('At the very end.')).toBeInTheDocument();
    expect(within(mine).getByText(/Awaiting moderation/)).toBeInTheDocument();
    expect(mine).toHaveClass('is-target');
  });
});
