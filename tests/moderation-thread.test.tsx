import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FLAG_HIDE_REASON } from '../src/api/contract';
import { findCommentRow } from '../src/server/store/comments';
import { changeStatus } from '../src/server/store/entries';
import { findResourceRow } from '../src/server/store/resources';
import { renderApp } from './render-app';
import {
  DISCUSSION,
  MODERATOR,
  AMINA,
  addComment,
  addFlags,
  addResource,
  seedDiscussionRow,
  signInAs,
  signOut,
  testDb,
} from './support';

const article = (name: string) => screen.findByRole('article', { name });
const controls = (inside: HTMLElement) => within(inside).getByRole('group', { name: /^Moderate / });
const TAKE_BACK = 'Take Back the Tech!';
const QUOTE_START = 'Take Back the Tech! campaigns, which run globally';

const commentStatus = async (id: string) => (await findCommentRow(testDb(), id))?.status;
const openFlags = async () =>
  (await testDb().selectFrom('flags').select('id').where('open', '=', 1).execute()).length;

describe('moderating from the thread', () => {
  it('hides a published comment with a reason: readers see the placeholder, replies stay; restore undoes it', async () => {
    await addComment({
      authorId: 'u-amina',
      body: 'A reply that stays readable',
      parentId: 'c-original-1',
      status: 'published',
    });
    await signInAs(MODERATOR);
    const moderator = renderApp(DISCUSSION);
    const target = await article(TAKE_BACK);
    await moderator.user.click(await within(target).findByRole('button', { name: 'Hide' }));
    expect(within(target).getByRole('button', { name: 'Hide' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    expect(within(target).getByRole('radio', { name: 'Off-topic' })).toHaveFocus();
    await moderator.user.click(within(target).getByRole('radio', { name: 'Abusive' }));
    await moderator.user.click(
      within(target).getByRole('button', { name: 'Hide with this reason' }),
    );
    expect(within(target).getByText('Removed by a moderator: Abusive')).toBeInTheDocument();
    expect(await screen.findByText(`Hid the comment by ${TAKE_BACK}.`)).toBeInTheDocument();
    await waitFor(async () => expect(await commentStatus('c-original-1')).toBe('hidden'));
    moderator.unmount();

    await signOut();
    const reader = renderApp(DISCUSSION);
    const hidden = await article(TAKE_BACK);
    expect(hidden).toHaveTextContent('Removed by a moderator: Abusive');
    expect(hidden).not.toHaveTextContent(QUOTE_START);
    expect(await article('Amina Diallo')).toHaveTextContent('A reply that stays readable');
    expect(screen.queryByRole('group', { name: /^Moderate / })).not.toBeInTheDocument();
    reader.unmount();

    await signInAs(MODERATOR);
    const again = renderApp(DISCUSSION);
    const restored = await article(TAKE_BACK);
    await again.user.click(await within(restored).findByRole('button', { name: 'Restore' }));
    expect(within(restored).queryByText(/Removed by a moderator/)).not.toBeInTheDocument();
    expect(restored).toHaveTextContent(QUOTE_START);
    await waitFor(async () => {
      const log = await testDb()
        .selectFrom('moderation_log')
        .select('action')
        .orderBy('seq')
        .execute();
      expect(log.map((e) => e.action)).toEqual(['hide', 'restore']);
    });
  });

  it('dismisses the flags on an entry', async () => {
    await addFlags('comment', 'c-original-4', [
      { reason: 'spam' },
      { reason: 'other', note: 'Odd' },
    ]);
    await signInAs(MODERATOR);
    const { user } = renderApp(DISCUSSION);
    const target = await article('Keshet Bachan');
    expect(await within(target).findByText('Flagged by 2 participants.')).toBeInTheDocument();
    await user.click(within(target).getByRole('button', { name: 'Dismiss flags' }));
    expect(within(target).queryByText(/Flagged by/)).not.toBeInTheDocument();
    await waitFor(async () => expect(await openFlags()).toBe(0));
    expect(await commentStatus('c-original-4')).toBe('published');
  });

  it('acts on flags that hid an entry: rejecting it closes them', async () => {
    await addFlags('comment', 'c-original-5', [
      { reason: 'abusive' },
      { reason: 'abusive' },
      { reason: 'abusive' },
    ]);
    // As the third flag would have left it.
    await changeStatus(
      testDb(),
      'comment',
      'c-original-5',
      'published',
      'hidden',
      FLAG_HIDE_REASON,
    );
    await signInAs(MODERATOR);
    const { user } = renderApp(DISCUSSION);
    const target = await article('Liri Kopaci-Di Michele');
    expect(
      await within(target).findByText(
        'Flagged by 3 participants, and hidden until a moderator decides.',
      ),
    ).toBeInTheDocument();
    await user.click(within(target).getByRole('button', { name: 'Reject' }));
    await user.click(within(target).getByRole('radio', { name: 'Personal information' }));
    await user.click(within(target).getByRole('button', { name: 'Reject with this reason' }));
    expect(
      within(target).getByText('Rejected by a moderator: Personal information'),
    ).toBeInTheDocument();
    await waitFor(async () => expect(await openFlags()).toBe(0));
  });

  it('features a comment as an extract and unfeatures one', async () => {
    const c = await addComment({
      authorId: 'u-amina',
      body: 'Online and offline action go together.',
      status: 'published',
    });
    await signInAs(MODERATOR);
    const { user } = renderApp(DISCUSSION);
    const mine = await article('Amina Diallo');
    await user.click(await within(mine).findByRole('button', { name: 'Feature as extract' }));
    expect(within(mine).getByText('Extract')).toBeInTheDocument();
    // The backend offers the next decision once it has taken this one.
    expect(await within(mine).findByRole('button', { name: 'Unfeature' })).toBeInTheDocument();

    const macarena = await article('Macarena Aguilar');
    await user.click(within(macarena).getByRole('button', { name: 'Unfeature' }));
    expect(within(macarena).queryByText('Extract')).not.toBeInTheDocument();

    await waitFor(async () =>
      expect(JSON.parse((await seedDiscussionRow()).digest_order)).toEqual([
        'c-original-1',
        'c-original-3',
        'c-original-4',
        'c-original-5',
        'c-original-6',
        c.id,
      ]),
    );
  });

  it('hides a shared resource: readers see only the placeholder', async () => {
    const link = await addResource({
      authorId: 'u-amina',
      title: 'A dubious link',
      status: 'published',
    });
    await signInAs(MODERATOR);
    const moderator = renderApp(`${DISCUSSION}/resources`);
    const target = await screen.findByRole('article', { name: 'A dubious link' });
    await moderator.user.click(await within(target).findByRole('button', { name: 'Hide' }));
    await moderator.user.click(within(target).getByRole('radio', { name: 'Spam' }));
    await moderator.user.click(
      within(target).getByRole('button', { name: 'Hide with this reason' }),
    );
    await waitFor(async () =>
      expect((await findResourceRow(testDb(), link.id))?.status).toBe('hidden'),
    );
    moderator.unmount();

    await signOut();
    renderApp(`${DISCUSSION}/resources`);
    const removed = await screen.findAllByRole('article', { name: 'Removed resource' });
    expect(removed[0]).toHaveTextContent('Removed by a moderator: Spam');
    expect(screen.queryByText('A dubious link')).not.toBeInTheDocument();
  });

  it('shows no moderation control to a participant or a reader', async () => {
    await addComment({ authorId: 'u-amina', body: 'My own pending comment' });
    await signInAs(AMINA);
    const participant = renderApp(DISCUSSION);
    await article('Amina Diallo');
    await screen.findAllByRole('article', { name: TAKE_BACK });
    for (const name of ['Approve', 'Reject', 'Hide', 'Unfeature', 'Feature as extract']) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    }
    expect(screen.queryByRole('region', { name: 'Moderator tools' })).not.toBeInTheDocument();
    participant.unmount();

    await signOut();
    renderApp(DISCUSSION);
    const first = await article(TAKE_BACK);
    expect(within(first).queryByRole('group', { name: /^Moderate / })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Hide' })).not.toBeInTheDocument();
  });

  it('offers a moderator the controls that fit each entry’s state', async () => {
    await signInAs(MODERATOR);
    renderApp(DISCUSSION);
    const first = await article(TAKE_BACK);
    await waitFor(() => expect(controls(first)).toBeInTheDocument());
    expect(
      within(controls(first))
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Hide', 'Unfeature']);
  });
});
