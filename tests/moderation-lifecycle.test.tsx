import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setClock } from '../mocks/node';
import { renderApp } from './render-app';
import {
  AMINA,
  DISCUSSION,
  MODERATOR,
  SEED_SLUG,
  api,
  fill,
  seedDiscussionRow,
  signInAs,
  testDb,
} from './support';

const TITLE = 'Advancing women’s rights through social media: which strategies?';
/** The moderation log, oldest first. */
const logEntries = () =>
  testDb()
    .selectFrom('moderation_log')
    .select(['action', 'reason', 'target_id'])
    .orderBy('seq')
    .execute();
const tools = () => screen.findByRole('region', { name: 'Moderator tools' });

describe('creating and editing a discussion', () => {
  it('creates a discussion, showing the backend’s field errors first', async () => {
    await signInAs(MODERATOR);
    const { user } = renderApp('/discussions/new');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Create a discussion' }),
    ).toBeInTheDocument();
    const title = await screen.findByRole('textbox', { name: 'Title' });
    await fill(user, title, 'Tiny');
    await user.click(screen.getByRole('button', { name: 'Create discussion' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('The discussion was not created.');
    expect(summary).toHaveFocus();
    expect(title).toHaveAccessibleDescription('Give a title of at least 5 characters.');
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('textbox', { name: 'Introduction' })).toHaveAccessibleDescription(
      /Write an introduction\./,
    );

    await user.clear(title);
    await fill(user, title, 'Women’s voices after #MeToo');
    await fill(
      user,
      screen.getByRole('textbox', { name: 'Introduction' }),
      'What changed online since 2017?',
    );
    await fill(user, screen.getByRole('textbox', { name: 'Organiser' }), 'Wikigender');
    await user.click(screen.getByRole('button', { name: 'Add a partner' }));
    await fill(user, screen.getByRole('textbox', { name: 'Partner 1 name' }), 'AWID');
    await user.type(screen.getByLabelText('Opens on'), '2026-04-01');
    await user.type(screen.getByLabelText('Ends on'), '2026-04-10');
    await user.click(screen.getByRole('checkbox', { name: 'This discussion leads to an event' }));
    await fill(user, screen.getByRole('textbox', { name: 'Event title' }), 'CSW70 side event');
    await user.type(screen.getByLabelText('Event date'), '2026-04-20');
    await user.click(
      within(screen.getByRole('group', { name: 'Approval' })).getByRole('radio', {
        name: 'A participant’s first entry waits',
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Create discussion' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Women’s voices after #MeToo' }),
    ).toBeInTheDocument();
    expect(screen.getByText('1–10 April 2026')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Related event' })).toHaveTextContent(
      '“CSW70 side event”',
    );
    const created = await testDb()
      .selectFrom('discussions')
      .selectAll()
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(created).toMatchObject({
      slug: 'womens-voices-after-metoo',
      status: 'open',
      approval_mode: 'first',
    });
    expect(JSON.parse(created.partners)).toEqual([{ name: 'AWID', url: null }]);
    expect((await logEntries()).at(-1)).toMatchObject({
      action: 'create',
      target_id: created.slug,
    });
  });

  it('edits a discussion from its page', async () => {
    await signInAs(MODERATOR);
    const { user } = renderApp(DISCUSSION);
    await user.click(within(await tools()).getByRole('link', { name: 'Edit discussion' }));
    const organiser = await screen.findByRole('textbox', { name: 'Organiser' });
    expect(organiser).toHaveValue('Wikigender');
    expect(screen.getByRole('textbox', { name: 'Partner 4 name' })).toHaveValue('The Guardian');
    await user.click(screen.getByRole('button', { name: 'Remove partner 4' }));
    await user.clear(organiser);
    await fill(user, organiser, 'Wikigender (OECD)');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(
      await screen.findByText('Online discussion organised by Wikigender (OECD)'),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: TITLE })).toBeInTheDocument();
    expect(screen.queryByText('The Guardian', { selector: 'li' })).not.toBeInTheDocument();
    expect((await logEntries()).at(-1)?.reason).toBe('Edited: organiser, partners.');
  });

  it('is not offered to participants', async () => {
    await signInAs(AMINA);
    renderApp('/discussions/new');
    expect(
      await screen.findByText(/Only moderators can create a discussion\./),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Create discussion' })).not.toBeInTheDocument();
  });
});

describe('opening and closing', () => {
  it('closes a discussion with a reason: the page says when and why, and takes no more comments', async () => {
    await signInAs(MODERATOR);
    const { user } = renderApp(DISCUSSION);
    const panel = await tools();
    expect(await screen.findByRole('button', { name: 'Post comment' })).toBeInTheDocument();
    await fill(
      user,
      within(panel).getByRole('textbox', { name: 'Reason for closing' }),
      'The discussion period has ended',
    );
    await user.click(within(panel).getByRole('button', { name: 'Close discussion' }));
    expect(
      await screen.findByText(
        /^This discussion is closed since .+: The discussion period has ended/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Closed', { selector: '.badge' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Post comment' })).not.toBeInTheDocument();
    // Published entries stay readable.
    expect(screen.getByRole('article', { name: 'Nana Darkoa' })).toBeInTheDocument();

    await signInAs(AMINA);
    const refused = await api(`/discussions/${SEED_SLUG}/comments`, 'POST', {
      body: 'Too late?',
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: { code: 'discussion_closed' } });

    await signInAs(MODERATOR);
    await user.click(within(panel).getByRole('button', { name: 'Reopen discussion' }));
    expect(await within(panel).findByText('The discussion is open again.')).toBeInTheDocument();
    expect(screen.queryByText(/This discussion is closed/)).not.toBeInTheDocument();
    expect((await logEntries()).map((e) => [e.action, e.reason])).toEqual([
      ['close', 'The discussion period has ended'],
      ['open', null],
    ]);
  });

  it('schedules a closing, after which the discussion closes by itself', async () => {
    const now = new Date('2026-03-01T10:00:00Z');
    setClock(() => now);
    await signInAs(MODERATOR);
    const first = renderApp(DISCUSSION);
    const panel = await tools();
    const when = within(panel).getByLabelText('Close automatically at (UTC)');

    await first.user.type(when, '2026-02-01T10:00');
    await first.user.click(within(panel).getByRole('button', { name: 'Schedule closing' }));
    await waitFor(() =>
      expect(when).toHaveAccessibleDescription('Choose a closing time in the future.'),
    );

    await first.user.clear(when);
    await first.user.type(when, '2026-03-02T18:30');
    await first.user.click(within(panel).getByRole('button', { name: 'Schedule closing' }));
    expect(
      await screen.findByText(/^It closes for new contributions on 2 Mar 2026/),
    ).toBeInTheDocument();
    expect(within(panel).getByText(/^Closes by itself on/)).toBeInTheDocument();
    first.unmount();

    setClock(() => new Date('2026-03-03T09:00:00Z'));
    renderApp(DISCUSSION);
    expect(
      await screen.findByText(
        /closed since 2 Mar 2026.*: The discussion closed at its scheduled time/,
      ),
    ).toBeInTheDocument();
    expect((await seedDiscussionRow()).status).toBe('closed');
  });

  it('changes which entries wait for a moderator', async () => {
    await signInAs(MODERATOR);
    const { user } = renderApp(DISCUSSION);
    const panel = await tools();
    const mode = within(panel).getByRole('group', {
      name: 'Which entries wait for a moderator',
    });
    expect(
      within(mode).getByRole('radio', { name: 'Every entry waits for approval' }),
    ).toBeChecked();
    await user.click(
      within(mode).getByRole('radio', { name: 'Nothing waits: entries publish at once' }),
    );
    await user.click(within(panel).getByRole('button', { name: 'Save approval mode' }));
    expect(
      await within(panel).findByText(
        'Approval mode saved: nothing waits: entries publish at once.',
      ),
    ).toBeInTheDocument();
    expect((await seedDiscussionRow()).approval_mode).toBe('none');

    await signInAs(AMINA);
    const posted = await api(`/discussions/${SEED_SLUG}/comments`, 'POST', {
      body: 'Published at once',
    });
    expect(posted.body).toMatchObject({ status: 'published' });
  });
});
