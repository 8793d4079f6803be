import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from './render-app';
import { AMINA, MODERATOR, api, fill, signInAs, signOut } from './support';

const DAY = 24 * 60 * 60 * 1000;
/** The UTC day `days` from today, as YYYY-MM-DD. */
const day = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const longDay = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

async function discussionAhead(): Promise<{ slug: string; startsOn: string; endsOn: string }> {
  await signInAs(MODERATOR);
  const startsOn = day(30);
  const endsOn = day(40);
  const made = await api('/discussions', 'POST', {
    title: 'A discussion that opens next month',
    introduction: 'Not yet.',
    organiser: 'Agora',
    startsOn,
    endsOn,
  });
  expect(made.status).toBe(201);
  await signOut();
  return { slug: (made.body as { slug: string }).slug, startsOn, endsOn };
}

describe('the dates of a discussion', () => {
  it('says when a discussion opens, and keeps a comment the backend refuses until then', async () => {
    const ahead = await discussionAhead();
    await signInAs(AMINA);
    const { user } = renderApp(`/discussions/${ahead.slug}`);

    expect(
      await screen.findByText(
        `It opens for comments and resources on ${longDay(ahead.startsOn)} at 00:00 UTC.`,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Not open yet')).toBeInTheDocument();
    const closing = new Date(`${ahead.endsOn}T00:00:00Z`).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    expect(
      screen.getByText(`It closes for new contributions on ${closing}, 23:59 UTC.`),
    ).toBeInTheDocument();

    const composer = screen.getByRole('region', { name: 'Add a comment' });
    expect(composer).toHaveTextContent(`This discussion opens on ${longDay(ahead.startsOn)}`);
    const box = within(composer).getByRole('textbox', { name: 'Your comment' });
    await fill(user, box, 'Written early, to post once it opens');
    await user.click(within(composer).getByRole('button', { name: 'Post comment' }));

    const alert = await within(composer).findByRole('alert');
    expect(alert).toHaveTextContent(
      `This discussion opens on ${longDay(ahead.startsOn)} at 00:00 UTC`,
    );
    expect(within(alert).queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    expect(box).toHaveValue('Written early, to post once it opens');
  });

  it('lists a discussion not open yet as such', async () => {
    await discussionAhead();
    renderApp('/');
    const card = (
      await screen.findByRole('link', { name: 'A discussion that opens next month' })
    ).closest('li') as HTMLElement;
    expect(within(card).getByText('Not open yet')).toBeInTheDocument();
  });

  it('explains the date fields by what they do, not by a format the picker does not show', async () => {
    await signInAs(MODERATOR);
    const { user } = renderApp('/discussions/new');
    const opens = await screen.findByLabelText('Opens on');
    expect(opens).toHaveAccessibleDescription('It takes comments from 00:00 UTC that day.');
    expect(screen.getByLabelText('Ends on')).toHaveAccessibleDescription(
      'It closes by itself at 23:59 UTC that day, unless a moderator sets another time.',
    );
    await user.click(screen.getByRole('button', { name: 'Create discussion' }));
    await screen.findByRole('alert');
    expect(opens).toHaveAccessibleDescription(/Choose a date\./);
    expect(document.body).not.toHaveTextContent(/YYYY/);
  });
});
