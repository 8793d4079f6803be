import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { server } from '../mocks/node';
import { readDraft } from '../src/lib/drafts';
import { composerDraftKey } from '../src/features/comments/comment-composer';
import { renderApp } from './render-app';
import {
  AMINA,
  DISCUSSION,
  MODERATOR,
  RESOURCES,
  SEED_SLUG,
  commentsSaying,
  fill,
  findComment,
  signInAs,
  signInThroughForm,
  testDb,
  updateSeedDiscussion,
} from './support';

const COMMENTS_API = '/api/discussions/:slug/comments';

/**
 * A backend that holds the next write of this kind until the test lets it go
 * on to the real handler: the person can type while it is on its way.
 */
function holdNext(method: 'post' | 'patch' | 'put', path: string): () => void {
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  server.use(
    http[method](
      path,
      async () => {
        await gate;
        return undefined;
      },
      { once: true },
    ),
  );
  return release;
}

async function openDiscussion() {
  const view = renderApp(DISCUSSION);
  await screen.findByRole('heading', { level: 3, name: 'Nana Darkoa' });
  return view;
}

describe('what is typed while a write is on its way stays', () => {
  it('in the comment box, and in its draft, once the comment is posted', async () => {
    await signInAs(AMINA);
    const release = holdNext('post', COMMENTS_API);
    const { user } = await openDiscussion();
    const box = screen.getByRole('textbox', { name: 'Your comment' });
    await fill(user, box, 'The first thought');
    await user.click(screen.getByRole('button', { name: 'Post comment' }));
    await screen.findByRole('button', { name: 'Posting…' });
    await user.clear(box);
    await user.paste('A second thought, begun at once');
    release();

    await findComment('Amina Diallo', 'The first thought');
    await screen.findByRole('button', { name: 'Post comment' });
    expect(box).toHaveValue('A second thought, begun at once');
    expect(readDraft(composerDraftKey(SEED_SLUG), '')).toBe('A second thought, begun at once');
    expect(commentsSaying('A second thought')).toHaveLength(0);
  });

  it('in a reply, which stays open with the newer words', async () => {
    await signInAs(AMINA);
    const release = holdNext('post', COMMENTS_API);
    const { user } = await openDiscussion();
    const nana = await findComment('Nana Darkoa', 'Ghana');
    await user.click(within(nana).getByRole('button', { name: 'Reply' }));
    const box = within(nana).getByRole('textbox', { name: 'Your reply to Nana Darkoa' });
    await fill(user, box, 'Thank you');
    await user.click(within(nana).getByRole('button', { name: 'Post reply' }));
    await within(nana).findByRole('button', { name: 'Posting…' });
    await user.type(box, ', and one more question');
    release();

    await findComment('Amina Diallo', 'Thank you');
    await within(nana).findByRole('button', { name: 'Post reply' });
    expect(within(nana).getByRole('textbox', { name: 'Your reply to Nana Darkoa' })).toHaveValue(
      'Thank you, and one more question',
    );
  });

  it('in the edit form, which stays open when the words changed while it saved', async () => {
    await signInAs(AMINA);
    const { user } = await openDiscussion();
    await fill(user, screen.getByRole('textbox', { name: 'Your comment' }), 'Frist draft');
    await user.click(screen.getByRole('button', { name: 'Post comment' }));
    const mine = await findComment('Amina Diallo', 'Frist draft');

    const release = holdNext('patch', '/api/comments/:id');
    await user.click(within(mine).getByRole('button', { name: 'Edit' }));
    const box = within(mine).getByRole('textbox', { name: 'Edit your comment' });
    await user.clear(box);
    await user.paste('First draft');
    await user.click(within(mine).getByRole('button', { name: 'Save changes' }));
    await within(mine).findByRole('button', { name: 'Saving…' });
    await user.type(box, ', and a better ending');
    release();

    expect(
      await screen.findByText(
        'Your changes are saved. What you wrote since is still here to save.',
      ),
    ).toBeInTheDocument();
    const edited = await findComment('Amina Diallo', 'First draft');
    expect(within(edited).getByRole('textbox', { name: 'Edit your comment' })).toHaveValue(
      'First draft, and a better ending',
    );
  });

  it('in the resource form: a field changed meanwhile keeps its words, the others empty', async () => {
    await signInAs(AMINA);
    const release = holdNext('post', '/api/discussions/:slug/resources');
    const { user } = renderApp(RESOURCES);
    await screen.findByRole('heading', { level: 3, name: 'HarassMap' });
    const form = screen.getByRole('region', { name: 'Share a resource' });
    await fill(user, within(form).getByLabelText('Address'), 'https://example.org/toolkit');
    await fill(user, within(form).getByLabelText('Title'), 'A toolkit');
    await user.selectOptions(within(form).getByLabelText('Kind of resource'), 'Tool');
    await user.click(within(form).getByRole('button', { name: 'Share resource' }));
    await within(form).findByRole('button', { name: 'Sharing…' });
    const address = within(form).getByLabelText('Address');
    await user.clear(address);
    await user.paste('https://example.org/next');
    release();

    expect(await screen.findByText(/Your resource (is published|was sent)/)).toBeInTheDocument();
    expect(address).toHaveValue('https://example.org/next');
    expect(within(form).getByLabelText('Title')).toHaveValue('');
  });
});

describe('a moderator’s words stay', () => {
  beforeAll(() => import('../src/app/routes/digest'));

  it('in the editorial introduction typed while the previous one saves', async () => {
    await signInAs(MODERATOR);
    const release = holdNext('put', '/api/discussions/:slug/digest');
    const { user } = renderApp(`${DISCUSSION}/digest`);
    const panel = await screen.findByRole('region', { name: 'Edit the digest' });
    const box = within(panel).getByRole('textbox', { name: 'Editorial introduction' });
    await fill(user, box, 'Six voices.');
    await user.click(within(panel).getByRole('button', { name: 'Save introduction' }));
    await waitFor(() =>
      expect(within(panel).getByRole('button', { name: 'Save introduction' })).toBeDisabled(),
    );
    await user.type(box, ' And a seventh.');
    release();

    expect(await screen.findByText('Saved the editorial introduction.')).toBeInTheDocument();
    expect(box).toHaveValue('Six voices. And a seventh.');
  });
});

describe('offline', () => {
  it('says at once that the comment was not sent and that the text is kept, and offers to try again', async () => {
    await signInAs(AMINA);
    server.use(http.post(COMMENTS_API, () => HttpResponse.error(), { once: true }));
    const { user } = await openDiscussion();
    const box = screen.getByRole('textbox', { name: 'Your comment' });
    await fill(user, box, 'Written on a train');
    await user.click(screen.getByRole('button', { name: 'Post comment' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Your comment was not sent. Could not reach the server. Check your connection and try again. What you wrote is kept here.',
    );
    expect(box).toHaveValue('Written on a train');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await findComment('Amina Diallo', 'Written on a train');
  });

  it('gives up on a write that gets no answer, rather than spin', async () => {
    await signInAs(AMINA);
    // The write's deadline, passed when the test says so rather than after 20 s.
    const deadline = new AbortController();
    const timeout = vi.spyOn(AbortSignal, 'timeout').mockReturnValue(deadline.signal);
    server.use(http.post(COMMENTS_API, () => new Promise<never>(() => {}), { once: true }));
    const { user } = await openDiscussion();
    const box = screen.getByRole('textbox', { name: 'Your comment' });
    await fill(user, box, 'Into the void');
    await user.click(screen.getByRole('button', { name: 'Post comment' }));
    await screen.findByRole('button', { name: 'Posting…' });
    expect(timeout).toHaveBeenCalledWith(20_000);
    deadline.abort(new DOMException('The operation timed out.', 'TimeoutError'));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Your comment was not sent. The server did not answer within 20 seconds. Check your connection and try again. What you wrote is kept here.',
    );
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeVisible();
    expect(box).toHaveValue('Into the void');
  });
});

describe('a discussion that closed while someone wrote', () => {
  it('shows their saved text to read and copy, with the reason it closed', async () => {
    await signInAs(AMINA);
    const first = await openDiscussion();
    await fill(first.user, screen.getByRole('textbox', { name: 'Your comment' }), 'Half a thought');
    first.unmount();
    await updateSeedDiscussion({ status: 'closed', closed_reason: 'The consultation has ended' });

    const { user } = await openDiscussion();
    const composer = screen.getByRole('region', { name: 'Add a comment' });
    expect(composer).toHaveTextContent(
      'This discussion is closed: The consultation has ended. It no longer takes new comments.',
    );
    expect(within(composer).queryByRole('textbox', { name: 'Your comment' })).toBe(null);
    const unsent = within(composer).getByRole('textbox', { name: 'Your comment, not sent' });
    expect(unsent).toHaveValue('Half a thought');
    expect(unsent).toHaveAttribute('readonly');
    await user.click(within(composer).getByRole('button', { name: 'Copy your text' }));
    expect(await screen.findByText('Your text is copied.')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe('Half a thought');

    await user.click(within(composer).getByRole('button', { name: 'Remove it' }));
    expect(within(composer).queryByRole('textbox', { name: 'Your comment, not sent' })).toBe(null);
    expect(readDraft(composerDraftKey(SEED_SLUG), null)).toBe(null);
  });
});

describe('a session that ends while someone writes', () => {
  it('keeps a reply through signing in again', async () => {
    await signInAs(AMINA);
    const { user } = await openDiscussion();
    const nana = await findComment('Nana Darkoa', 'Ghana');
    await user.click(within(nana).getByRole('button', { name: 'Reply' }));
    await user.paste('Written before the session ended');
    await testDb().deleteFrom('sessions').execute();
    await user.click(within(nana).getByRole('button', { name: 'Post reply' }));

    const alert = await within(nana).findByRole('alert');
    expect(alert).toHaveTextContent('your session has ended. What you wrote is kept here.');
    await user.click(within(alert).getByRole('link', { name: 'Sign in' }));
    await signInThroughForm(user, AMINA);

    const back = await findComment('Nana Darkoa', 'Ghana');
    // Back on the page, the reply is open again with its saved draft.
    expect(
      await within(back).findByRole('textbox', { name: 'Your reply to Nana Darkoa' }),
    ).toHaveValue('Written before the session ended');
  });
});
