import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AMINA, DISCUSSION, addComment, signInAs } from './support';
import { renderApp } from './render-app';

const UNAVAILABLE =
  /^This comment is not available: it may be waiting for moderation, or withdrawn/;

/** The seeded thread has loaded: its six comments, from the first. */
async function seededThreadShown() {
  expect(await screen.findByRole('article', { name: 'Take Back the Tech!' })).toBeInTheDocument();
  const comments = screen.getByRole('region', { name: 'Comments' });
  expect(within(comments).getAllByRole('article')).toHaveLength(6);
}

describe('a permalink to a comment the reader cannot see', () => {
  for (const [what, status] of [
    ['waiting for moderation', 'pending'],
    ['rejected', 'rejected'],
    ['withdrawn', 'withdrawn'],
  ] as const) {
    it(`shows the thread with a notice when the comment is ${what}`, async () => {
      const hidden = await addComment({ authorId: 'u-amina', body: 'Not for readers.', status });
      renderApp(`${DISCUSSION}/comments/${hidden.id}`);
      expect(await screen.findByText(UNAVAILABLE)).toBeInTheDocument();
      await seededThreadShown();
      expect(screen.queryByText('Not for readers.')).not.toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    });
  }

  it('says the same of a mistyped address, so no answer tells the two apart', async () => {
    renderApp(`${DISCUSSION}/comments/c-no-such-comment`);
    expect(await screen.findByText(UNAVAILABLE)).toBeInTheDocument();
    await seededThreadShown();
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });

  it('opens in place for its author, who can see it', async () => {
    const mine = await addComment({ authorId: 'u-amina', body: 'My own, waiting.' });
    await signInAs(AMINA);
    renderApp(`${DISCUSSION}/comments/${mine.id}`);
    expect(await screen.findByText('My own, waiting.')).toBeInTheDocument();
    expect(screen.queryByText(UNAVAILABLE)).not.toBeInTheDocument();
  });
});

describe('a permalink into a short thread', () => {
  it('shows all of the thread, with nothing earlier to ask for', async () => {
    renderApp(`${DISCUSSION}/comments/c-original-4`);
    await seededThreadShown();
    expect(screen.getByRole('article', { name: 'Keshet Bachan' })).toHaveClass('is-target');
    expect(screen.queryByRole('button', { name: 'Show earlier comments' })).not.toBeInTheDocument();
  });
});

describe('an unknown campaign', () => {
  it('is a not-found page, with a way home', async () => {
    renderApp(`${DISCUSSION}/campaigns/nosuchcampaign`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Campaign not found' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See all discussions' })).toHaveAttribute('href', '/');
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });
});
