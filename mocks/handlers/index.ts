import { http, HttpResponse } from 'msw';
import { API_BASE, type ErrorBody } from '../../src/api/contract';
import { demoHandlers } from './demo';
import { discussionHandlers } from './discussions';
import { sessionHandlers } from './session';

const unknownEndpoint = http.all(`${API_BASE}/*`, () =>
  HttpResponse.json<ErrorBody>(
    { error: { code: 'not_found', message: 'There is no such endpoint.' } },
    { status: 404 },
  ),
);

export const handlers = [
  ...sessionHandlers,
  ...discussionHandlers,
  ...demoHandlers,
  unknownEndpoint,
];
