import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../mocks/node';
import { findCommentRow } from '../src/server/store/comments';
import { changeStatus } from '../src/server/store/entries';
import { findResourceRow } from '../src/server/store/resources';
import { renderApp } from './render-app';
import {
  MODERATOR,
  AMINA,
  addComment,
  addFlags,
  addParticipant,
  addResource,
  signInAs,
  signOut,
  testDb,
} from './support';

const entry = (name: string) => screen.findByRole('article', { name });
const status = async (id: string) =>
  ((await findCommentRow(testDb(), id)) ?? (await findResourceRow(testDb(), id)))?.status;
/** As another moderator's decision, taken meanwhile, would have left a pending comment. */
const rejectMeanwhile = (id: string, reason: string) =>
  changeStatus(testDb(), 'comment', id, 'pending', 'rejected', reason);

describe('the moderation queue', () => {
  it("says an entry waits without the author's wording of who sees it", async () => {
    const ines = (await addParticipant('Inès Moreau')).id;
    await addComment({ authorId: ines, body: 'Waiting for a decision' });
    await addResource({ authorId: ines, title: 'A waiting toolkit' });
    await signInAs(MODERATOR);
    renderApp('/moderation');
    expect(await screen.findByText('2 items waiting')).toBeInTheDocument();
    expect(screen.getAllByText('Awaiting moderation.')).toHaveLength(2);
    expect(screen.queryByText(/only you and the moderators/)).not.toBeInTheDocument();
  });

  it('lists new entries oldest first, then flagged ones, with what a moderator needs to decide', async () => {
    const ines = (await addParticipant('Inès Moreau', { organisation: 'Gender Links' })).id;
    await addComment({ authorId: ines, body: 'An earlier reply', status: 'rejected' });
    const first = await addComment({ authorId: ines, body: 'Hashtags need offline action too.' });
    await addResource({ authorId: ines, title: 'A toolkit for campaigners' });
    const reply = await addComment({
      authorId: 'u-amina',
      body: 'I agree with this',
      parentId: 'c-original-3',
    });
    await addFlags('comment', 'c-original-6', [
      { reason: 'spam' },
      { reason: 'spam', note: 'Advertising' },
      { reason: 'off-topic' },
    ]);
    await signInAs(MODERATOR);
    const { user } = renderApp('/moderation');

    expect(await screen.findByRole('heading', { level: 1, name: 'Moderation' })).toBeVisible();
    expect(await screen.findByText('4 items waiting')).toBeInTheDocument();
    const items = screen.getAllByRole('listitem').filter((li) => li.className === 'queue-item');
    expect(
      items.map((li) => within(li).getByText(/^(New|Flagged) (comment|resource)$/).textContent),
    ).toEqual(['New comment', 'New resource', 'New comment', 'Flagged comment']);

    const [newComment, , newReply, flagged] = items as [
      HTMLElement,
      HTMLElement,
      HTMLElement,
      HTMLElement,
    ];
    // The entry names its author; the line above it does not say it again.
    expect(within(newComment).getAllByText('Inès Moreau')).toHaveLength(1);
    expect(newComment).toHaveTextContent('Gender Links');
    expect(newComment).toHaveTextContent('Joined 1 January 2026 · 1 rejected · 1 waiting');
    expect(newComment).toHaveTextContent(first.body);
    // Every entry is from one discussion: it is named once, above the list.
    expect(
      screen.getAllByRole('link', {
        name: 'Advancing women’s rights through social media: which strategies?',
      }),
    ).toHaveLength(1);
    expect(
      within(newComment).queryByRole('link', {
        name: 'Advancing women’s rights through social media: which strategies?',
      }),
    ).not.toBeInTheDocument();
    expect(newReply).toHaveTextContent('In reply to GGCA Secretariat:');
    expect(newReply).toHaveTextContent('Using social media, especially hashtag activism');
    expect(reply.status).toBe('pending');
    expect(within(flagged).getByRole('list', { name: 'Flags' })).toHaveTextContent(
      'Spam × 2: “Advertising”',
    );
    expect(within(flagged).getByRole('list', { name: 'Flags' })).toHaveTextContent('Off-topic × 1');

    // The header counts what waits.
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: /Moderation/ })).toHaveAccessibleName(
      'Moderation, 4 items wait',
    );

    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'resource');
    expect(await screen.findByText('1 item waiting')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'A toolkit for campaigners' })).toBeInTheDocument();
    expect(screen.queryByText(first.body)).not.toBeInTheDocument();
  });

  it('says on one line when each author joined and how their other entries ended, or that the account is new', async () => {
    const today = new Date().toISOString();
    const fresh = (await addParticipant('Fresh Face', { joinedAt: today })).id;
    await addComment({ authorId: fresh, body: 'Hello from a new account' });
    const known = (await addParticipant('Known Voice')).id;
    await addComment({ authorId: known, body: 'An approved thought', status: 'published' });
    await addComment({ authorId: known, body: 'Another approved one', status: 'published' });
    await addComment({ authorId: known, body: 'A rejected one', status: 'rejected' });
    await addComment({ authorId: known, body: 'Waiting for a decision' });
    await signInAs(MODERATOR);
    renderApp('/moderation');

    const item = async (text: string) =>
      (await screen.findByText(text)).closest('.queue-item') as HTMLElement;
    const day = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(today));
    expect(await item('Hello from a new account')).toHaveTextContent(
      `New account · joined ${day} · no other entries`,
    );
    expect(await item('Waiting for a decision')).toHaveTextContent(
      'Joined 1 January 2026 · 2 published · 1 rejected',
    );
  });

  it('approves an entry at once and counts it out of the header', async () => {
    const c = await addComment({ authorId: 'u-amina', body: 'Offline organising matters most.' });
    await signInAs(MODERATOR);
    const { user } = renderApp('/moderation');
    const article = await entry('Amina Diallo');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    await waitFor(() =>
      expect(within(nav).getByRole('link', { name: /Moderation/ })).toHaveAccessibleName(
        'Moderation, 1 item waits',
      ),
    );
    await user.click(within(article).getByRole('button', { name: 'Approve' }));
    expect(within(article).queryByText(/Awaiting moderation/)).not.toBeInTheDocument();
    expect(
      within(article).getByRole('group', { name: 'Moderate the comment by Amina Diallo' }),
    ).toHaveFocus();
    expect(within(nav).getByRole('link', { name: /Moderation/ })).toHaveAccessibleName(
      'Moderation, 0 items wait',
    );
    expect(screen.getByText('Nothing waits for a decision.')).toBeInTheDocument();
    await waitFor(async () => expect(await status(c.id)).toBe('published'));
    expect(await screen.findByText('Approved the comment by Amina Diallo.')).toBeInTheDocument();
    // Seen, not only heard: the decided item says what became of it.
    expect(within(article).getByText('Approved by you.')).toBeInTheDocument();
  });

  it('rejects with a preset reason that the author then sees on their entry', async () => {
    const c = await addComment({ authorId: 'u-amina', body: 'Buy cheap followers here' });
    await signInAs(MODERATOR);
    const { user, unmount } = renderApp('/moderation');
    const article = await entry('Amina Diallo');
    await user.click(within(article).getByRole('button', { name: 'Reject' }));
    const form = within(article).getByRole('group', {
      name: 'Why reject the comment by Amina Diallo?',
    });
    await user.click(within(article).getByRole('button', { name: 'Reject with this reason' }));
    expect(within(form).getByText('Choose a reason or write one.')).toBeInTheDocument();
    await user.click(within(form).getByRole('radio', { name: 'Spam' }));
    await user.click(within(article).getByRole('button', { name: 'Reject with this reason' }));
    expect(await within(article).findByText('Rejected by a moderator: Spam')).toBeInTheDocument();
    await waitFor(async () => expect(await status(c.id)).toBe('rejected'));
    unmount();

    await signInAs(AMINA);
    renderApp(`/discussions/${c.discussion_slug}/comments/${c.id}`);
    const own = await entry('Amina Diallo');
    expect(own).toHaveTextContent('Rejected by a moderator: Spam');
    expect(within(own).queryByRole('group', { name: /Moderate/ })).not.toBeInTheDocument();
  });

  it('rejects with a reason in the moderator’s own words', async () => {
    await addResource({ authorId: 'u-amina', title: 'My shop' });
    await signInAs(MODERATOR);
    const { user } = renderApp('/moderation');
    const article = await entry('My shop');
    await user.click(within(article).getByRole('button', { name: 'Reject' }));
    await user.click(within(article).getByRole('radio', { name: 'Another reason' }));
    await user.type(
      within(article).getByRole('textbox', { name: 'Reason in your words' }),
      'Not a resource',
    );
    await user.click(within(article).getByRole('button', { name: 'Reject with this reason' }));
    expect(
      await within(article).findByText('Rejected by a moderator: Not a resource'),
    ).toBeInTheDocument();
  });

  it('edits and approves, keeping the original text for moderators', async () => {
    const c = await addComment({
      authorId: 'u-amina',
      body: 'Social media helps, my phone numbr is 555',
    });
    await signInAs(MODERATOR);
    const { user } = renderApp('/moderation');
    const article = await entry('Amina Diallo');
    await user.click(within(article).getByRole('button', { name: 'Edit and approve' }));
    const text = within(article).getByRole('textbox', { name: 'Edited text' });
    expect(text).toHaveFocus();
    await user.clear(text);
    await user.type(text, 'Social media helps.');
    await user.click(within(article).getByRole('button', { name: 'Save and approve' }));
    expect(within(article).getByText('Social media helps.')).toBeInTheDocument();
    await waitFor(async () => expect(await status(c.id)).toBe('published'));
    const revisions = await within(article).findByText('Text before a moderator’s edit');
    await user.click(revisions);
    expect(within(article).getByText(c.body)).toBeVisible();
    expect((await findCommentRow(testDb(), c.id))?.body).toBe('Social media helps.');
  });

  it('approves and rejects several entries at once', async () => {
    const a = await addComment({ authorId: 'u-amina', body: 'First of three' });
    const ines = (await addParticipant('Inès Moreau')).id;
    const b = await addComment({ authorId: ines, body: 'Second of three' });
    const r = await addResource({ authorId: ines, title: 'Third of three' });
    await signInAs(MODERATOR);
    const { user } = renderApp('/moderation');
    await entry('Amina Diallo');

    await user.click(screen.getByRole('button', { name: 'Approve selected' }));
    expect(screen.getByText('Select at least one entry first.')).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'Select the comment by Amina Diallo' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select the comment by Inès Moreau' }));
    await user.click(screen.getByRole('button', { name: 'Approve selected' }));
    expect(await screen.findByText('Approved 2 entries.')).toBeInTheDocument();
    expect(await status(a.id)).toBe('published');
    expect(await status(b.id)).toBe('published');

    await user.click(screen.getByRole('checkbox', { name: 'Select all new entries' }));
    expect(
      screen.getByRole('checkbox', { name: 'Select the resource “Third of three”' }),
    ).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Reject selected' }));
    await user.click(screen.getByRole('radio', { name: 'Duplicate' }));
    await user.click(screen.getByRole('button', { name: 'Reject 1 entry' }));
    expect(await screen.findByText('Rejected 1 entry.')).toBeInTheDocument();
    expect(await status(r.id)).toBe('rejected');
    const log = await testDb()
      .selectFrom('moderation_log')
      .select('action')
      .orderBy('seq')
      .execute();
    expect(log.map((e) => e.action)).toEqual(['approve', 'approve', 'reject']);
  });

  it('says which decisions of a batch were refused', async () => {
    const a = await addComment({ authorId: 'u-amina', body: 'First' });
    const ines = (await addParticipant('Inès Moreau')).id;
    const b = await addComment({ authorId: ines, body: 'Second' });
    await signInAs(MODERATOR);
    const { user } = renderApp('/moderation');
    await entry('Amina Diallo');
    await rejectMeanwhile(b.id, 'Spam');
    await user.click(screen.getByRole('checkbox', { name: 'Select all new entries' }));
    await user.click(screen.getByRole('button', { name: 'Approve selected' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('1 decision was refused:');
    expect(alert).toHaveTextContent(
      'the comment by Inès Moreau: Another moderator decided first: this comment is now rejected.',
    );
    expect(await status(a.id)).toBe('published');
    expect(await entry('Inès Moreau')).toHaveTextContent('Rejected by a moderator: Spam');
  });

  it('puts a whole refused batch back', async () => {
    await addComment({ authorId: 'u-amina', body: 'First' });
    await signInAs(MODERATOR);
    server.use(
      http.post('/api/moderation/decisions/batch', () =>
        HttpResponse.json(
          { error: { code: 'forbidden', message: 'Only moderators can do this.' } },
          { status: 403 },
        ),
      ),
    );
    const { user } = renderApp('/moderation');
    const article = await entry('Amina Diallo');
    await user.click(screen.getByRole('checkbox', { name: 'Select all new entries' }));
    await user.click(screen.getByRole('button', { name: 'Approve selected' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'None of these decisions was saved, and the entries are back as they were. Only moderators can do this.',
    );
    expect(within(article).getByText(/Awaiting moderation/)).toBeInTheDocument();
  });

  it('shows the current state when another moderator decided first', async () => {
    const c = await addComment({ authorId: 'u-amina', body: 'A thought' });
    await signInAs(MODERATOR);
    const { user } = renderApp('/moderation');
    const article = await entry('Amina Diallo');
    await rejectMeanwhile(c.id, 'Off-topic');
    await user.click(within(article).getByRole('button', { name: 'Approve' }));
    const alert = await within(article).findByRole('alert');
    expect(alert).toHaveTextContent(
      'Another moderator decided first: this comment is now rejected. It now shows as it stands',
    );
    expect(article).toHaveTextContent('Rejected by a moderator: Off-topic');
    expect(within(article).queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
  });

  it('rolls a refused decision back with a clear message', async () => {
    const c = await addComment({ authorId: 'u-amina', body: 'A thought' });
    await signInAs(MODERATOR);
    let answer: () => void = () => undefined;
    server.use(
      http.post('/api/moderation/decisions', async () => {
        await new Promise<void>((resolve) => {
          answer = resolve;
        });
        return HttpResponse.json(
          { error: { code: 'internal', message: 'The database is asleep.' } },
          { status: 500 },
        );
      }),
    );
    const { user } = renderApp('/moderation');
    const article = await entry('Amina Diallo');
    await user.click(within(article).getByRole('button', { name: 'Approve' }));
    // At once, before the backend answers:
    expect(within(article).queryByText(/Awaiting moderation/)).not.toBeInTheDocument();
    answer();
    const alert = await within(article).findByRole('alert');
    expect(alert).toHaveTextContent(
      'Your decision was not saved, and the comment is back as it was. The database is asleep.',
    );
    expect(within(article).getByText(/Awaiting moderation/)).toBeInTheDocument();
    expect(within(article).getByRole('button', { name: 'Approve' })).toBeEnabled();
    expect(await status(c.id)).toBe('pending');
  });

  it('is not offered to participants, and the backend refuses them anyway', async () => {
    await addComment({ authorId: (await addParticipant('Inès Moreau')).id, body: 'A thought' });
    await signInAs(AMINA);
    renderApp('/moderation');
    expect(
      await screen.findByText(/Only moderators can see the moderation queue/),
    ).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: /Moderation/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
    await signOut();
  });
});

describe('after a decision', () => {
  it('counts the newly published comment on the home page', async () => {
    const ines = (await addParticipant('Inès Moreau')).id;
    await addComment({ authorId: ines, body: 'Offline action matters.' });
    await signInAs(MODERATOR);
    const { user } = renderApp('/');
    // The discussion's card on the home page, once that page shows: the queue links to the
    // discussion by the same title, and stays on screen until the home page replaces it.
    const card = async () => {
      await screen.findByRole('heading', { level: 1, name: 'Discussions' });
      const title = await screen.findByRole('heading', { level: 2, name: /Advancing women’s/ });
      return title.closest('li') as HTMLElement;
    };
    expect(within(await card()).getByText('6 published comments')).toBeInTheDocument();

    await user.click(await screen.findByRole('link', { name: /^Moderation/ }));
    await user.click(await screen.findByRole('button', { name: 'Approve' }));
    // Said once the backend has agreed, not when the entry first shows as approved.
    await screen.findByText('Approved the comment by Inès Moreau.');
    await user.click(screen.getByRole('link', { name: 'Discussions' }));
    expect(await within(await card()).findByText('7 published comments')).toBeInTheDocument();
  });
});
