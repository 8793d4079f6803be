import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../mocks/node';
import { renderApp } from './render-app';
import { AMINA, MODERATOR, addComment, addParticipant, signInAs } from './support';

const rowOf = (name: string) => screen.getByRole('row', { name: new RegExp(`^${name}`) });

/** The people page as the demo moderator, once the table is there. */
async function openPeople() {
  await signInAs(MODERATOR);
  const view = renderApp('/people');
  await screen.findByRole('table', { name: 'Accounts, newest first' });
  return view;
}

describe('the people page', () => {
  it('lists every account with its entries by outcome, role and status', async () => {
    await addComment({ authorId: 'u-amina', body: 'Published thought', status: 'published' });
    await addComment({ authorId: 'u-amina', body: 'Waiting thought' });
    await addComment({ authorId: 'u-amina', body: 'Spam', status: 'rejected' });
    await addParticipant('Inès Moreau', { organisation: 'Gender Links' });
    await openPeople();

    const amina = rowOf('Amina Diallo');
    expect(amina).toHaveTextContent('1 published, 1 pending, 1 rejected, 0 hidden');
    expect(amina).toHaveTextContent('Participant');
    const ines = rowOf('Inès Moreau');
    expect(within(ines).getByRole('cell', { name: 'Gender Links' })).toBeVisible();
    const moderator = rowOf('Wikigender moderator');
    expect(moderator).toHaveTextContent('Moderator');
    // A moderator does not suspend or demote themself here.
    expect(within(moderator).queryByRole('button', { name: /Suspend/ })).not.toBeInTheDocument();
  });

  it('grants and withdraws the moderator role, the withdrawal after a confirmation', async () => {
    const { user } = await openPeople();
    await user.click(
      within(rowOf('Amina Diallo')).getByRole('button', { name: 'Make Amina Diallo a moderator' }),
    );
    const withdraw = await within(rowOf('Amina Diallo')).findByRole('button', {
      name: 'Withdraw moderator role from Amina Diallo',
    });
    expect(rowOf('Amina Diallo')).toHaveTextContent('Moderator');

    await user.click(withdraw);
    const confirm = screen.getByRole('group', {
      name: 'Withdraw the moderator role from Amina Diallo?',
    });
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(confirm).getByRole('button', { name: 'Withdraw the role' }));
    expect(
      await within(rowOf('Amina Diallo')).findByRole('button', {
        name: 'Make Amina Diallo a moderator',
      }),
    ).toBeVisible();
  });

  it('suspends after a confirmation and restores; the log shows each action', async () => {
    const { user } = await openPeople();
    await user.click(
      within(rowOf('Amina Diallo')).getByRole('button', { name: 'Suspend Amina Diallo' }),
    );
    const confirm = screen.getByRole('group', { name: 'Suspend Amina Diallo?' });
    expect(confirm).toHaveTextContent('Their sessions end');
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(rowOf('Amina Diallo')).not.toHaveTextContent('suspended');

    await user.click(
      within(rowOf('Amina Diallo')).getByRole('button', { name: 'Suspend Amina Diallo' }),
    );
    await user.click(screen.getByRole('button', { name: 'Suspend the account' }));
    const restore = await within(rowOf('Amina Diallo')).findByRole('button', {
      name: 'Restore Amina Diallo',
    });
    expect(rowOf('Amina Diallo')).toHaveTextContent('Participant, suspended');
    await user.click(restore);
    expect(
      await within(rowOf('Amina Diallo')).findByRole('button', { name: 'Suspend Amina Diallo' }),
    ).toBeVisible();
    expect(rowOf('Amina Diallo')).not.toHaveTextContent('suspended');

    await user.click(
      within(rowOf('Amina Diallo')).getByRole('button', { name: 'Reset link for Amina Diallo' }),
    );
    await screen.findByText(/A one-time link for/);
    await user.click(screen.getByRole('link', { name: 'Moderation' }));
    await user.click(await screen.findByRole('link', { name: 'Moderation log' }));
    const table = await screen.findByRole('table', { name: /decisions, newest first/ });
    const actions = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => within(r).getAllByRole('cell')[2]?.textContent);
    expect(actions).toEqual([
      'Issued password reset link',
      'Restored account',
      'Suspended account',
    ]);
    const accountLinks = within(table).getAllByRole('link', { name: 'Account: Amina Diallo' });
    expect(accountLinks).toHaveLength(3);
    await user.click(accountLinks[0] as HTMLElement);
    expect(await screen.findByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  });

  it('issues a one-time reset link with a button that copies it', async () => {
    const { user } = await openPeople();
    await user.click(
      within(rowOf('Amina Diallo')).getByRole('button', { name: 'Reset link for Amina Diallo' }),
    );
    const link = await screen.findByText(/^http:\/\/localhost(:\d+)?\/reset-password\/[0-9a-f]+$/);
    expect(screen.getByText(/A one-time link for/)).toHaveTextContent(
      'A one-time link for Amina Diallo',
    );
    await user.click(screen.getByRole('button', { name: 'Copy the link' }));
    expect(await navigator.clipboard.readText()).toBe(link.textContent);
    expect(screen.getByRole('button', { name: 'Copied' })).toBeVisible();
  });

  it('shows the backend’s message when a change fails, and keeps the row as it was', async () => {
    server.use(
      http.put('/api/people/:id/role', () =>
        HttpResponse.json(
          {
            error: { code: 'conflict', message: 'Someone changed this account meanwhile. Reload.' },
          },
          { status: 409 },
        ),
      ),
    );
    const { user } = await openPeople();
    await user.click(
      within(rowOf('Amina Diallo')).getByRole('button', { name: 'Make Amina Diallo a moderator' }),
    );
    expect(await within(rowOf('Amina Diallo')).findByRole('alert')).toHaveTextContent(
      'Someone changed this account meanwhile. Reload.',
    );
    expect(rowOf('Amina Diallo')).toHaveTextContent('Participant');
  });
});

describe('the people page, for anyone else', () => {
  it('tells a participant that only moderators manage people', async () => {
    await signInAs(AMINA);
    renderApp('/people');
    expect(await screen.findByText(/Only moderators can manage people\./)).toBeVisible();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'People' })).not.toBeInTheDocument();
  });

  it('offers a visitor to sign in as a moderator and come back', async () => {
    renderApp('/people');
    expect(await screen.findByRole('link', { name: 'Sign in as a moderator' })).toHaveAttribute(
      'href',
      '/sign-in?next=%2Fpeople',
    );
  });

  it('is reached from the header by a moderator', async () => {
    await signInAs(MODERATOR);
    const { user } = renderApp('/');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await user.click(await within(nav).findByRole('link', { name: 'People' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  });
});
