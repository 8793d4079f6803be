import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { server } from '../mocks/node';
import { renderApp } from './render-app';
import {
  DISCUSSION,
  MODERATOR,
  SEED_SLUG,
  api,
  seedDiscussionRow,
  signInAs,
  signOut,
  testDb,
} from './support';

const DIGEST = `${DISCUSSION}/digest`;
const AUTHORS = [
  'Take Back the Tech!',
  'Macarena Aguilar, AWID',
  'GGCA Secretariat',
  'Keshet Bachan',
  'Liri Kopaci-Di Michele',
  'Nana Darkoa',
];

const extracts = () =>
  screen.getAllByRole('figure').map((f) => f.querySelector('figcaption')?.textContent);
/** The moderation log's latest entry. */
const lastLogEntry = () =>
  testDb()
    .selectFrom('moderation_log')
    .select(['action', 'reason'])
    .orderBy('seq', 'desc')
    .executeTakeFirst();
const editor = () => screen.findByRole('region', { name: 'Edit the digest' });

describe('the digest of extracts', () => {
  // The route's code loads lazily; compiling it on first use can outlast a findBy on a busy machine.
  beforeAll(() => import('../src/app/routes/digest'));

  it('reads like the original for everyone once published', async () => {
    const { user } = renderApp(DISCUSSION);
    await user.click(await screen.findByRole('link', { name: 'Digest of extracts' }));
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Extracts from the Wikigender online discussion',
      }),
    ).toBeInTheDocument();
    const digest = await screen.findByRole('article', {
      name: '“Advancing women’s rights through social media: which strategies?”',
    });
    expect(digest).toHaveTextContent('11–20 February 2015');
    // The introduction names the partners; the digest says it once.
    expect(digest.textContent.match(/In partnership with/g)).toHaveLength(1);
    expect(digest).toHaveTextContent(
      'In partnership with EmpowerWomen.org, AWID, World Pulse and The Guardian, Wikigender organised',
    );
    expect(extracts()).toEqual(AUTHORS);
    const quotes = within(digest).getAllByRole('blockquote');
    expect(quotes[1]?.textContent).toBe(
      '“Online activism is taking our struggles to a level of organising and mass consciousness that was not possible before (...) The storm of women bloggers, feminist blogs and online voices has rejuvenated so many important debates that were shelved and largely ignored by mainstream media”',
    );
    const campaigns = within(digest).getByRole('region', {
      name: 'Some of the #campaigns mentioned',
    });
    expect(
      within(campaigns)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual([
      '#everydaysexism',
      '#bringbackourgirls',
      '#HeForShe',
      '#OzgecanAslan',
      '#MyDressMyChoice',
      '#5thwcw',
    ]);
    const resources = within(digest).getByRole('region', {
      name: 'A selection of resources shared by participants',
    });
    expect(within(resources).getAllByRole('listitem')).toHaveLength(4);
    expect(within(digest).getByRole('region', { name: 'Related event' })).toHaveTextContent(
      '17 March 2015',
    );
    expect(screen.queryByRole('region', { name: 'Edit the digest' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Print' })).toBeInTheDocument();
  });

  it('lets a moderator reorder the extracts', async () => {
    await signInAs(MODERATOR);
    const { user } = renderApp(DIGEST);
    const panel = await editor();
    const down = within(panel).getByRole('button', {
      name: 'Move down the extract by Take Back the Tech!',
    });
    expect(
      within(panel).getByRole('button', { name: 'Move up the extract by Take Back the Tech!' }),
    ).toBeDisabled();
    await user.click(down);
    expect(extracts().slice(0, 2)).toEqual(['Macarena Aguilar, AWID', 'Take Back the Tech!']);
    await waitFor(() => expect(down).toHaveFocus());
    await user.click(
      within(panel).getByRole('button', { name: 'Move up the extract by Nana Darkoa' }),
    );
    expect(extracts().slice(-2)).toEqual(['Nana Darkoa', 'Liri Kopaci-Di Michele']);
    await waitFor(async () =>
      expect(JSON.parse((await seedDiscussionRow()).digest_order)).toEqual([
        'c-original-2',
        'c-original-1',
        'c-original-3',
        'c-original-4',
        'c-original-6',
        'c-original-5',
      ]),
    );
    expect(
      await screen.findByText('Moved the extract by Nana Darkoa to position 5 of 6.'),
    ).toBeInTheDocument();
  });

  it('rolls a refused reorder back', async () => {
    await signInAs(MODERATOR);
    server.use(
      http.put('/api/discussions/:slug/digest', () =>
        HttpResponse.json(
          { error: { code: 'internal', message: 'The database is asleep.' } },
          { status: 500 },
        ),
      ),
    );
    const { user } = renderApp(DIGEST);
    const panel = await editor();
    await user.click(
      within(panel).getByRole('button', { name: 'Move down the extract by Keshet Bachan' }),
    );
    expect(await within(panel).findByRole('alert')).toHaveTextContent(
      'Not saved, and the digest is back as it was. The database is asleep.',
    );
    expect(extracts()).toEqual(AUTHORS);
  });

  it('adds an editorial introduction and chooses the resources', async () => {
    await signInAs(MODERATOR);
    const { user, unmount } = renderApp(DIGEST);
    const panel = await editor();
    await user.type(
      within(panel).getByRole('textbox', { name: 'Editorial introduction' }),
      'Six voices that shaped the discussion.',
    );
    await user.click(within(panel).getByRole('button', { name: 'Save introduction' }));
    expect(await screen.findByRole('note', { name: 'Editorial introduction' })).toHaveTextContent(
      'Six voices that shaped the discussion.',
    );

    await user.click(within(panel).getByRole('checkbox', { name: 'HarassMap' }));
    await user.click(within(panel).getByRole('button', { name: 'Save resource selection' }));
    const resources = screen.getByRole('region', {
      name: 'A selection of resources shared by participants',
    });
    await waitFor(() => expect(within(resources).getAllByRole('listitem')).toHaveLength(3));
    expect(resources).not.toHaveTextContent('HarassMap');
    unmount();

    await signOut();
    renderApp(DIGEST);
    expect(await screen.findByRole('note', { name: 'Editorial introduction' })).toHaveTextContent(
      'Six voices that shaped the discussion.',
    );
  });

  it('unpublished, is not readable by readers', async () => {
    await signInAs(MODERATOR);
    const { user, unmount } = renderApp(DIGEST);
    const panel = await editor();
    await user.click(within(panel).getByRole('button', { name: 'Unpublish digest' }));
    expect(
      await within(panel).findByRole('button', { name: 'Publish digest' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('This digest is not published: only moderators can see it.'),
    ).toBeInTheDocument();
    // Moderators still reach it from the tabs.
    expect(screen.getByRole('link', { name: 'Digest of extracts' })).toBeInTheDocument();
    unmount();

    await signOut();
    expect((await api(`/discussions/${SEED_SLUG}/digest`)).status).toBe(404);
    renderApp(DIGEST);
    expect(
      await screen.findByText('The digest of extracts of this discussion is not published yet.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('figure')).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Digest of extracts' })).not.toBeInTheDocument();
    expect(await lastLogEntry()).toMatchObject({
      action: 'publish-digest',
      reason: 'Unpublished the digest.',
    });
  });

  it('downloads as Markdown', async () => {
    let saved: Blob | undefined;
    let filename = '';
    URL.createObjectURL = vi.fn((blob: Blob) => {
      saved = blob;
      return 'blob:digest';
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      filename = this.download;
    });
    const { user } = renderApp(DIGEST);
    await user.click(await screen.findByRole('button', { name: 'Download as Markdown' }));
    expect(filename).toBe(`${SEED_SLUG}-digest.md`);
    const text = await saved?.text();
    expect(text).toMatch(
      /^# Extracts from the Wikigender online discussion\n\n## “Advancing women’s rights through social media: which strategies\?”\n\n11–20 February 2015\n/,
    );
    expect(text).toContain(
      '> “I think what is needed in Ghana are large active movements of women who also proactively use social media to push for social justice”\n>\n> — Nana Darkoa\n',
    );
    expect(text).toContain('> — Macarena Aguilar, AWID\n');
    expect(text).toContain(
      '## Some of the #campaigns mentioned\n\n#everydaysexism, #bringbackourgirls',
    );
    expect(text).toContain(
      '## A selection of resources shared by participants\n\n- **Gender, Technology, and Social Change**: A 4-week online course by TechChange (Fall 2015).',
    );
    expect(text).toContain('## Related event');
    expect(await screen.findByText(`Downloaded ${SEED_SLUG}-digest.md.`)).toBeInTheDocument();
  });

  it('prints through the browser', async () => {
    const print = vi.fn();
    window.print = print;
    const { user } = renderApp(DIGEST);
    await user.click(await screen.findByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalled();
  });
});
