import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { memory } from '../mocks/node';
import { renderApp } from './render-app';
import { AMINA, MODERATOR, api, fill, signInAs, signInThroughForm, signOut } from './support';

const NEW_PASSWORD = 'a fresh long password';

/** The site's header; a discussion's own header also counts as a banner in jsdom. */
const header = () => screen.getAllByRole('banner')[0] as HTMLElement;

afterEach(() => {
  delete memory.backend.mail;
});

/** A one-time link as a moderator issues it from the people page, for Amina. */
async function linkFromModerator(): Promise<string> {
  await signInAs(MODERATOR);
  const { status, body } = await api('/people/u-amina/reset-link', 'POST');
  expect(status).toBe(201);
  await signOut();
  return (body as { path: string }).path;
}

async function chooseNewPassword(user: ReturnType<typeof renderApp>['user'], password: string) {
  await fill(user, await screen.findByLabelText('New password'), password);
  await user.click(screen.getByRole('button', { name: 'Set the new password' }));
}

describe('a forgotten password', () => {
  it('is reached from the sign-in form; without email the page says to ask a moderator', async () => {
    const { user } = renderApp('/sign-in');
    await user.click(await screen.findByRole('link', { name: 'Forgot your password?' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Forgot your password?' }),
    ).toBeVisible();
    expect(
      await screen.findByText(
        'This forum does not send email. Ask a moderator for a one-time link to reset your password.',
      ),
    ).toBeVisible();
    expect(screen.queryByLabelText('Email')).not.toBeInTheDocument();
  });

  it('asks for a link by email where the forum sends email', async () => {
    const sent: { email: string; path: string }[] = [];
    memory.backend.mail = {
      sendResetLink: (to, path) => {
        sent.push({ email: to.email, path });
        return Promise.resolve();
      },
      sendNotifications: () => Promise.resolve(),
    };
    const { user } = renderApp('/reset-password');
    await fill(user, await screen.findByLabelText('Email'), AMINA.email);
    await user.click(screen.getByRole('button', { name: 'Send me a link' }));
    expect(
      await screen.findByText(
        'If an account has this email, a link is on its way. It works once, within an hour.',
      ),
    ).toBeVisible();
    expect(sent.map((m) => m.email)).toEqual([AMINA.email]);
    expect(sent[0]?.path).toMatch(/^\/reset-password\/[0-9a-f]+$/);
  });

  it('takes a new password from a moderator’s link, which then signs in', async () => {
    const path = await linkFromModerator();
    const { user } = renderApp(path);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Choose a new password' }),
    ).toBeVisible();
    await chooseNewPassword(user, NEW_PASSWORD);
    expect(await screen.findByText(/Your password is set\./)).toBeVisible();

    await user.click(screen.getByRole('link', { name: 'Sign in with your new password' }));
    await signInThroughForm(user, { email: AMINA.email, password: NEW_PASSWORD });
    expect(await within(header()).findByText('Amina Diallo')).toBeVisible();
    expect((await api('/session', 'POST', AMINA)).status).toBe(401);
  });

  it('says a used link has expired or been used, and offers to ask again', async () => {
    const path = await linkFromModerator();
    const token = path.replace('/reset-password/', '');
    expect(
      (await api(`/password-resets/${token}`, 'POST', { password: NEW_PASSWORD })).status,
    ).toBe(204);
    const { user } = renderApp(path);
    expect(await screen.findByRole('alert')).toHaveTextContent(/expired or has already been used/);
    await user.click(screen.getByRole('link', { name: 'Ask for a new link' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Forgot your password?' }),
    ).toBeVisible();
  });

  it('says so when the link is used elsewhere while the page is open, keeping nothing half-done', async () => {
    const path = await linkFromModerator();
    const token = path.replace('/reset-password/', '');
    const { user } = renderApp(path);
    const field = await screen.findByLabelText('New password');
    await api(`/password-resets/${token}`, 'POST', { password: NEW_PASSWORD });
    await fill(user, field, 'another long password');
    await user.click(screen.getByRole('button', { name: 'Set the new password' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/expired or has already been used/);
    expect(screen.getByRole('link', { name: 'Ask for a new link' })).toBeVisible();
  });

  it('names a new password the backend refuses, keeping the field', async () => {
    const path = await linkFromModerator();
    const { user } = renderApp(path);
    await chooseNewPassword(user, 'short');
    const field = screen.getByLabelText('New password');
    expect(await screen.findByText('Choose a password of at least 8 characters.')).toBeVisible();
    expect(field).toHaveAccessibleDescription(/at least 8 characters/);
    expect(field).toHaveValue('short');
  });
});
