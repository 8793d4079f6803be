import { http } from 'msw';
import { API_BASE } from '../../src/api/contract';
import { flagEntry } from '../rules/flags';
import { endpoint } from './endpoint';

type Id = { id: string };

export const flagHandlers = [
  http.post(
    `${API_BASE}/comments/:id/flags`,
    endpoint<Id>(({ ctx, params, body }) => ({
      status: 201,
      body: flagEntry(ctx, 'comment', params.id, body),
    })),
  ),
  http.post(
    `${API_BASE}/resources/:id/flags`,
    endpoint<Id>(({ ctx, params, body }) => ({
      status: 201,
      body: flagEntry(ctx, 'resource', params.id, body),
    })),
  ),
];
