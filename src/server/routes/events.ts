import { Hono } from 'hono';
import type { Backend } from '../backend';
import { endpoint } from '../http/endpoint';
import { eventStream } from '../http/event-stream';
import { RuleError } from '../rules/core';
import { openStream } from '../rules/live';
import { userForToken } from '../rules/session';

export function eventRoutes(backend: Backend) {
  return new Hono().get(
    '/events',
    endpoint(backend, async ({ ctx, query, header, token, signal }) => {
      const hub = backend.live;
      if (!hub) throw new RuleError(404, 'not_found', 'This server sends no live updates.');
      const { scope, start } = await openStream(ctx, query, header('Last-Event-ID'));
      const viewer = ctx.viewer;
      return {
        stream: () =>
          eventStream({
            hub,
            start,
            scope,
            viewer,
            recheck: () => userForToken(backend.db(), token, backend.clock()),
            heartbeatMs: backend.heartbeatMs,
            signal,
          }),
      };
    }),
  );
}
