import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { safeNext } from '../src/lib/return-to';
import { AMINA, DISCUSSION, fill, signInThroughForm } from './support';
import { renderApp } from './render-app';

/** The site's header; a discussion's own header also counts as a banner in jsdom. */
const header = () => screen.getAllByRole('banner')[0] as HTMLElement;

describe('joining', () => {
  it('creates an account, signs in and goes back to where the person was', async () => {
    const { user } = renderApp(`/join?next=${encodeURIComponent(DISCUSSION)}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Join Agora' })).toBeVisible();
    await fill(user, screen.getByLabelText('Display name'), 'Zeynep Kaya');
    await fill(user, screen.getByLabelText('Organisation (optional)'), 'Kadın Dayanışma');
    await fill(user, screen.getByLabelText('Email'), 'zeynep@example.org');
    await fill(user, screen.getByLabelText('Password'), 'a long password');
    await user.click(screen.getByRole('button', { name: 'Join' }));

    expect(await screen.findByRole('heading', { level: 3, name: 'Nana Darkoa' })).toBeVisible();
    expect(within(header()).getByText('Zeynep Kaya')).toBeVisible();
    expect(within(header()).getByRole('button', { name: 'Sign out' })).toBeVisible();
  });

  it('names each field the backend refuses, and an email already taken', async () => {
    const { user } = renderApp('/join');
    await user.click(await screen.findByRole('button', { name: 'Join' }));
    const name = screen.getByLabelText('Display name');
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(name).toHaveFocus();
    expect(name).toHaveAccessibleDescription(/Enter a display name of at least 2 characters\./);
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
      /Choose a password of at least 8 characters\./,
    );

    await fill(user, name, 'Amina again');
    await fill(user, screen.getByLabelText('Email'), 'AMINA@example.org');
    await fill(user, screen.getByLabelText('Password'), 'a long password');
    await user.click(screen.getByRole('button', { name: 'Join' }));
    expect(await screen.findByText('An account with this email already exists.')).toBeVisible();
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
  });
});

describe('signing in and out', () => {
  it('lists the demo accounts, signs in with one and comes back; signing out shows the links again', async () => {
    const { user } = renderApp(DISCUSSION);
    await screen.findByRole('heading', { level: 3, name: 'Nana Darkoa' });
    await user.click(within(header()).getByRole('link', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    const demo = screen.getByRole('region', { name: 'Demo accounts' });
    expect(demo).toHaveTextContent('amina@example.org / demo-participant');
    expect(demo).toHaveTextContent('moderator@example.org / demo-moderator');
    await user.click(within(demo).getByRole('button', { name: 'Use the participant account' }));
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 3, name: 'Nana Darkoa' })).toBeVisible();
    expect(within(header()).getByText('Amina Diallo')).toBeVisible();
    expect(screen.getByText('You are signed in as Amina Diallo')).toBeInTheDocument();

    await user.click(within(header()).getByRole('button', { name: 'Sign out' }));
    const signIn = await within(header()).findByRole('link', { name: 'Sign in' });
    expect(signIn).toBeVisible();
    // The button that had focus is gone; focus takes its place rather than falling to the page.
    expect(signIn).toHaveFocus();
    expect(within(header()).queryByText('Amina Diallo')).not.toBeInTheDocument();
  });

  it('says when the email and password do not match', async () => {
    const { user } = renderApp('/sign-in');
    await fill(user, await screen.findByLabelText('Email'), 'amina@example.org');
    await fill(user, screen.getByLabelText('Password'), 'not-her-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'That email and password do not match an account.',
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  });

  it('goes home rather than to another site', async () => {
    const { user } = renderApp(`/sign-in?next=${encodeURIComponent('//evil.example/')}`);
    await signInThroughForm(user, AMINA);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Discussions' }),
    ).toBeInTheDocument();
  });

  it.each([
    [null, '/'],
    ['', '/'],
    ['/discussions/x?reply=1#c', '/discussions/x?reply=1#c'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['/\t/evil.example', '/'],
    ['https://evil.example/', '/'],
    ['javascript:alert(1)', '/'],
  ])('only follows same-site paths: %j → %j', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});
