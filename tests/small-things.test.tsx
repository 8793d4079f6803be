import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from './render-app';
import { DISCUSSION, MODERATOR, RESOURCES, api, signInAs } from './support';

describe('what a reader notices on a discussion’s pages', () => {
  it('says the seeded campaigns were mentioned in the original discussion, not “0 comments”', async () => {
    renderApp(DISCUSSION);
    const panel = await screen.findByRole('region', { name: 'Campaigns mentioned' });
    const item = (await within(panel).findByRole('link', { name: '#HeForShe' })).closest('li');
    expect(item).toHaveTextContent('#HeForShe mentioned in the original discussion');
    expect(panel).not.toHaveTextContent('0 comments');
  });

  it('says a new discussion has no campaign yet rather than show an empty box', async () => {
    await signInAs(MODERATOR);
    const made = await api('/discussions', 'POST', {
      title: 'A discussion without campaigns',
      introduction: 'Nothing mentioned yet.',
      organiser: 'Agora',
      startsOn: '2026-01-01',
      endsOn: '2026-01-31',
    });
    renderApp(`/discussions/${(made.body as { slug: string }).slug}`);
    const panel = await screen.findByRole('region', { name: 'Campaigns mentioned' });
    expect(await within(panel).findByText(/^No campaign yet/)).toBeInTheDocument();
  });

  it('lists the resources first, with a link down to the form that shares one', async () => {
    renderApp(RESOURCES);
    const list = await screen.findByRole('region', { name: 'Resources' });
    await within(list).findByRole('heading', { name: 'HarassMap' });
    const form = screen.getByRole('region', { name: 'Share a resource' });
    expect(list.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Share a resource' })).toHaveAttribute(
      'href',
      `#${form.id}`,
    );
  });
});
