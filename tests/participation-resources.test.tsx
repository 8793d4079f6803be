import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { FLAG_HIDE_REASON } from '../src/api/contract';
import { server } from '../mocks/node';
import { flagEntry } from '../src/server/rules/flags';
import {
  AMINA,
  DISCUSSION,
  MODERATOR,
  RESOURCES,
  SEED_SLUG,
  addParticipant,
  api,
  credentials,
  ctxAs,
  fill,
  findComment,
  signInAs,
  signInThroughForm,
  updateSeedDiscussion,
} from './support';
import { renderApp } from './render-app';

type User = ReturnType<typeof renderApp>['user'];

async function openResources() {
  const view = renderApp(RESOURCES);
  await screen.findByRole('heading', { level: 3, name: 'HarassMap' });
  return view;
}

async function share(
  user: User,
  { url, title, kind }: { url: string; title: string; kind: string },
  description = '',
) {
  const form = screen.getByRole('region', { name: 'Share a resource' });
  await user.click(within(form).getByLabelText('Address'));
  await user.paste(url);
  await user.click(within(form).getByLabelText('Title'));
  await user.paste(title);
  await user.selectOptions(within(form).getByLabelText('Kind of resource'), kind);
  if (description) {
    await user.click(within(form).getByLabelText('Description (optional)'));
    await user.paste(description);
  }
  await user.click(within(form).getByRole('button', { name: 'Share resource' }));
}

/** From the home page, where the discussion's card counts its resources, to its resources. */
async function fromHomeToResources(user: User) {
  await user.click(await screen.findByRole('link', { name: /^Advancing women’s rights/ }));
  await user.click(await screen.findByRole('link', { name: 'Resources' }));
  await screen.findByRole('heading', { level: 1, name: 'Shared resources' });
  await screen.findByRole('heading', { level: 3, name: 'HarassMap' });
}

/** The discussion's card on the home page, once that page shows. */
async function homeCard() {
  await screen.findByRole('heading', { level: 1, name: 'Discussions' });
  const title = await screen.findByRole('heading', { level: 2, name: /^Advancing women’s/ });
  return title.closest('li') as HTMLElement;
}

const resourceTitles = () =>
  within(screen.getByRole('region', { name: 'Resources' }))
    .getAllByRole('heading', { level: 3 })
    .map((h) => h.textContent);

describe('sharing a resource', () => {
  it('shares a normalised address that waits for moderation', async () => {
    await signInAs(AMINA);
    const { user } = await openResources();
    const description = screen.getByLabelText('Description (optional)');
    expect(description).toHaveAccessibleDescription('500 characters left.');
    await user.type(description, 'Maps harassment');
    expect(description).toHaveAccessibleDescription('485 characters left.');
    await share(user, {
      url: '  HTTPS://HarassMap.ORG:443/en/#top ',
      title: 'HarassMap in English',
      kind: 'Tool',
    });

    const title = await screen.findByRole('link', { name: 'HarassMap in English' });
    expect(title).toHaveAttribute('href', 'https://harassmap.org/en/');
    const item = title.closest('article') as HTMLElement;
    expect(item).toHaveTextContent('Maps harassment');
    expect(item).toHaveTextContent('Shared by Amina Diallo');
    expect(item).toHaveTextContent('Awaiting moderation');
    expect(screen.getByText('Your resource was sent to the moderators')).toBeInTheDocument();
    expect(screen.getByLabelText('Address')).toHaveValue('');
  });

  it('refuses a javascript: address with a clear message on the field, keeping the form', async () => {
    await signInAs(AMINA);
    const { user } = await openResources();
    await share(user, { url: 'javascript:alert(document.cookie)', title: 'Free', kind: 'Other' });

    const address = screen.getByLabelText('Address');
    await waitFor(() => expect(address).toHaveAttribute('aria-invalid', 'true'));
    expect(address).toHaveAccessibleDescription(
      /Use an address that starts with http:\/\/ or https:\/\/\.$/,
    );
    expect(address).toHaveFocus();
    expect(address).toHaveValue('javascript:alert(document.cookie)');
    expect(screen.getByLabelText('Title')).toHaveValue('Free');
    expect(screen.queryByRole('link', { name: 'Free' })).not.toBeInTheDocument();
  });

  it('refuses an address already shared here and points to the existing entry', async () => {
    await signInAs(AMINA);
    const { user } = await openResources();
    await share(user, { url: 'https://example.org/guide', title: 'The guide', kind: 'Report' });
    await screen.findByRole('link', { name: 'The guide' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'Tool');
    await waitFor(() => expect(screen.queryByRole('link', { name: 'The guide' })).toBeNull());

    await share(user, { url: 'https://EXAMPLE.org/guide/#intro', title: 'Again', kind: 'Report' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'This address was already shared in this discussion as “The guide”.',
    );
    await user.click(within(alert).getByRole('button', { name: 'Show the existing entry' }));
    const existing = (await screen.findByRole('link', { name: 'The guide' })).closest('article');
    await waitFor(() => expect(existing).toHaveFocus());
  });

  it('keeps the form when the share fails, and sends it again', async () => {
    await signInAs(AMINA);
    server.use(
      http.post('/api/discussions/:slug/resources', () => HttpResponse.error(), { once: true }),
    );
    const { user } = await openResources();
    await share(user, { url: 'https://example.org/toolkit', title: 'Toolkit', kind: 'Tool' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your resource was not shared. Could not reach the server.');
    expect(screen.getByLabelText('Title')).toHaveValue('Toolkit');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Toolkit' })).toBeVisible();
  });

  it('sends a signed-out reader to sign in and back, with the form kept', async () => {
    const { user } = await openResources();
    await share(user, { url: 'https://example.org/course', title: 'A course', kind: 'Course' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await signInThroughForm(user, AMINA);
    expect(await screen.findByLabelText('Title')).toHaveValue('A course');
    expect(screen.getByLabelText('Kind of resource')).toHaveValue('course');
  });

  it('counts a resource that publishes at once on the home page', async () => {
    await signInAs(MODERATOR);
    await api(`/discussions/${SEED_SLUG}`, 'PATCH', { approvalMode: 'none' });
    await signInAs(AMINA);
    const { user } = renderApp('/');
    expect(within(await homeCard()).getByText('4 resources')).toBeInTheDocument();
    await fromHomeToResources(user);
    await share(user, { url: 'https://example.org/toolkit', title: 'Toolkit', kind: 'Tool' });
    expect(await screen.findByRole('link', { name: 'Toolkit' })).toBeVisible();

    await user.click(screen.getByRole('link', { name: 'Discussions' }));
    expect(await within(await homeCard()).findByText('5 resources')).toBeInTheDocument();
  });

  it('says a closed discussion takes no more resources', async () => {
    await updateSeedDiscussion({ status: 'closed' });
    await signInAs(AMINA);
    await openResources();
    expect(
      screen.getByText('This discussion is closed. It no longer takes new resources.'),
    ).toBeVisible();
    expect(screen.queryByLabelText('Address')).not.toBeInTheDocument();
  });
});

describe('browsing resources', () => {
  it('filters by kind and sorts by title', async () => {
    const { user } = await openResources();
    const filter = screen.getByRole('combobox', { name: 'Kind' });
    await user.selectOptions(filter, 'Tool');
    await waitFor(() => expect(resourceTitles()).toEqual(['HarassMap']));
    expect(screen.getByText('1 resource of kind tool')).toBeVisible();

    await user.selectOptions(filter, 'All kinds');
    // The address changes once the list is shown; a second choice waits for it, as a person's would.
    await waitFor(() => expect(resourceTitles()).toHaveLength(4));
    await user.selectOptions(screen.getByLabelText('Sort by'), 'Title, A to Z');
    await waitFor(() =>
      expect(resourceTitles()).toEqual([
        'Gender, Technology, and Social Change',
        'HarassMap',
        'Media and the Image of Women',
        'Online social change: easy to organize, hard to win',
      ]),
    );
  });
});

describe('flags', () => {
  it('are taken once per person on a comment', async () => {
    await signInAs(AMINA);
    const { user } = renderApp(DISCUSSION);
    const nana = await findComment('Nana Darkoa', 'Ghana');
    await user.click(within(nana).getByRole('button', { name: 'Flag' }));
    const why = within(nana).getByRole('radiogroup', {
      name: 'Why should the moderators look at this comment?',
    });
    await user.click(within(why).getByRole('radio', { name: 'Something else' }));
    await user.click(within(nana).getByRole('button', { name: 'Flag comment' }));
    // The flag shows at once and is taken back when the backend refuses it.
    const note = await within(nana).findByLabelText('Note for the moderators (required)');
    await waitFor(() => expect(note).toHaveAccessibleDescription('Say what is wrong.'));

    await fill(user, note, 'Looks copied from elsewhere');
    await user.click(within(nana).getByRole('button', { name: 'Flag comment' }));
    // The flag shows at once; the thanks come once the backend has taken it.
    expect(
      await screen.findByText('Thank you. The moderators will look at it.'),
    ).toBeInTheDocument();
    expect(within(nana).getByText('You flagged this for the moderators.')).toBeVisible();
    expect(within(nana).queryByRole('button', { name: 'Flag' })).not.toBeInTheDocument();
  });

  it('hide a resource once three different people have flagged it', async () => {
    for (const name of ['Ana', 'Ben']) {
      await flagEntry(await ctxAs((await addParticipant(name)).id), 'resource', 'r-original-4', {
        reason: 'spam',
        note: '',
      });
    }
    await signInAs(AMINA);
    const { user } = await openResources();
    const harassMap = screen
      .getByRole('heading', { level: 3, name: 'HarassMap' })
      .closest('article') as HTMLElement;
    await user.click(within(harassMap).getByRole('button', { name: 'Flag' }));
    await user.click(within(harassMap).getByRole('radio', { name: 'Spam' }));
    await user.click(within(harassMap).getByRole('button', { name: 'Flag resource' }));

    expect(await screen.findByText(`${FLAG_HIDE_REASON}.`)).toBeVisible();
    expect(screen.queryByRole('heading', { level: 3, name: 'HarassMap' })).not.toBeInTheDocument();
  });

  it('that hide a resource take it out of the home page’s count', async () => {
    // Participants of some standing: a new account's flags do not hide anything.
    for (const name of ['Ana', 'Ben']) {
      await signInAs(credentials(await addParticipant(name)));
      await api('/resources/r-original-4/flags', 'POST', { reason: 'spam', note: '' });
    }
    await signInAs(AMINA);
    const { user } = renderApp('/');
    expect(within(await homeCard()).getByText('4 resources')).toBeInTheDocument();
    await fromHomeToResources(user);
    const harassMap = screen
      .getByRole('heading', { level: 3, name: 'HarassMap' })
      .closest('article') as HTMLElement;
    await user.click(within(harassMap).getByRole('button', { name: 'Flag' }));
    await user.click(within(harassMap).getByRole('radio', { name: 'Spam' }));
    await user.click(within(harassMap).getByRole('button', { name: 'Flag resource' }));
    expect(await screen.findByText(`${FLAG_HIDE_REASON}.`)).toBeVisible();

    await user.click(screen.getByRole('link', { name: 'Discussions' }));
    expect(await within(await homeCard()).findByText('3 resources')).toBeInTheDocument();
  });

  it('lead a signed-out reader to sign in; Reply comes back with the reply open', async () => {
    const { user } = renderApp(DISCUSSION);
    const nana = await findComment('Nana Darkoa', 'Ghana');
    expect(within(nana).getByRole('link', { name: 'Flag' })).toHaveAttribute(
      'href',
      `/sign-in?next=${encodeURIComponent(DISCUSSION)}`,
    );
    await user.click(within(nana).getByRole('link', { name: 'Reply' }));
    await signInThroughForm(user, AMINA);

    const reply = await screen.findByRole('textbox', { name: 'Your reply to Nana Darkoa' });
    await waitFor(() => expect(reply).toHaveFocus());
  });
});
