import { http } from 'msw';
import { API_BASE } from '../../src/api/contract';
import { getSession, join, signIn, signOut } from '../rules/session';
import { endpoint } from './endpoint';

export const sessionHandlers = [
  http.get(
    `${API_BASE}/session`,
    endpoint(({ ctx }) => ({ body: getSession(ctx) })),
  ),
  http.post(
    `${API_BASE}/session`,
    endpoint(({ ctx, body }) => {
      const { body: session, token } = signIn(ctx, body);
      return { body: session, session: token };
    }),
  ),
  http.delete(
    `${API_BASE}/session`,
    endpoint(({ ctx, token }) => {
      signOut(ctx, token);
      return { status: 204, session: null };
    }),
  ),
  http.post(
    `${API_BASE}/accounts`,
    endpoint(({ ctx, body }) => {
      const { body: session, token } = join(ctx, body);
      return { status: 201, body: session, session: token };
    }),
  ),
];
