/**
 * The sign-in page's return address stays on the site in any spelling: dot
 * segments, backslashes, encoded slashes, tabs and other control characters.
 */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { safeNext } from '../src/lib/return-to';
import { renderApp } from './render-app';
import { AMINA, signInThroughForm } from './support';

const OFF_SITE = [
  '//evil.com',
  '/.//evil.com',
  '/./\\/evil.com',
  '/\t/evil.com',
  '/\n/evil.com',
  '/%2F%2Fevil.com',
  '/%2f/evil.com',
  '/%5C%5Cevil.com',
  '/%5c/evil.com',
  '\\/evil.com',
  '/\\evil.com',
  '/\\\\evil.com',
  'https://evil.com',
  'HTTPS://evil.com/',
  ' /evil.com',
  'javascript:alert(1)',
  '/%00/evil.com',
  '/\u0000/evil.com',
  '/discussions\u007f',
  '/%E0%A4%A',
];

describe('the return address after signing in', () => {
  it.each(OFF_SITE)('goes home for %j', (next) => {
    expect(safeNext(next)).toBe('/');
  });

  it.each([
    ['/../../evil.com', '/evil.com'],
    ['/a/./b/../c', '/a/c'],
    ['/discussions/x?reply=1#c', '/discussions/x?reply=1#c'],
    ['/moderation?tab=log', '/moderation?tab=log'],
  ])('keeps %j on the site as %j', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });

  it.each(['/.//evil.com', '/%2F%2Fevil.com', '/\t/evil.com'])(
    'lands on the discussions after signing in with next=%j',
    async (next) => {
      const { user } = renderApp(`/sign-in?next=${encodeURIComponent(next)}`);
      await signInThroughForm(user, AMINA);
      expect(
        await screen.findByRole('heading', { level: 1, name: 'Discussions' }),
      ).toBeInTheDocument();
    },
  );
});
