import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../mocks/node';
import { renderApp } from './render-app';
import { DISCUSSION, MODERATOR, addComment, addParticipant, signInAs } from './support';

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

    await user.click(within(first).getByRole('button', { name: 'Approve' }));
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
