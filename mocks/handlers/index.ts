import { http, HttpResponse } from 'msw';
import { API_BASE, type ErrorBody } from '../../src/api/contract';
import { commentHandlers } from './comments';
import { demoHandlers } from './demo';
import { digestHandlers } from './digest';
import { discussionAdminHandlers } from './discussion-admin';
import { discussionHandlers } from './discussions';
import { flagHandlers } from './flags';
import { moderationHandlers } from './moderation';
import { resourceHandlers } from './resources';
import { sessionHandlers } from './session';

/**
 * An address with a broken %-escape names nothing. MSW's path matching throws on
 * one, which would answer 500 with a stack trace, so refuse it before any lookup.
 */
const undecodableAddress = http.all(
  ({ request }) => {
    const { pathname } = new URL(request.url);
    if (!pathname.startsWith(`${API_BASE}/`)) return false;
    try {
      decodeURIComponent(pathname);
      return false;
    } catch {
      return true;
    }
  },
  () =>
    HttpResponse.json<ErrorBody>(
      { error: { code: 'bad_request', message: 'The address is not valid.' } },
      { status: 400 },
    ),
);

const unknownEndpoint = http.all(`${API_BASE}/*`, () =>
  HttpResponse.json<ErrorBody>(
    { error: { code: 'not_found', message: 'There is no such endpoint.' } },
    { status: 404 },
  ),
);

export const handlers = [
  undecodableAddress,
  ...sessionHandlers,
  ...discussionAdminHandlers,
  ...discussionHandlers,
  ...commentHandlers,
  ...resourceHandlers,
  ...flagHandlers,
  ...moderationHandlers,
  ...digestHandlers,
  ...demoHandlers,
  unknownEndpoint,
];
