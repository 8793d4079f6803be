import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server, setClock } from '../mocks/node';
import { windowStartClock } from './clock';
import { AMINA, DISCUSSION, ORIGIN, signInAs, signInThroughForm } from './support';
import { renderApp } from './render-app';

const COMMENTS_API = '/api/discussions/:slug/comments';

function tooMany(message: string, retryAfterSeconds: number) {
  return HttpResponse.json(
    { error: { code: 'rate_limited', message, details: { retryAfterSeconds } } },
    { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } },
  );
}

describe('over a rate limit', () => {
  it('says when a comment can be sent, keeps its text, and offers no instant retry', async () => {
    await signInAs(AMINA);
    server.use(
      http.post(
        COMMENTS_API,
        () => tooMany('Too many comments in a short time. Try again in 7 minutes.', 420),
        { once: true },
      ),
    );
    const { user } = renderApp(DISCUSSION);
    await user.click(await screen.findByRole('textbox', { name: 'Your comment' }));
    await user.paste('A thought that can wait seven minutes');
    await user.click(screen.getByRole('button', { name: 'Post comment' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Your comment was not sent. Too many comments in a short time. Try again in 7 minutes.',
    );
    expect(within(alert).queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Your comment' })).toHaveValue(
      'A thought that can wait seven minutes',
    );
  });

  it('says when to try signing in again, and keeps the email and password typed', async () => {
    server.use(
      http.post('/api/session', () => tooMany('Too many attempts. Try again in 12 minutes.', 700), {
        once: true,
      }),
    );
    const { user } = renderApp('/sign-in');
    await signInThroughForm(user, AMINA);

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many attempts. Try again in 12 minutes.',
    );
    expect(screen.getByLabelText('Email')).toHaveValue(AMINA.email);
    expect(screen.getByLabelText('Password')).toHaveValue(AMINA.password);
  });

  it('holds in the in-page backend too: ten wrong passwords, then even the right one waits', async () => {
    setClock(windowStartClock());
    for (let i = 0; i < 10; i++) {
      const response = await fetch(`${ORIGIN}/api/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: AMINA.email, password: `guess number ${i}` }),
      });
      expect(response.status).toBe(401);
    }
    const { user } = renderApp('/sign-in');
    await signInThroughForm(user, AMINA);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /^Too many attempts\. Try again in \d+ minutes?\.$/,
    );
    expect(screen.getByLabelText('Email')).toHaveValue(AMINA.email);
  });
});
