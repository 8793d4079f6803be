import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AMINA, DISCUSSION, fill, signInAs } from './support';
import { renderApp } from './render-app';

describe('resetting the demo data', () => {
  it('brings back the original discussion and forgets what was added, drafts included', async () => {
    await signInAs(AMINA);
    const { user } = renderApp(DISCUSSION);
    await fill(
      user,
      await screen.findByRole('textbox', { name: 'Your comment' }),
      'Added in the demo.',
    );
    await user.click(screen.getByRole('button', { name: 'Post comment' }));
    expect(await screen.findByText('Added in the demo.')).toBeInTheDocument();
    await fill(user, screen.getByRole('textbox', { name: 'Your comment' }), 'A draft to forget.');

    const footer = screen.getByRole('contentinfo');
    await user.click(within(footer).getByRole('button', { name: 'Reset demo data' }));
    await user.click(within(footer).getByRole('button', { name: 'Reset' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Discussions' }),
    ).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Sign in' })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: /Advancing women’s rights/ }));
    expect(
      await screen.findByRole('heading', { level: 3, name: 'Nana Darkoa' }),
    ).toBeInTheDocument();
    expect(screen.queryByText('Added in the demo.')).not.toBeInTheDocument();
    expect(screen.getByText(/^6 comments/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Your comment' })).toHaveValue('');
  });
});
