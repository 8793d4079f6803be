import { screen, waitFor, within } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { memory, server } from '../mocks/node';
import { createApp } from '../src/server/app';
import { changeStatus } from '../src/server/store/entries';
import {
  AMINA,
  DISCUSSION,
  MODERATOR,
  SEED_SLUG,
  commentsSaying,
  findComment,
  signInAs,
  signInThroughForm,
  signOut,
  testDb,
  updateSeedDiscussion,
} from './support';
import { renderApp } from './render-app';

const COMMENTS_API = '/api/discussions/:slug/comments';
const AWAITING = 'Awaiting moderation — only you and the moderators see it.';

/** The app at the discussion, once its thread has loaded. */
async function openDiscussion(url = DISCUSSION) {
  const view = renderApp(url);
  await screen.findByRole('heading', { level: 3, name: 'Nana Darkoa' });
  return view;
}

const composer = () => screen.findByRole('textbox', { name: 'Your comment' });

/** Writes in the composer as a person would paste a prepared text. */
async function write(user: ReturnType<typeof renderApp>['user'], text: string) {
  await user.click(await composer());
  await user.paste(text);
}

describe('posting a comment', () => {
  it('shows it in place awaiting moderation to its author, and to nobody else', async () => {
    await signInAs(AMINA);
    const { user, unmount } = await openDiscussion();
    expect(screen.getByText(/Every comment is read by a moderator/)).toBeVisible();
    await write(user, 'Offline **action** matters');
    await user.click(screen.getByRole('button', { name: 'Post comment' }));

    const mine = await findComment('Amina Diallo', 'Offline action matters');
    expect(within(mine).getByText(AWAITING)).toBeVisible();
    expect(within(mine).getByText('action').tagName).toBe('STRONG');
    expect(await screen.findByText('Your comment was sent to the moderators')).toBeInTheDocument();
    expect(await composer()).toHaveValue('');

    unmount();
    await signOut();
    await openDiscussion();
    expect(commentsSaying('Offline action matters')).toHaveLength(0);
  });

  it('nests replies under their parent, and deeper replies join the third level', async () => {
    await updateSeedDiscussion({ approval_mode: 'none' });
    await signInAs(AMINA);
    const { user } = await openDiscussion();

    const reply = async (article: HTMLElement, author: string, text: string) => {
      await user.click(within(article).getByRole('button', { name: 'Reply' }));
      const box = within(article).getByRole('textbox', { name: `Your reply to ${author}` });
      expect(box).toHaveFocus();
      await user.paste(text);
      await user.click(within(article).getByRole('button', { name: 'Post reply' }));
      // Until the answer comes, the open form holds the text inside the comment answered.
      await waitFor(() => expect(box).not.toBeInTheDocument());
      const posted = await findComment('Amina Diallo', text);
      expect(posted).toHaveTextContent(`In reply to ${author}`);
      return posted;
    };

    const nana = await findComment('Nana Darkoa', 'Ghana');
    const first = await reply(nana, 'Nana Darkoa', 'First level');
    const second = await reply(first, 'Amina Diallo', 'Second level');
    const third = await reply(second, 'Amina Diallo', 'Third level');
    expect(await screen.findByText('Your reply is published')).toBeInTheDocument();

    const depth = (el: HTMLElement) => el.closest('li')?.className;
    expect([depth(nana), depth(first), depth(second), depth(third)]).toEqual([
      'depth-0',
      'depth-1',
      'depth-2',
      'depth-2',
    ]);
    // In thread order, each right under the one it answers.
    const order = screen.getAllByRole('article').map((a) => a.textContent);
    const at = order.findIndex((t) => t.includes('Ghana'));
    expect(
      order.slice(at + 1, at + 4).map((t) => /(First|Second|Third) level/.exec(t)?.[0]),
    ).toEqual(['First level', 'Second level', 'Third level']);
  });

  it('previews the safe rendering before posting', async () => {
    const { user } = await openDiscussion();
    await write(user, '**Bold** <b>raw</b> see https://example.org');
    await user.click(screen.getByRole('button', { name: 'Preview' }));

    const preview = screen.getByRole('region', { name: 'Preview' });
    expect(await within(preview).findByText('Bold')).toHaveProperty('tagName', 'STRONG');
    expect(preview).toHaveTextContent('<b>raw</b>');
    expect(within(preview).getByRole('link', { name: 'https://example.org' })).toHaveAttribute(
      'rel',
      'nofollow ugc noopener',
    );
    expect(screen.getByRole('button', { name: 'Preview' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(screen.getByRole('button', { name: 'Write' }));
    expect(await composer()).toHaveValue('**Bold** <b>raw</b> see https://example.org');
  });

  it('counts characters as they are typed and names a body the backend finds too long', async () => {
    await signInAs(AMINA);
    const { user } = await openDiscussion();
    const box = await composer();
    await user.type(box, '0123456789');
    expect(box).toHaveAccessibleDescription(/^9,990 characters left\./);

    await user.paste('x'.repeat(9_991));
    expect(box).toHaveAccessibleDescription(/^1 character too many\./);
    await user.click(screen.getByRole('button', { name: 'Post comment' }));
    await waitFor(() => expect(box).toHaveAttribute('aria-invalid', 'true'));
    expect(box).toHaveAccessibleDescription(/Keep it under 10,000 characters\.$/);
    expect(box).toHaveFocus();
    expect(box).toHaveValue(`0123456789${'x'.repeat(9_991)}`);
  });
});

describe('a closed discussion', () => {
  it('shows that it is closed instead of the composer', async () => {
    await updateSeedDiscussion({ status: 'closed' });
    await signInAs(AMINA);
    await openDiscussion();
    expect(
      screen.getByText('This discussion is closed. It no longer takes new comments.'),
    ).toBeVisible();
    expect(screen.queryByRole('textbox', { name: 'Your comment' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reply' })).not.toBeInTheDocument();
  });

  it('refuses a post made as it closed, keeping the text', async () => {
    await signInAs(AMINA);
    const { user } = await openDiscussion();
    await write(user, 'Just in time?');
    await updateSeedDiscussion({ status: 'closed' });
    await user.click(screen.getByRole('button', { name: 'Post comment' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Your comment was not sent. This discussion is closed.',
    );
    expect(await composer()).toHaveValue('Just in time?');
  });
});

describe('nothing is lost', () => {
  it('keeps the text when the session has ended, and posts it after signing in again', async () => {
    await signInAs(AMINA);
    const { user } = await openDiscussion();
    await write(user, 'Written before the session ended');
    await testDb().deleteFrom('sessions').execute();
    await user.click(screen.getByRole('button', { name: 'Post comment' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('your session has ended');
    expect(await composer()).toHaveValue('Written before the session ended');
    await user.click(within(alert).getByRole('link', { name: 'Sign in' }));

    await signInThroughForm(user, AMINA);
    expect(await composer()).toHaveValue('Written before the session ended');
    await user.click(screen.getByRole('button', { name: 'Post comment' }));
    expect(
      within(await findComment('Amina Diallo', 'Written before')).getByText(AWAITING),
    ).toBeVisible();
  });

  it('invites a reader to sign in, and brings them back to their text', async () => {
    const { user } = await openDiscussion();
    const composerRegion = screen.getByRole('region', { name: 'Add a comment' });
    expect(within(composerRegion).getByRole('link', { name: 'Join' })).toHaveAttribute(
      'href',
      `/join?next=${encodeURIComponent(DISCUSSION)}`,
    );
    await write(user, 'My first words here');
    await user.click(screen.getByRole('button', { name: 'Post comment' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await signInThroughForm(user, AMINA);
    expect(await composer()).toHaveValue('My first words here');
  });

  it('keeps the text on a network failure and a server error, and the retry posts it', async () => {
    await signInAs(AMINA);
    server.use(
      http.post(COMMENTS_API, () => HttpResponse.error(), { once: true }),
      http.post(
        COMMENTS_API,
        () =>
          HttpResponse.json(
            { error: { code: 'internal', message: 'The database is asleep.' } },
            { status: 500 },
          ),
        { once: true },
      ),
    );
    const { user } = await openDiscussion();
    await write(user, 'Third time lucky');
    await user.click(screen.getByRole('button', { name: 'Post comment' }));

    const offline = await screen.findByRole('alert');
    expect(offline).toHaveTextContent('Your comment was not sent. Could not reach the server.');
    expect(await composer()).toHaveValue('Third time lucky');
    await user.click(within(offline).getByRole('button', { name: 'Try again' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('The database is asleep.'),
    );
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    await findComment('Amina Diallo', 'Third time lucky');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(await composer()).toHaveValue('');
  });

  it('creates one comment when the answer was lost and the post is retried', async () => {
    await signInAs(AMINA);
    // The backend stores the comment, but its answer never reaches the browser.
    const app = createApp(memory.backend);
    server.use(
      http.post(
        COMMENTS_API,
        async ({ request, cookies }) => {
          const headers = new Headers(request.headers);
          headers.set(
            'Cookie',
            Object.entries(cookies)
              .map(([name, value]) => `${name}=${value}`)
              .join('; '),
          );
          const sent = new Request(request.url, {
            method: 'POST',
            headers,
            body: await request.text(),
          });
          expect((await app.fetch(sent)).status).toBe(201);
          return HttpResponse.error();
        },
        { once: true },
      ),
    );
    const { user } = await openDiscussion();
    await write(user, 'Sent once, answered late');
    await user.click(screen.getByRole('button', { name: 'Post comment' }));
    await user.click(
      within(await screen.findByRole('alert')).getByRole('button', { name: 'Try again' }),
    );

    await findComment('Amina Diallo', 'Sent once, answered late');
    expect(commentsSaying('Sent once, answered late')).toHaveLength(1);
  });

  it('creates one comment from a double click on Post', async () => {
    await signInAs(AMINA);
    // A slow network, so that the second click comes while the first is on its way.
    server.use(
      http.post(COMMENTS_API, async () => {
        await delay(30);
      }),
    );
    const { user } = await openDiscussion();
    await write(user, 'Clicked twice');
    await user.dblClick(screen.getByRole('button', { name: 'Post comment' }));

    await findComment('Amina Diallo', 'Clicked twice');
    expect(commentsSaying('Clicked twice')).toHaveLength(1);
  });

  it('keeps drafts of the comment and of each reply across a reload', async () => {
    await signInAs(AMINA);
    const first = await openDiscussion();
    await write(first.user, 'A draft comment');
    const nana = await findComment('Nana Darkoa', 'Ghana');
    await first.user.click(within(nana).getByRole('button', { name: 'Reply' }));
    await first.user.paste('A draft reply');
    first.unmount();

    await openDiscussion();
    expect(await composer()).toHaveValue('A draft comment');
    expect(
      within(await findComment('Nana Darkoa', 'Ghana')).getByRole('textbox', {
        name: 'Your reply to Nana Darkoa',
      }),
    ).toHaveValue('A draft reply');
  });
});

describe('a comment waiting for moderation', () => {
  it('can be edited and withdrawn by its author', async () => {
    await signInAs(AMINA);
    const { user } = await openDiscussion();
    await write(user, 'Frist tyop');
    await user.click(screen.getByRole('button', { name: 'Post comment' }));
    const mine = await findComment('Amina Diallo', 'Frist tyop');

    await user.click(within(mine).getByRole('button', { name: 'Edit' }));
    const box = within(mine).getByRole('textbox', { name: 'Edit your comment' });
    expect(box).toHaveFocus();
    expect(box).toHaveValue('Frist tyop');
    await user.clear(box);
    await user.paste('First *typo* fixed');
    await user.click(within(mine).getByRole('button', { name: 'Save changes' }));
    const edited = await findComment('Amina Diallo', 'First typo fixed');
    expect(within(edited).getByText('typo').tagName).toBe('EM');
    expect(within(edited).getByText('edited')).toBeVisible();
    expect(within(edited).getByText(AWAITING)).toBeVisible();

    // The actions come back once the edit form has closed.
    await user.click(await within(edited).findByRole('button', { name: 'Withdraw' }));
    const confirm = within(edited).getByRole('group', { name: 'Withdraw this comment?' });
    expect(within(confirm).getByRole('button', { name: 'Keep it' })).toHaveFocus();
    await user.click(within(confirm).getByRole('button', { name: 'Withdraw comment' }));
    await waitFor(() => expect(commentsSaying('First typo fixed')).toHaveLength(0));
    expect(await screen.findByText('Your comment was withdrawn')).toBeInTheDocument();
  });

  it("is the author's alone: the backend refuses others and readers", async () => {
    const api = (path: string, init?: RequestInit) =>
      fetch(new URL(`/api${path}`, window.location.origin), {
        headers: { 'Content-Type': 'application/json' },
        ...init,
      });
    const post = await api(`/discussions/${SEED_SLUG}/comments`, {
      method: 'POST',
      body: JSON.stringify({ body: 'Nobody signed in' }),
    });
    expect(post.status).toBe(401);

    await signInAs(AMINA);
    const edit = await api('/comments/c-original-1', {
      method: 'PATCH',
      body: JSON.stringify({ body: 'Rewritten by Amina' }),
    });
    expect(edit.status).toBe(403);
    expect(await edit.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect((await api('/comments/c-original-1', { method: 'DELETE' })).status).toBe(403);
  });
});

describe('approval modes', () => {
  it("'none' publishes at once", async () => {
    await updateSeedDiscussion({ approval_mode: 'none' });
    await signInAs(AMINA);
    const { user } = await openDiscussion();
    expect(screen.getByText('Your comments are published at once.')).toBeVisible();
    await write(user, 'Straight to the thread');
    await user.click(screen.getByRole('button', { name: 'Post comment' }));
    const mine = await findComment('Amina Diallo', 'Straight to the thread');
    expect(within(mine).queryByText(AWAITING)).not.toBeInTheDocument();
    expect(await screen.findByText('Your comment is published')).toBeInTheDocument();
  });

  it("'first' publishes once the person has a published entry", async () => {
    await updateSeedDiscussion({ approval_mode: 'first' });
    await signInAs(AMINA);
    const { user } = await openDiscussion();
    await write(user, 'My first comment');
    await user.click(screen.getByRole('button', { name: 'Post comment' }));
    expect(
      within(await findComment('Amina Diallo', 'My first comment')).getByText(AWAITING),
    ).toBeVisible();

    // A moderator approves it (the moderators' side does this through its queue).
    const first = await testDb()
      .selectFrom('comments')
      .select('id')
      .where('body', '=', 'My first comment')
      .executeTakeFirstOrThrow();
    await changeStatus(testDb(), 'comment', first.id, 'pending', 'published', null);
    await write(user, 'My second comment');
    await user.click(screen.getByRole('button', { name: 'Post comment' }));
    const second = await findComment('Amina Diallo', 'My second comment');
    expect(within(second).queryByText(AWAITING)).not.toBeInTheDocument();
  });

  it("publishes a moderator's own comment at once", async () => {
    await signInAs(MODERATOR);
    const { user } = await openDiscussion();
    await write(user, 'Welcome, everyone');
    await user.click(screen.getByRole('button', { name: 'Post comment' }));
    const mine = await findComment('Wikigender moderator', 'Welcome, everyone');
    expect(within(mine).queryByText(AWAITING)).not.toBeInTheDocument();
  });
});

describe('campaigns', () => {
  it('count a hashtag once its comment is published, and list the comment', async () => {
    await updateSeedDiscussion({ approval_mode: 'none' });
    await signInAs(AMINA);
    const { user } = await openDiscussion();
    const campaigns = screen.getByRole('region', { name: 'Campaigns mentioned' });
    expect(await within(campaigns).findByRole('link', { name: '#HeForShe' })).toBeVisible();
    expect(within(campaigns).queryByRole('link', { name: '#NiUnaMenos' })).toBeNull();

    await write(user, 'From Buenos Aires: #NiUnaMenos and #HeForShe');
    await user.click(screen.getByRole('button', { name: 'Post comment' }));
    const link = await within(campaigns).findByRole('link', { name: '#NiUnaMenos' });
    expect(link.closest('li')).toHaveTextContent('#NiUnaMenos 1 comment');
    expect(
      within(campaigns).getByRole('link', { name: '#HeForShe' }).closest('li'),
    ).toHaveTextContent('#HeForShe 1 comment');

    await user.click(link);
    expect(
      await screen.findByRole('heading', { name: '1 comment mentioning #NiUnaMenos' }),
    ).toBeVisible();
    expect(await findComment('Amina Diallo', 'From Buenos Aires')).toBeVisible();
  });
});
