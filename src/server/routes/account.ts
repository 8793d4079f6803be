import { Hono } from 'hono';
import type { PasswordResetInfo } from '../../api/contract';
import type { Backend } from '../backend';
import { endpoint } from '../http/endpoint';
import {
  changePassword,
  deleteAccount,
  getAccount,
  signOutEverywhere,
  updateAccount,
} from '../rules/account';
import { checkReset, completeReset, requestReset } from '../rules/password-reset';

export function accountRoutes(backend: Backend) {
  const info = (): PasswordResetInfo => ({ email: backend.mail !== undefined });
  return new Hono()
    .get(
      '/account',
      endpoint(backend, ({ ctx }) => ({ body: getAccount(ctx) })),
    )
    .patch(
      '/account',
      endpoint(backend, async ({ ctx, body }) => ({ body: await updateAccount(ctx, body) })),
    )
    .put(
      '/account/password',
      endpoint(backend, async ({ ctx, token, body }) => {
        await changePassword(ctx, token, body);
        return { status: 204 };
      }),
    )
    .delete(
      '/account/sessions',
      endpoint(
        backend,
        async ({ ctx }) => {
          await signOutEverywhere(ctx);
          return { status: 204, session: null };
        },
        { whileSuspended: true },
      ),
    )
    .delete(
      '/account',
      endpoint(backend, async ({ ctx, body }) => {
        await deleteAccount(ctx, body);
        return { status: 204, session: null };
      }),
    )
    .get(
      '/password-resets',
      endpoint(backend, () => ({ body: info() })),
    )
    .post(
      '/password-resets',
      endpoint(backend, async ({ ctx, body }) => {
        const found = await requestReset(ctx, body, { canSend: backend.mail !== undefined });
        // Sent before the link is committed; a failed send refuses the request and keeps no link.
        if (found && backend.mail) {
          const { user, link } = found;
          await backend.mail.sendResetLink(
            { email: user.email, name: user.display_name },
            link.path,
          );
        }
        return { status: 202, body: info() };
      }),
    )
    .get(
      '/password-resets/:token',
      endpoint(backend, async ({ ctx, param }) => ({
        body: await checkReset(ctx, param('token')),
      })),
    )
    .post(
      '/password-resets/:token',
      endpoint(backend, async ({ ctx, param, body }) => {
        await completeReset(ctx, param('token'), body);
        return { status: 204 };
      }),
    );
}
