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

const unknownEndpoint = http.all(`${API_BASE}/*`, () =>
  HttpResponse.json<ErrorBody>(
    { error: { code: 'not_found', message: 'There is no such endpoint.' } },
    { status: 404 },
  ),
);

export const handlers = [
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
