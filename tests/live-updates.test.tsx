/**
 * Live updates with two viewers: the person whose app is rendered here, and
 * another person acting in their own browser (their own session, straight to
 * the same backend), whose changes reach the first without a reload.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { LiveEvent } from '../src/api/contract';
import { openLiveStream } from '../src/api/live-stream';
import { renderApp } from './render-app';
import {
  AMINA,
  DISCUSSION,
  MODERATOR,
  SEED_SLUG,
  addComment,
  addParticipant,
  credentials,
  fill,
  otherBrowser,
  signInAs,
  testDb,
} from './support';

const approve = (id: string) => ({
  kind: 'comment',
  id,
  action: 'approve',
  expectedStatus: 'pending',
});

/** A second moderator, who decides while the first watches. */
async function secondModerator(name: string) {
  const user = await addParticipant(name);
  await testDb()
    .updateTable('users')
    .set({ role: 'moderator' })
    .where('id', '=', user.id)
    .execute();
  return otherBrowser(credentials(user));
}

describe('live updates on a discussion page', () => {
  it('tells a reader of comments a moderator published, and shows them when asked', async () => {
    const ines = await addParticipant('Inès Moreau');
    const waiting = await addComment({ authorId: ines.id, body: 'Offline organising matters too' });
    await signInAs(AMINA);
    const { user } = renderApp(DISCUSSION);
    await screen.findByText('Hashtag activism', { exact: false });
    const moderator = await otherBrowser(MODERATOR);

    expect(
      (await moderator.call('/moderation/decisions', 'POST', approve(waiting.id))).status,
    ).toBe(200);
    const notice = await screen.findByRole('button', { name: '1 new comment — show them' });
    // Nothing moved meanwhile: the comment comes in only when the reader asks.
    expect(screen.queryByText('Offline organising matters too')).not.toBeInTheDocument();

    await user.click(notice);
    expect(await screen.findByText('Offline organising matters too')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /new comment/ })).not.toBeInTheDocument();
  });

  it('turns a comment a moderator hides into its placeholder', async () => {
    await signInAs(AMINA);
    renderApp(DISCUSSION);
    await screen.findByText('Hashtag activism', { exact: false });
    const moderator = await otherBrowser(MODERATOR);
    const { body: page } = await moderator.call(`/discussions/${SEED_SLUG}/comments?limit=100`);
    const target = (page as { comments: { id: string; body: string }[] }).comments[0];
    if (!target) throw new Error('The seed has no comment.');
    const hide = {
      kind: 'comment',
      id: target.id,
      action: 'hide',
      reason: 'Off-topic',
      expectedStatus: 'published',
    };
    expect((await moderator.call('/moderation/decisions', 'POST', hide)).status).toBe(200);
    expect(await screen.findByText(/Off-topic/)).toBeInTheDocument();
    await waitFor(() =>
      expect(
        screen.queryByText(target.body.slice(0, 40), { exact: false }),
      ).not.toBeInTheDocument(),
    );
  });

  it('shows a closing at once, and keeps the text being typed', async () => {
    await signInAs(AMINA);
    const { user } = renderApp(DISCUSSION);
    await fill(
      user,
      await screen.findByRole('textbox', { name: 'Your comment' }),
      'Half a thought',
    );
    const moderator = await otherBrowser(MODERATOR);
    const close = { status: 'closed', closedReason: 'The consultation has ended' };
    expect((await moderator.call(`/discussions/${SEED_SLUG}`, 'PATCH', close)).status).toBe(200);

    const composer = screen.getByRole('region', { name: 'Add a comment' });
    await waitFor(() =>
      expect(composer).toHaveTextContent(
        'This discussion is closed: The consultation has ended. It no longer takes new comments.',
      ),
    );
    expect(within(composer).getByRole('textbox', { name: 'Your comment, not sent' })).toHaveValue(
      'Half a thought',
    );
  });

  it('tells a participant nothing of an entry waiting for a moderator', async () => {
    await signInAs(AMINA);
    renderApp(DISCUSSION);
    await screen.findByText('Hashtag activism', { exact: false });
    // What reaches Amina's page, as the data layer receives it.
    const received: LiveEvent[] = [];
    const stop = openLiveStream({ discussion: SEED_SLUG, onEvent: (e) => received.push(e) });
    onTestFinished(stop);
    const ines = await otherBrowser(credentials(await addParticipant('Inès Moreau')));
    const posted = await ines.call(`/discussions/${SEED_SLUG}/comments`, 'POST', {
      body: 'Only moderators may read this yet',
    });
    expect(posted.status).toBe(201);
    const moderator = await otherBrowser(MODERATOR);
    const published = await moderator.call(`/discussions/${SEED_SLUG}/comments`, 'POST', {
      body: 'A moderator’s own comment publishes at once',
    });
    expect(published.status).toBe(201);

    expect(await screen.findByRole('button', { name: '1 new comment — show them' })).toBeVisible();
    const about = (id: unknown) => received.filter((e) => e.kind === 'entry' && e.entry.id === id);
    await waitFor(() => expect(about((published.body as { id: string }).id)).toHaveLength(1));
    // The published one came after the waiting one, which never did.
    expect(about((posted.body as { id: string }).id)).toEqual([]);
  });
});

describe('live notifications', () => {
  it('tells an author of a decision on their entry in the header, with no reload', async () => {
    const ines = await addParticipant('Inès Moreau');
    const waiting = await addComment({ authorId: ines.id, body: 'Radio reaches the villages' });
    await signInAs(credentials(ines));
    renderApp(DISCUSSION);
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(await within(nav).findByRole('link', { name: 'Notifications' })).toBeInTheDocument();

    const moderator = await otherBrowser(MODERATOR);
    expect(
      (await moderator.call('/moderation/decisions', 'POST', approve(waiting.id))).status,
    ).toBe(200);
    expect(
      await within(nav).findByRole('link', { name: 'Notifications, 1 unread' }),
    ).toBeInTheDocument();
  });
});

describe('live updates in the moderation queue', () => {
  it('brings new entries into the queue and the header count as they arrive', async () => {
    await signInAs(MODERATOR);
    renderApp('/moderation');
    expect(await screen.findByText('Nothing waits for a decision.')).toBeInTheDocument();
    const amina = await otherBrowser(AMINA);
    const posted = await amina.call(`/discussions/${SEED_SLUG}/comments`, 'POST', {
      body: 'Hashtags need offline action too',
    });
    expect(posted.status).toBe(201);

    expect(await screen.findByText('1 item waiting')).toBeInTheDocument();
    expect(screen.getByText('Hashtags need offline action too')).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: /Moderation/ })).toHaveAccessibleName(
      'Moderation, 1 item waits',
    );
  });

  it('says who decided an item another moderator decided, and takes its buttons away', async () => {
    const ines = await addParticipant('Inès Moreau');
    const waiting = await addComment({ authorId: ines.id, body: 'Waiting for a decision' });
    await signInAs(MODERATOR);
    renderApp('/moderation');
    const group = await screen.findByRole('group', { name: 'Moderate the comment by Inès Moreau' });
    expect(within(group).getByRole('button', { name: 'Approve' })).toBeEnabled();

    const ada = await secondModerator('Ada Obi');
    expect((await ada.call('/moderation/decisions', 'POST', approve(waiting.id))).status).toBe(200);

    const item = group.closest('li');
    if (!item) throw new Error('The controls are not in a queue item.');
    await waitFor(() => expect(item).toHaveTextContent('Approved by Ada Obi.'));
    expect(within(group).queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
    expect(await screen.findByText('Nothing waits for a decision.')).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: /Moderation/ })).toHaveAccessibleName(
      'Moderation, 0 items wait',
    );
  });
});
