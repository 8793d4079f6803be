import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { memory } from '../mocks/node';
import { insertUser } from '../src/server/store/users';
import { renderApp } from './render-app';
import { MODERATOR, AMINA, SEED_SLUG, addComment, api, signInAs, testDb } from './support';

const SECOND = { email: 'second@example.org', password: 'second-moderator' };

/** Decisions by two moderators in the seeded discussion and in another one. */
async function someDecisions() {
  await insertUser(testDb(), {
    id: 'u-second',
    email: SECOND.email,
    password_hash: await memory.backend.passwords.hash(SECOND.password),
    display_name: 'Second moderator',
    organisation: null,
    role: 'moderator',
    created_at: '2026-01-01T00:00:00.000Z',
  });
  const spam = await addComment({ authorId: 'u-amina', body: 'Cheap followers' });
  const fine = await addComment({ authorId: 'u-amina', body: 'A fine thought' });
  await signInAs(MODERATOR);
  const decide = (id: string, action: string, reason?: string) =>
    api('/moderation/decisions', 'POST', {
      kind: 'comment',
      id,
      action,
      reason,
      expectedStatus: 'pending',
    });
  expect((await decide(spam.id, 'reject', 'Spam')).status).toBe(200);
  await api('/discussions', 'POST', {
    title: 'Another discussion',
    introduction: 'Why',
    organiser: 'Us',
    startsOn: '2026-01-01',
    endsOn: '2026-01-31',
  });
  await signInAs(SECOND);
  expect((await decide(fine.id, 'approve')).status).toBe(200);
  await signInAs(MODERATOR);
  return { spam };
}

const rows = () =>
  within(screen.getAllByRole('rowgroup')[1] as HTMLElement)
    .getAllByRole('row')
    .map((r) =>
      within(r)
        .getAllByRole('cell')
        .slice(1)
        .map((c) => c.textContent),
    );

describe('the moderation log', () => {
  it('lists every decision, newest first, with who, what, which entry and why', async () => {
    const { spam } = await someDecisions();
    renderApp('/moderation/log');
    expect(
      await screen.findByRole('table', { name: '3 decisions, newest first' }),
    ).toBeInTheDocument();
    expect(rows()).toEqual([
      [
        'Second moderator',
        'Approved',
        'Comment by Amina Diallo“A fine thought”',
        'Advancing women’s rights through social media: which strategies?',
        '—',
      ],
      ['Wikigender moderator', 'Created discussion', 'Discussion', 'Another discussion', '—'],
      [
        'Wikigender moderator',
        'Rejected',
        'Comment by Amina Diallo“Cheap followers”',
        'Advancing women’s rights through social media: which strategies?',
        'Spam',
      ],
    ]);
    expect(screen.getAllByRole('link', { name: 'Comment by Amina Diallo' })[1]).toHaveAttribute(
      'href',
      `/discussions/${SEED_SLUG}/comments/${spam.id}`,
    );
  });

  it('says so when no decision was taken yet, and names the filters only when some are chosen', async () => {
    await signInAs(MODERATOR);
    const { user } = renderApp('/moderation/log');
    expect(await screen.findByText(/^No decision yet/)).toBeInTheDocument();
    expect(screen.queryByText('No decision matches these filters.')).not.toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Action' }), 'hide');
    expect(await screen.findByText('No decision matches these filters.')).toBeInTheDocument();
  });

  it('filters by action, moderator and discussion', async () => {
    await someDecisions();
    const { user } = renderApp('/moderation/log');
    await screen.findByRole('table', { name: '3 decisions, newest first' });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Action' }), 'reject');
    expect(
      await screen.findByRole('table', { name: '1 decision, newest first' }),
    ).toBeInTheDocument();
    expect(rows()[0]?.[4]).toBe('Spam');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Action' }), '');
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Moderator' }),
      'Second moderator',
    );
    await screen.findByRole('table', { name: '1 decision, newest first' });
    expect(rows()[0]?.[0]).toBe('Second moderator');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Moderator' }), '');
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Discussion' }),
      'Another discussion',
    );
    await screen.findByRole('table', { name: '1 decision, newest first' });
    expect(rows()[0]?.[1]).toBe('Created discussion');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Action' }), 'hide');
    expect(await screen.findByText('No decision matches these filters.')).toBeInTheDocument();
  });

  it('shows the chosen filters at once, and keeps both of two chosen in quick succession', async () => {
    await someDecisions();
    renderApp('/moderation/log?action=reject');
    await screen.findByRole('table', { name: '1 decision, newest first' });
    const action = screen.getByRole('combobox', { name: 'Action' });
    const moderator = screen.getByRole('combobox', { name: 'Moderator' });

    // Two choices faster than the page follows the first, as on a slow device.
    fireEvent.change(action, { target: { value: '' } });
    fireEvent.change(moderator, { target: { value: 'u-second' } });
    expect(action).toHaveDisplayValue('All actions');
    expect(moderator).toHaveDisplayValue('Second moderator');
    // Not the rejections' table under the same caption while the new one loads.
    expect(screen.queryByRole('table')).not.toBeInTheDocument();

    await screen.findByRole('table', { name: '1 decision, newest first' });
    expect(rows()[0]?.slice(0, 2)).toEqual(['Second moderator', 'Approved']);
  });

  it('is for moderators only', async () => {
    await signInAs(AMINA);
    expect((await api('/moderation/log')).status).toBe(403);
    renderApp('/moderation/log');
    expect(
      await screen.findByText(/Only moderators can read the moderation log\./),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
