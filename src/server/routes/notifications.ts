import { Hono } from 'hono';
import type { Backend } from '../backend';
import { endpoint } from '../http/endpoint';
import { followDiscussion, followThread, getFollows } from '../rules/follows';
import {
  getNotificationSettings,
  listNotifications,
  readAllNotifications,
  readNotification,
  unreadNotifications,
  updateNotificationSettings,
} from '../rules/notifications';

/** A person's notifications, their email choice, and what they follow. */
export function notificationRoutes(backend: Backend) {
  return new Hono()
    .get(
      '/notifications',
      endpoint(backend, async ({ ctx, query }) => ({ body: await listNotifications(ctx, query) })),
    )
    .get(
      '/notifications/unread',
      endpoint(backend, async ({ ctx }) => ({ body: await unreadNotifications(ctx) })),
    )
    .post(
      '/notifications/read',
      endpoint(backend, async ({ ctx }) => ({ body: await readAllNotifications(ctx) })),
    )
    .put(
      '/notifications/:id/read',
      endpoint(backend, async ({ ctx, param }) => ({
        body: await readNotification(ctx, param('id')),
      })),
    )
    .get(
      '/notifications/settings',
      endpoint(backend, async ({ ctx }) => ({ body: await getNotificationSettings(ctx) })),
    )
    .put(
      '/notifications/settings',
      endpoint(backend, async ({ ctx, body }) => ({
        body: await updateNotificationSettings(ctx, body),
      })),
    )
    .get(
      '/discussions/:slug/follows',
      endpoint(backend, async ({ ctx, param }) => ({ body: await getFollows(ctx, param('slug')) })),
    )
    .put(
      '/discussions/:slug/follow',
      endpoint(backend, async ({ ctx, param }) => ({
        body: await followDiscussion(ctx, param('slug'), true),
      })),
    )
    .delete(
      '/discussions/:slug/follow',
      endpoint(backend, async ({ ctx, param }) => ({
        body: await followDiscussion(ctx, param('slug'), false),
      })),
    )
    .put(
      '/comments/:id/follow',
      endpoint(backend, async ({ ctx, param }) => ({
        body: await followThread(ctx, param('id'), true),
      })),
    )
    .delete(
      '/comments/:id/follow',
      endpoint(backend, async ({ ctx, param }) => ({
        body: await followThread(ctx, param('id'), false),
      })),
    );
}
