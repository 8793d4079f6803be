import { http } from 'msw';
import { API_BASE } from '../../src/api/contract';
import { resetStore } from '../db';
import { endpoint } from './endpoint';

/** Only the demo backend has these; a real server answers 404. */
export const demoHandlers = [
  http.post(
    `${API_BASE}/demo/reset`,
    endpoint(() => {
      resetStore();
      return { status: 204, session: null };
    }),
  ),
];
