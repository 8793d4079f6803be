/**
 * What people see when their text holds characters that readers would not: a
 * name of only invisible characters is refused on its field, with what to do and
 * the typed text kept; a name with a bidi override is kept without it; a new
 * account over its limit of waiting entries is told why, and keeps its comment.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NEW_ACCOUNT_PENDING_MAX } from '../src/api/contract';
import { DISCUSSION, fill } from './support';
import { renderApp } from './render-app';

const header = () => screen.getByRole('banner');

async function fillJoin(
  user: Parameters<typeof fill>[0],
  fields: { name: string; email: string },
): Promise<void> {
  await fill(user, await screen.findByLabelText('Display name'), fields.name);
  await fill(user, screen.getByLabelText('Email'), fields.email);
  await fill(user, screen.getByLabelText('Password'), 'a long password');
  await user.click(screen.getByRole('button', { name: 'Join' }));
}

describe('names people can read', () => {
  it('refuses a display name of only invisible characters on its field, keeping what was typed', async () => {
    const { user } = renderApp('/join');
    await fillJoin(user, { name: '\u202E\u200B', email: 'hidden@example.org' });

    const name = screen.getByLabelText('Display name');
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(name).toHaveAccessibleDescription(/Enter a name people can read/);
    expect(name).toHaveFocus();
    expect(name).toHaveValue('\u202E\u200B');
    expect(screen.getByLabelText('Email')).toHaveValue('hidden@example.org');
  });

  it('joins with a name that held a bidi override, shown without it', async () => {
    const { user } = renderApp(`/join?next=${encodeURIComponent(DISCUSSION)}`);
    await fillJoin(user, { name: 'Amina\u202Eevil', email: 'override@example.org' });
    expect(await within(header()).findByText('Aminaevil')).toBeVisible();
    expect(header()).not.toHaveTextContent('\u202E');
  });
});

describe('a new account', () => {
  it('is told why it cannot post more while entries wait, and keeps its text', async () => {
    const { user } = renderApp(`/join?next=${encodeURIComponent(DISCUSSION)}`);
    await fillJoin(user, { name: 'Keen Newcomer', email: 'keen@example.org' });
    const box = await screen.findByRole('textbox', { name: 'Your comment' });

    for (let n = 1; n <= NEW_ACCOUNT_PENDING_MAX; n++) {
      await fill(user, box, `Waiting comment number ${n}`);
      await user.click(screen.getByRole('button', { name: 'Post comment' }));
      await waitFor(() => expect(box).toHaveValue(''));
    }
    await fill(user, box, 'One comment too many');
    await user.click(screen.getByRole('button', { name: 'Post comment' }));
    expect(
      await screen.findByText(
        `New accounts can have ${NEW_ACCOUNT_PENDING_MAX} entries waiting for a moderator at once. You can post again once one is reviewed.`,
        { exact: false },
      ),
    ).toBeVisible();
    expect(box).toHaveValue('One comment too many');
  });
});
