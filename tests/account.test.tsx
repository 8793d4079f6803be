import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from './render-app';
import { AMINA, addComment, api, fill, findComment, signInAs, signInThroughForm } from './support';

/** The site's header; a discussion's own header also counts as a banner in jsdom. */
const header = () => screen.getAllByRole('banner')[0] as HTMLElement;

async function openAccount() {
  await signInAs(AMINA);
  const view = renderApp('/account');
  await screen.findByRole('heading', { level: 2, name: 'Name and organisation' });
  return view;
}

describe('one’s own account', () => {
  it('is reached from the header, and a visitor signs in first and comes back', async () => {
    const { user } = renderApp('/account');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await signInThroughForm(user, AMINA);
    expect(await screen.findByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
    expect(await screen.findByText('amina@example.org', { exact: false })).toBeVisible();

    await user.click(within(header()).getByRole('link', { name: 'Discussions' }));
    await user.click(await within(header()).findByRole('link', { name: 'Account' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  });

  it('changes the name and organisation, and the header shows the new name', async () => {
    const { user } = await openAccount();
    const name = screen.getByLabelText('Display name');
    await user.clear(name);
    await fill(user, name, 'Amina D. Diallo');
    await fill(user, screen.getByLabelText('Organisation (optional)'), 'Women’s Net');
    await user.click(screen.getByRole('button', { name: 'Save name and organisation' }));
    expect(await screen.findByText('Your name and organisation are saved.')).toBeVisible();
    expect(within(header()).getByText('Amina D. Diallo')).toBeVisible();
    expect(await api('/account')).toMatchObject({
      body: { user: { displayName: 'Amina D. Diallo', organisation: 'Women’s Net' } },
    });
  });

  it('refuses a wrong current password with a message, keeping what was typed', async () => {
    const { user } = await openAccount();
    const current = screen.getByLabelText('Current password');
    const next = screen.getByLabelText('New password');
    await fill(user, current, 'not my password');
    await fill(user, next, 'a much longer password');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('That password is not right.')).toBeVisible();
    expect(current).toHaveAccessibleDescription(/That password is not right\./);
    expect(current).toHaveValue('not my password');
    expect(next).toHaveValue('a much longer password');

    await user.clear(current);
    await fill(user, current, AMINA.password);
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(
      await screen.findByText('Your password is changed. You were signed out everywhere else.'),
    ).toBeVisible();
    expect(current).toHaveValue('');
    // Still signed in here, and the new password is the one that works.
    expect(within(header()).getByText('Amina Diallo')).toBeVisible();
    expect((await api('/session', 'POST', AMINA)).status).toBe(401);
    expect(
      (await api('/session', 'POST', { ...AMINA, password: 'a much longer password' })).status,
    ).toBe(200);
  });

  it('signs out everywhere, this browser included', async () => {
    const { user } = await openAccount();
    await user.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    expect(await screen.findByText('You are signed out.')).toBeVisible();
    expect(within(header()).getByRole('link', { name: 'Sign in' })).toBeVisible();
    expect(await api('/session')).toMatchObject({ body: { user: null } });
  });

  it('deletes the account after saying what happens; published comments stay as "Former participant"', async () => {
    await addComment({
      authorId: 'u-amina',
      body: 'Networks of bloggers amplify each other.',
      status: 'published',
    });
    const { user } = await openAccount();
    const section = screen.getByRole('region', { name: 'Delete your account' });
    expect(section).toHaveTextContent(
      'Your published comments and resources stay in their discussions, under the name “Former participant”.',
    );
    await user.click(within(section).getByRole('button', { name: 'Delete my account…' }));
    await user.click(within(section).getByRole('button', { name: 'Delete my account for good' }));
    // Without the password nothing is deleted, and the person is told why.
    const password = within(section).getByLabelText('Your password, to confirm');
    expect(await within(section).findByText('Enter your password to confirm.')).toBeVisible();
    expect(password).toHaveAccessibleDescription(/Enter your password to confirm\./);
    await fill(user, password, AMINA.password);
    await user.click(within(section).getByRole('button', { name: 'Delete my account for good' }));

    expect(await screen.findByText(/Your account is deleted\./)).toBeVisible();
    expect(within(header()).getByRole('link', { name: 'Sign in' })).toBeVisible();
    expect((await api('/session', 'POST', AMINA)).status).toBe(401);

    await user.click(screen.getByRole('link', { name: 'Back to the discussions' }));
    await user.click(await screen.findByRole('link', { name: /^Advancing women’s rights/ }));
    expect(
      await findComment('Former participant', 'Networks of bloggers amplify each other.'),
    ).toBeVisible();
  });
});
