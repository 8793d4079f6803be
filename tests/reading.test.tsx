import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../mocks/node';
import { renderApp } from './render-app';
import { SEED_SLUG, addComment } from './support';

const TITLE = 'Advancing women’s rights through social media: which strategies?';
const DISCUSSION = `/discussions/${SEED_SLUG}`;

/** The original extracts, word for word, with their authors, copied from the seed. */
const QUOTES: [author: string, organisation: string | null, quote: string][] = [
  [
    'Take Back the Tech!',
    null,
    "Take Back the Tech! campaigns, which run globally and have been localised in dozens of countries, have resulted in concrete changes in the relationship between technology and violence against women, ranging from successful advocacy for improvements in policies and legislation to women increasing their digital literacy and young people learning how to stand up to violence. Often, the key is pairing online action with offline action. Hashtags alone won't work, but if we continue the conversation on the ground, use the anecdotal evidence these social media chats produce, and mobilise people to put pressure on decision-makers, we can do a lot",
  ],
  [
    'Macarena Aguilar',
    'AWID',
    'Online activism is taking our struggles to a level of organising and mass consciousness that was not possible before (...) The storm of women bloggers, feminist blogs and online voices has rejuvenated so many important debates that were shelved and largely ignored by mainstream media',
  ],
  [
    'GGCA Secretariat',
    null,
    'Using social media, especially hashtag activism, is an effective way to kick-start an idea, raise awareness, and gain supporters. But on the ground action is what it really takes for lasting change',
  ],
  [
    'Keshet Bachan',
    null,
    'social media awareness and ‘action’ tends to be diffused, and it needs and organising source to harness the momentum into action',
  ],
  [
    'Liri Kopaci-Di Michele',
    null,
    'The "everydaysexim" project by Laura Bates - campaigned to pressure Facebook into filtering and banning groups and images that depict and promote violence against women. Watch video of Council of Europe conference and listen to Laura speak about this: http://bit.ly/1oSjyWE',
  ],
  [
    'Nana Darkoa',
    null,
    'I think what is needed in Ghana are large active movements of women who also proactively use social media to push for social justice',
  ],
];

describe('the home page', () => {
  it('lists the seeded discussion with its status, period and counts', async () => {
    renderApp('/');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Discussions' }),
    ).toBeInTheDocument();
    const link = await screen.findByRole('link', { name: TITLE });
    const card = link.closest('li') as HTMLElement;
    expect(within(card).getByText('Open')).toBeInTheDocument();
    expect(within(card).getByText('11–20 February 2015')).toBeInTheDocument();
    expect(within(card).getByText('6 published comments')).toBeInTheDocument();
    expect(within(card).getByText('4 resources')).toBeInTheDocument();
    expect(document.title).toBe('Discussions · Agora');
  });

  it('shows a clear message and a retry when the discussions cannot be loaded', async () => {
    server.use(
      http.get('/api/discussions', () =>
        HttpResponse.json(
          { error: { code: 'internal', message: 'The database is asleep.' } },
          { status: 500 },
        ),
      ),
    );
    const { user } = renderApp('/');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The discussions could not be loaded');
    expect(alert).toHaveTextContent('The database is asleep.');
    server.resetHandlers();
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: TITLE })).toBeInTheDocument();
  });
});

describe('the discussion page', () => {
  it('shows the header as the original page did', async () => {
    renderApp(DISCUSSION);
    expect(await screen.findByRole('heading', { level: 1, name: TITLE })).toBeInTheDocument();
    expect(screen.getByText('11–20 February 2015')).toBeInTheDocument();
    expect(screen.getByText('Online discussion organised by Wikigender')).toBeInTheDocument();
    const partners = screen.getByRole('heading', { name: 'Partners' }).parentElement as HTMLElement;
    for (const partner of ['EmpowerWomen.org', 'AWID', 'World Pulse', 'The Guardian']) {
      expect(within(partners).getByText(partner)).toBeInTheDocument();
    }
    expect(screen.getAllByText(/In partnership with/)).toHaveLength(1);
    expect(screen.getByText(/It was reopened so that people can try Agora/)).toBeInTheDocument();
    expect(screen.getByText(/to what extent social media is a powerful tool/)).toBeInTheDocument();
    const event = screen.getByRole('region', { name: 'Related event' });
    expect(event).toHaveTextContent(
      "“Making women's voices heard through social media from Beijing to the post-2015 agenda”",
    );
    expect(event).toHaveTextContent('17 March 2015');
    expect(event).toHaveTextContent('CSW59');
    expect(event).toHaveTextContent('New York');
    expect(event).toHaveTextContent('OECD Development Centre');
    expect(event).toHaveTextContent('UN Women');
    expect(event).toHaveTextContent(
      'French Ministry of Foreign Affairs and International Development',
    );
    expect(
      screen.getByRole('link', { name: 'Read the full original thread of comments and resources' }),
    ).toHaveAttribute('href', 'http://wikigender.org/index.php/Online_Discussions');
    // The page names the tab once its own view has rendered, after the layout's name.
    await waitFor(() => expect(document.title).toBe(`${TITLE} · Agora`));
  });

  it('shows every original comment word for word with its author and organisation', async () => {
    renderApp(DISCUSSION);
    const comments = await screen.findAllByRole('article', { name: /.+/ });
    for (const [author, organisation, quote] of QUOTES) {
      const heading = screen.getByRole('heading', { level: 3, name: author });
      const article = heading.closest('article') as HTMLElement;
      expect(comments).toContain(article);
      if (organisation) expect(within(article).getByText(organisation)).toBeInTheDocument();
      expect(article.querySelector('.prose')?.textContent.trim()).toBe(quote);
    }
  });

  it('makes links inside a comment clickable and safe', async () => {
    renderApp(DISCUSSION);
    const link = await screen.findByRole('link', { name: 'http://bit.ly/1oSjyWE' });
    expect(link).toHaveAttribute('href', 'http://bit.ly/1oSjyWE');
    expect(link).toHaveAttribute('rel', 'nofollow ugc noopener');
  });

  it('lists the four resources, saying where no address was recorded', async () => {
    renderApp(DISCUSSION);
    const panel = await screen.findByRole('region', { name: 'Shared resources' });
    const titles = [
      ['Gender, Technology, and Social Change', 'Course', 'TechChange'],
      ['Online social change: easy to organize, hard to win', 'Talk', 'Zeynep Tufekci'],
      ['Media and the Image of Women', 'Report', 'Council of Europe'],
      ['HarassMap', 'Tool', 'Egypt'],
    ] as const;
    for (const [title, kind, described] of titles) {
      const heading = await within(panel).findByRole('heading', { name: title });
      const item = heading.closest('article') as HTMLElement;
      expect(within(item).getByText(kind)).toBeInTheDocument();
      expect(item).toHaveTextContent(described);
      expect(item).toHaveTextContent('No address was recorded in the original discussion.');
    }
  });

  it('lists the six campaigns of the original digest', async () => {
    renderApp(DISCUSSION);
    const panel = await screen.findByRole('region', { name: 'Campaigns mentioned' });
    for (const tag of [
      'everydaysexism',
      'bringbackourgirls',
      'HeForShe',
      'OzgecanAslan',
      'MyDressMyChoice',
      '5thwcw',
    ]) {
      expect(await within(panel).findByRole('link', { name: `#${tag}` })).toBeInTheDocument();
    }
  });

  it('opens a permalink at its comment and highlights it', async () => {
    renderApp(`${DISCUSSION}/comments/c-original-4`);
    const heading = await screen.findByRole('heading', { level: 3, name: 'Keshet Bachan' });
    const article = heading.closest('article') as HTMLElement;
    expect(article).toHaveClass('is-target');
    await waitFor(() => expect(article).toHaveFocus());
    const permalink = within(article).getByRole('link', {
      name: 'Permalink to the comment by Keshet Bachan',
    });
    expect(permalink).toHaveAttribute('href', `${DISCUSSION}/comments/c-original-4`);
  });

  it('says when a discussion does not exist', async () => {
    renderApp('/discussions/no-such-thing');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Discussion not found' }),
    ).toBeInTheDocument();
  });

  it('offers a retry when the comments fail to load, and keeps the rest of the page', async () => {
    server.use(http.get('/api/discussions/:slug/comments', () => HttpResponse.error()));
    const { user } = renderApp(DISCUSSION);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The comments could not be loaded');
    expect(alert).toHaveTextContent('Could not reach the server');
    expect(screen.getByRole('heading', { level: 1, name: TITLE })).toBeInTheDocument();
    server.resetHandlers();
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByRole('heading', { level: 3, name: 'Nana Darkoa' }),
    ).toBeInTheDocument();
  });
});

describe('addresses that lead nowhere', () => {
  it('shows a not-found page', async () => {
    renderApp('/no/such/page');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page not found' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See all discussions' })).toBeInTheDocument();
  });
});

describe('hashtags inside a comment', () => {
  it('lead to the campaign page, inside the app', async () => {
    await addComment({
      authorId: 'u-amina',
      body: 'Local radio carried #HeForShe further than any feed.',
      status: 'published',
    });
    const { user } = renderApp(DISCUSSION);
    const comment = await screen.findByRole('article', { name: 'Amina Diallo' });
    await user.click(within(comment).getByRole('link', { name: '#HeForShe' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Campaign #HeForShe' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { level: 2, name: '1 comment mentioning #HeForShe' }),
    ).toBeInTheDocument();
  });
});
