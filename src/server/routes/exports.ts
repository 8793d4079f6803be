import { Hono } from 'hono';
import type { Backend } from '../backend';
import { endpoint } from '../http/endpoint';
import { CSV_TYPE, EXPORT_FILES, exportCsv, exportDiscussion } from '../rules/exports';

/** A download's name: the discussion's slug, kept to characters every file system takes. */
const fileName = (slug: string, rest: string) => `${slug.replace(/[^\w-]/g, '-')}-${rest}`;

export function exportRoutes(backend: Backend) {
  const app = new Hono();
  for (const file of EXPORT_FILES) {
    app.get(
      `/discussions/:slug/export/${file}.csv`,
      endpoint(backend, async ({ ctx, param }) => ({
        file: {
          text: await exportCsv(ctx, param('slug'), file),
          type: CSV_TYPE,
          filename: fileName(param('slug'), `${file}.csv`),
        },
      })),
    );
  }
  app.get(
    '/discussions/:slug/export.json',
    endpoint(backend, async ({ ctx, param }) => ({
      file: {
        text: `${JSON.stringify(await exportDiscussion(ctx, param('slug')), null, 2)}\n`,
        type: 'application/json; charset=utf-8',
        filename: fileName(param('slug'), 'export.json'),
      },
    })),
  );
  return app;
}
