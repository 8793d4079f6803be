import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { memory } from '../mocks/node';
import { renderApp } from './render-app';
import {
  AMINA,
  DISCUSSION,
  MODERATOR,
  addComment,
  addParticipant,
  api,
  credentials,
  findComment,
  signInAs,
} from './support';

const TITLE = 'Advancing women’s rights through social media: which strategies?';

/** A moderator's decision on a waiting comment, taken in another session. */
async function decide(id: string, action: string, reason?: string) {
  await signInAs(MODERATOR);
  const { status } = await api('/moderation/decisions', 'POST', {
    kind: 'comment',
    id,
    action,
    reason,
    expectedStatus: action === 'hide' ? 'published' : 'pending',
  });
  expect(status).toBe(200);
}

const notificationsLink = (name: string) => screen.findByRole('link', { name });
const notificationList = () =>
  screen.findByRole('list', { name: 'Your notifications, newest first' });

describe('notifications', () => {
  it('tells the author of an approval in the header and the list, and leads to the comment', async () => {
    const mine = await addComment({ authorId: 'u-amina', body: 'Local partners carry campaigns.' });
    await decide(mine.id, 'approve');
    await signInAs(AMINA);
    const { user } = renderApp('/');

    await user.click(await notificationsLink('Notifications, 1 unread'));
    const list = await notificationList();
    const item = within(list).getByRole('listitem');
    expect(item).toHaveTextContent('Unread');
    expect(item).toHaveTextContent('Local partners carry campaigns.');
    await user.click(
      within(item).getByRole('link', { name: `Your comment in “${TITLE}” was published.` }),
    );

    expect(await findComment('Amina Diallo', 'Local partners carry campaigns.')).toBeVisible();
    expect(await notificationsLink('Notifications')).not.toHaveTextContent(/\d/);
  });

  it('gives the reason of a rejection, and marks all as read', async () => {
    const first = await addComment({ authorId: 'u-amina', body: 'Buy followers cheap.' });
    const second = await addComment({ authorId: 'u-amina', body: 'Another idea entirely.' });
    await decide(first.id, 'reject', 'Advertising');
    await decide(second.id, 'approve');
    await signInAs(AMINA);
    const { user } = renderApp('/notifications');

    const list = await notificationList();
    const [newest, older] = within(list).getAllByRole('listitem');
    expect(newest).toHaveTextContent(`Your comment in “${TITLE}” was published.`);
    expect(older).toHaveTextContent(`Your comment in “${TITLE}” was rejected.`);
    expect(older).toHaveTextContent('Reason: Advertising');
    expect(await notificationsLink('Notifications, 2 unread')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Mark all as read' }));
    expect(await screen.findByText('All your notifications are read.')).toBeVisible();
    expect(within(list).queryByText('Unread')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Notifications' })).toBeVisible();
  });

  it('does not show the text of an entry a moderator hid since', async () => {
    const mine = await addComment({ authorId: 'u-amina', body: 'A text later hidden.' });
    await decide(mine.id, 'approve');
    await decide(mine.id, 'hide', 'Off-topic');
    await signInAs(AMINA);
    renderApp('/notifications');

    const list = await notificationList();
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(list).toHaveTextContent(`A moderator hid your comment in “${TITLE}”.`);
    expect(list).toHaveTextContent('Reason: Off-topic');
    expect(list).not.toHaveTextContent('A text later hidden.');
  });

  it('shows nobody another person’s notifications', async () => {
    const mine = await addComment({ authorId: 'u-amina', body: 'Only for Amina to hear of.' });
    await decide(mine.id, 'approve');
    const lena = await addParticipant('Lena Okafor');
    await signInAs(credentials(lena));
    renderApp('/notifications');

    expect(await screen.findByText(/Nothing yet\./)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Notifications' })).toBeVisible();
    expect(screen.queryByText(/Only for Amina/)).not.toBeInTheDocument();
  });

  it('sends a signed-out visitor to sign in', async () => {
    renderApp('/notifications');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    expect(screen.queryByRole('link', { name: /^Notifications/ })).not.toBeInTheDocument();
  });
});

describe('following', () => {
  it('tells a follower of a thread of new published replies until they unfollow', async () => {
    const lena = await addParticipant('Lena Okafor');
    const root = await addComment({
      authorId: lena.id,
      body: 'Hashtags need a plan behind them.',
      status: 'published',
    });
    await signInAs(AMINA);
    const { user } = renderApp(DISCUSSION);
    const comment = await findComment('Lena Okafor', 'Hashtags need a plan behind them.');
    const follow = await within(comment).findByRole('button', { name: 'Follow this thread' });
    expect(follow).toHaveAttribute('aria-pressed', 'false');
    await user.click(follow);
    await waitFor(() => expect(follow).toHaveAttribute('aria-pressed', 'true'));

    const other = await addParticipant('Inès Moreau');
    const answer = await addComment({
      authorId: other.id,
      body: 'A plan and partners.',
      parentId: root.id,
    });
    await decide(answer.id, 'approve');
    await signInAs(AMINA);
    await user.click(within(comment).getByRole('button', { name: 'Follow this thread' }));
    await waitFor(() =>
      expect(within(comment).getByRole('button', { name: 'Follow this thread' })).toHaveAttribute(
        'aria-pressed',
        'false',
      ),
    );
    await user.click(screen.getByRole('link', { name: /^Notifications/ }));
    const list = await notificationList();
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(list).toHaveTextContent(`Inès Moreau replied in a thread you follow in “${TITLE}”.`);
    expect(list).toHaveTextContent('A plan and partners.');

    const later = await addComment({ authorId: other.id, body: 'Later.', parentId: root.id });
    await decide(later.id, 'approve');
    await signInAs(AMINA);
    const again = await api('/notifications');
    expect((again.body as { notifications: unknown[] }).notifications).toHaveLength(1);
  });

  it('follows the replies to one’s own comment by default, and the discussion on request', async () => {
    const mine = await addComment({
      authorId: 'u-amina',
      body: 'My own thread.',
      status: 'published',
    });
    await signInAs(AMINA);
    const { user } = renderApp(DISCUSSION);
    const comment = await findComment('Amina Diallo', 'My own thread.');
    expect(
      await within(comment).findByRole('button', { name: 'Follow this thread' }),
    ).toHaveAttribute('aria-pressed', 'true');
    const discussion = screen.getByRole('button', { name: 'Follow this discussion' });
    expect(discussion).toHaveAttribute('aria-pressed', 'false');
    await user.click(discussion);
    await waitFor(() => expect(discussion).toHaveAttribute('aria-pressed', 'true'));
    expect(
      await screen.findByText(
        'You follow this discussion: you are told of new comments and resources in your notifications.',
      ),
    ).toBeInTheDocument();

    const lena = await addParticipant('Lena Okafor');
    const reply = await addComment({
      authorId: lena.id,
      body: 'Replying to Amina.',
      parentId: mine.id,
    });
    const top = await addComment({ authorId: lena.id, body: 'A new topic.' });
    await decide(reply.id, 'approve');
    await decide(top.id, 'approve');
    await signInAs(AMINA);
    const { body } = await api('/notifications');
    const messages = (body as { notifications: { message: string }[] }).notifications.map(
      (n) => n.message,
    );
    expect(messages).toEqual([
      `Lena Okafor commented in “${TITLE}”, which you follow.`,
      `Lena Okafor replied in a thread you follow in “${TITLE}”.`,
    ]);
  });
});

describe('notifications by email', () => {
  afterEach(() => {
    delete memory.backend.mail;
  });

  it('says why there is no choice where the forum sends no email', async () => {
    await signInAs(AMINA);
    renderApp('/account');
    expect(
      await screen.findByText(/This forum does not send email \(no mail server is set up\)/),
    ).toBeVisible();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
  });

  it('lets a person choose a daily digest where the forum sends email', async () => {
    memory.backend.mail = {
      sendResetLink: () => Promise.resolve(),
      sendNotifications: () => Promise.resolve(),
    };
    await signInAs(AMINA);
    const { user } = renderApp('/account');
    const group = await screen.findByRole('group', { name: 'Email me my notifications' });
    expect(within(group).getByRole('radio', { name: 'Never: I read them here' })).toBeChecked();
    await user.click(within(group).getByRole('radio', { name: 'Once a day, as a digest' }));
    await user.click(screen.getByRole('button', { name: 'Save email choice' }));
    expect(await screen.findByText('Your email choice is saved.')).toBeVisible();
    expect((await api('/notifications/settings')).body).toEqual({
      email: 'daily',
      emailAvailable: true,
    });
  });
});
