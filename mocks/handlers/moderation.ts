import { http } from 'msw';
import { API_BASE } from '../../src/api/contract';
import { decide, decideBatch, getLog, getQueue } from '../rules/moderation';
import { endpoint } from './endpoint';

export const moderationHandlers = [
  http.get(
    `${API_BASE}/moderation/queue`,
    endpoint(({ ctx, query }) => ({ body: getQueue(ctx, query) })),
  ),
  http.post(
    `${API_BASE}/moderation/decisions`,
    endpoint(({ ctx, body }) => ({ body: decide(ctx, body) })),
  ),
  http.post(
    `${API_BASE}/moderation/decisions/batch`,
    endpoint(({ ctx, body }) => ({ body: decideBatch(ctx, body) })),
  ),
  http.get(
    `${API_BASE}/moderation/log`,
    endpoint(({ ctx, query }) => ({ body: getLog(ctx, query) })),
  ),
];
