import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { server } from '../mocks/node';
import { parseCsv } from '../src/lib/csv';
import { renderApp } from './render-app';
import {
  AMINA,
  DISCUSSION,
  MODERATOR,
  ORIGIN,
  SEED_SLUG,
  addComment,
  addParticipant,
  signInAs,
} from './support';

const FEED = `${ORIGIN}/api/discussions/${SEED_SLUG}/feed.atom`;

const alternates = () =>
  Array.from(document.head.querySelectorAll('link[rel="alternate"][type="application/atom+xml"]'));

describe('feeds', () => {
  it('the discussion page links its Atom feed, for people and in the head for feed readers', async () => {
    renderApp(DISCUSSION);
    const link = await screen.findByRole('link', { name: 'Atom feed' });
    expect(link).toHaveAttribute('href', FEED);
    expect(alternates().map((l) => l.getAttribute('href'))).toEqual([FEED]);
    expect(alternates()[0]?.getAttribute('title')).toMatch(
      /^Advancing women’s rights through social media.*\(Atom\)$/,
    );

    // The in-page backend answers the feed too, with the page's own origin in its links.
    const answer = await fetch(FEED);
    expect(answer.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const doc = new DOMParser().parseFromString(await answer.text(), 'application/xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const first = doc.getElementsByTagName('entry')[0]?.getElementsByTagName('link')[0];
    expect(first?.getAttribute('href')).toMatch(new RegExp(`^${ORIGIN}/discussions/${SEED_SLUG}/`));
  });

  it('a feed holds the newest 50 entries, newest first', async () => {
    const bea = await addParticipant('Bea Okafor', { organisation: 'Kenya Women Online' });
    for (let i = 0; i < 60; i++) {
      await addComment({
        body: `Comment number ${i} on #HeForShe`,
        authorId: bea.id,
        status: 'published',
        createdAt: new Date(Date.UTC(2026, 2, 1, 9, i)).toISOString(),
      });
    }
    const doc = new DOMParser().parseFromString(
      await (await fetch(FEED)).text(),
      'application/xml',
    );
    const entries = Array.from(doc.getElementsByTagName('entry'));
    expect(entries).toHaveLength(50);
    const titles = entries.map((e) => e.getElementsByTagName('title')[0]?.textContent);
    expect(titles[0]).toBe('Bea Okafor (Kenya Women Online): Comment number 59 on #HeForShe');
    expect(titles[49]).toBe('Bea Okafor (Kenya Women Online): Comment number 10 on #HeForShe');
  });

  it('a campaign page links the campaign’s own feed, and the discussion’s is gone', async () => {
    const { user } = renderApp(DISCUSSION);
    await screen.findByRole('link', { name: 'Atom feed' });
    await user.click(await screen.findByRole('link', { name: '#HeForShe' }));
    await screen.findByRole('heading', { name: 'Campaign #HeForShe' });
    const campaignFeed = `${ORIGIN}/api/discussions/${SEED_SLUG}/campaigns/heforshe/feed.atom`;
    expect(screen.getByRole('link', { name: 'Atom feed' })).toHaveAttribute('href', campaignFeed);
    expect(alternates().map((l) => l.getAttribute('href'))).toEqual([campaignFeed]);
    expect(screen.getByText(/Follow new comments mentioning #HeForShe/)).toBeInTheDocument();
  });
});

describe('export for organisers', () => {
  // The moderator tools load lazily; compiling them on first use can outlast a findBy.
  beforeAll(() => import('../src/features/moderation/discussion-tools'));

  const tools = () => screen.findByRole('region', { name: 'Moderator tools' });

  it('a moderator downloads the discussion, one labelled link per file', async () => {
    await signInAs(MODERATOR);
    let saved: Blob | undefined;
    let filename = '';
    URL.createObjectURL = vi.fn((blob: Blob) => {
      saved = blob;
      return 'blob:export';
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      filename = this.download;
    });
    const { user } = renderApp(DISCUSSION);
    const downloads = within(await tools()).getByRole('region', {
      name: 'Download the discussion',
    });
    const names = within(downloads)
      .getAllByRole('link')
      .map((l) => l.textContent);
    expect(names).toEqual([
      'Comments (CSV)',
      'Resources (CSV)',
      'Campaigns (CSV)',
      'Everything (JSON)',
    ]);

    await user.click(within(downloads).getByRole('link', { name: 'Comments (CSV)' }));
    expect(await screen.findByText(`Downloaded ${SEED_SLUG}-comments.csv.`)).toBeInTheDocument();
    expect(filename).toBe(`${SEED_SLUG}-comments.csv`);
    const [header, ...rows] = parseCsv((await saved?.text()) ?? '');
    expect(header?.[0]).toBe('id');
    expect(rows.length).toBeGreaterThan(0);
  });

  it('a refused download says why and what to do', async () => {
    await signInAs(MODERATOR);
    server.use(
      http.get(`${ORIGIN}/api/discussions/:slug/export.json`, () =>
        HttpResponse.json(
          { error: { code: 'unauthenticated', message: 'Sign in to do this.' } },
          { status: 401 },
        ),
      ),
    );
    const { user } = renderApp(DISCUSSION);
    const tool = await tools();
    await user.click(within(tool).getByRole('link', { name: 'Everything (JSON)' }));
    expect(await within(tool).findByRole('alert')).toHaveTextContent(
      'Not downloaded. Sign in to do this.',
    );
  });

  it('a participant sees no download links', async () => {
    await signInAs(AMINA);
    renderApp(DISCUSSION);
    await screen.findByRole('link', { name: 'Atom feed' });
    expect(screen.queryByRole('region', { name: 'Moderator tools' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Comments (CSV)' })).toBeNull();
  });
});
