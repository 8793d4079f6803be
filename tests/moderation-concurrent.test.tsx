import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../mocks/node';
import { renderApp } from './render-app';
import {
  DISCUSSION,
  MODERATOR,
  SEED_SLUG,
  addComment,
  addParticipant,
  credentials,
  otherBrowser,
  signInAs,
} from './support';

const AWAITING = 'Awaiting moderation';

/** A promise that the test settles, to hold a request until it says so. */
function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open: () => open(), opened };
}

describe('decisions taken one after another', () => {
  it('keeps both on screen while the backend is slow: the first one settling does not undo the second', async () => {
    const ines = (await addParticipant('Inès Moreau')).id;
    const tomas = (await addParticipant('Tomás Ruiz')).id;
    await addComment({ authorId: ines, body: 'A first waiting comment' });
    await addComment({ authorId: tomas, body: 'A second waiting comment' });
    // Each decision waits at the door until the test opens it, then goes to the backend.
    const gates = [gate(), gate()];
    let decisions = 0;
    server.use(
      http.post('*/api/moderation/decisions', async () => {
        await gates[decisions++]?.opened;
        return undefined;
      }),
    );
    await signInAs(MODERATOR);
    const { user, queryClient } = renderApp(DISCUSSION);
    const first = await screen.findByRole('article', { name: 'Inès Moreau' });
    const second = await screen.findByRole('article', { name: 'Tomás Ruiz' });

    // The thread loads the moderators' controls after the comments: wait for them as a person would.
    await user.click(await within(first).findByRole('button', { name: 'Approve' }));
    await user.click(within(second).getByRole('button', { name: 'Approve' }));
    // Both shown as published before the backend answers either.
    await waitFor(() => {
      expect(first).not.toHaveTextContent(AWAITING);
      expect(second).not.toHaveTextContent(AWAITING);
    });

    // The first one's answer comes while the second is still on its way.
    gates[0]?.open();
    expect(await screen.findByText('Approved the comment by Inès Moreau.')).toBeInTheDocument();
    // Whatever its settling fetched has landed: the second decision still shows.
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    expect(second).not.toHaveTextContent(AWAITING);

    gates[1]?.open();
    expect(await screen.findByText('Approved the comment by Tomás Ruiz.')).toBeInTheDocument();
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    expect(first).not.toHaveTextContent(AWAITING);
    expect(second).not.toHaveTextContent(AWAITING);
    expect(within(second).queryByRole('button', { name: 'Approve' })).toBeNull();
  });
});

describe('a decision whose entry leaves the queue before it settles', () => {
  it('is still announced when the queue, refreshed meanwhile, no longer lists it', async () => {
    const ines = (await addParticipant('Inès Moreau')).id;
    await addComment({ authorId: ines, body: 'A waiting comment' });
    const decision = gate();
    const counts = gate();
    let listReads = 0;
    let holdList = false;
    server.use(
      http.post('*/api/moderation/decisions', async () => {
        await decision.opened;
        return undefined;
      }),
      // The discussions' counts, which the decision's settling asks for once the queue has.
      http.get('*/api/discussions', async () => {
        listReads += 1;
        if (holdList) await counts.opened;
        return undefined;
      }),
    );
    await signInAs(MODERATOR);
    const { user } = renderApp('/moderation');
    const article = await screen.findByRole('article', { name: 'Inès Moreau' });
    await waitFor(() => expect(listReads).toBeGreaterThan(0));
    const before = listReads;

    await user.click(within(article).getByRole('button', { name: 'Approve' }));
    // Someone posts elsewhere while the decision is on its way: the queue will be asked
    // for again once it settles, and will no longer list the approved comment.
    const tomas = await otherBrowser(credentials(await addParticipant('Tomás Ruiz')));
    const posted = await tomas.call(`/discussions/${SEED_SLUG}/comments`, 'POST', {
      body: 'Posted while the moderator decides',
    });
    expect(posted.status).toBe(201);
    await waitFor(() => expect(listReads).toBeGreaterThan(before));
    holdList = true;

    decision.open();
    expect(await screen.findByText('Posted while the moderator decides')).toBeInTheDocument();
    expect(screen.queryByRole('article', { name: 'Inès Moreau' })).toBeNull();
    counts.open();
    expect(await screen.findByText('Approved the comment by Inès Moreau.')).toBeInTheDocument();
  });
});
