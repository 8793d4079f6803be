import { waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AMINA, DISCUSSION, fill, findComment, signInAs } from './support';
import { renderApp } from './render-app';

describe('Escape', () => {
  it('closes a reply, gives the focus back to Reply, and keeps the words for later', async () => {
    await signInAs(AMINA);
    const { user } = renderApp(DISCUSSION);
    const nana = await findComment('Nana Darkoa', 'Ghana');
    await user.click(within(nana).getByRole('button', { name: 'Reply' }));
    const reply = within(nana).getByRole('textbox', { name: 'Your reply to Nana Darkoa' });
    await waitFor(() => expect(reply).toHaveFocus());
    await user.keyboard('Half a thought');

    await user.keyboard('{Escape}');
    expect(within(nana).queryByRole('textbox', { name: /Your reply/ })).not.toBeInTheDocument();
    await waitFor(() => expect(within(nana).getByRole('button', { name: 'Reply' })).toHaveFocus());

    await user.keyboard('{Enter}');
    expect(
      await within(nana).findByRole('textbox', { name: 'Your reply to Nana Darkoa' }),
    ).toHaveValue('Half a thought');
  });

  it('closes the flag form, gives the focus back to Flag, and keeps the choices', async () => {
    await signInAs(AMINA);
    const { user } = renderApp(DISCUSSION);
    const nana = await findComment('Nana Darkoa', 'Ghana');
    await user.click(within(nana).getByRole('button', { name: 'Flag' }));
    const why = within(nana).getByRole('radiogroup', {
      name: 'Why should the moderators look at this comment?',
    });
    await user.click(within(why).getByRole('radio', { name: 'Something else' }));
    await user.keyboard('{Escape}');
    expect(within(nana).queryByRole('radiogroup')).not.toBeInTheDocument();
    const flag = within(nana).getByRole('button', { name: 'Flag' });
    await waitFor(() => expect(flag).toHaveFocus());

    await user.keyboard('{Enter}');
    const note = await within(nana).findByLabelText('Note for the moderators (required)');
    await fill(user, note, 'Copied from elsewhere');
    await user.keyboard('{Escape}');
    expect(
      within(nana).queryByLabelText('Note for the moderators (required)'),
    ).not.toBeInTheDocument();
    await waitFor(() => expect(within(nana).getByRole('button', { name: 'Flag' })).toHaveFocus());

    await user.click(within(nana).getByRole('button', { name: 'Flag' }));
    expect(within(nana).getByRole('radio', { name: 'Something else' })).toBeChecked();
    expect(within(nana).getByLabelText('Note for the moderators (required)')).toHaveValue(
      'Copied from elsewhere',
    );
  });
});
