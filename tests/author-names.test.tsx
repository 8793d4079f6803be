import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from './render-app';
import {
  DISCUSSION,
  RESOURCES,
  addComment,
  addParticipant,
  addResource,
  findComment,
} from './support';

/** A name saved before names were cleaned: a right-to-left override, then more text. */
const OVERRIDE_NAME = 'Mallory \u202Erotaredom';

describe('names shown as their owners typed them', () => {
  it('give a moderator’s comment the Moderator badge, and not one by a participant of the same name', async () => {
    const impostor = await addParticipant('Wikigender moderator');
    await addComment({ authorId: 'u-moderator', body: 'Welcome, everyone.', status: 'published' });
    await addComment({ authorId: impostor.id, body: 'Trust me, I moderate.', status: 'published' });
    renderApp(DISCUSSION);

    const real = await findComment('Wikigender moderator', 'Welcome, everyone.');
    expect(within(real).getByText('Moderator')).toBeVisible();
    const fake = await findComment('Wikigender moderator', 'Trust me, I moderate.');
    expect(within(fake).queryByText('Moderator')).not.toBeInTheDocument();
    const participant = await findComment('Nana Darkoa', 'Ghana');
    expect(within(participant).queryByText('Moderator')).not.toBeInTheDocument();
  });

  it('isolate a name with a right-to-left override from the text after it', async () => {
    const mallory = await addParticipant(OVERRIDE_NAME, {
      organisation: 'Org \u202Bwith embedding',
    });
    const parent = await addComment({
      authorId: mallory.id,
      body: 'A reversed name.',
      status: 'published',
    });
    await addComment({
      authorId: 'u-amina',
      body: 'Replying to it.',
      parentId: parent.id,
      status: 'published',
    });
    renderApp(DISCUSSION);

    const own = await findComment(OVERRIDE_NAME, 'A reversed name.');
    const heading = within(own).getByRole('heading', { name: OVERRIDE_NAME });
    expect(heading.querySelector('bdi')).toHaveTextContent(OVERRIDE_NAME, {
      normalizeWhitespace: false,
    });
    const organisation = within(own).getByText('Org \u202Bwith embedding');
    expect(organisation.tagName).toBe('BDI');

    const reply = await findComment('Amina Diallo', 'Replying to it.');
    const inReplyTo = within(reply).getByText(OVERRIDE_NAME);
    // Only the name is isolated; “In reply to” before it stays in the reading order.
    expect(inReplyTo.tagName).toBe('BDI');
    expect(inReplyTo.parentElement).toHaveTextContent(`In reply to ${OVERRIDE_NAME}`);
  });

  it('isolate who shared a resource, with the moderator’s badge', async () => {
    const mallory = await addParticipant(OVERRIDE_NAME);
    await addResource({ title: 'A toolkit', authorId: mallory.id, status: 'published' });
    await addResource({ title: 'A guide', authorId: 'u-moderator', status: 'published' });
    renderApp(RESOURCES);

    const toolkit = (await screen.findByRole('heading', { name: 'A toolkit' })).closest('article');
    const byMallory = within(toolkit as HTMLElement).getByText(OVERRIDE_NAME);
    expect(byMallory.tagName).toBe('BDI');
    expect(within(toolkit as HTMLElement).queryByText('Moderator')).not.toBeInTheDocument();
    const guide = screen.getByRole('heading', { name: 'A guide' }).closest('article');
    expect(guide).toHaveTextContent('Shared by Wikigender moderator Moderator · Wikigender');
    expect(within(guide as HTMLElement).getByText('Moderator')).toBeVisible();
  });
});
