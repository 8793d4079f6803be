/**
 * The code of a page that loads only once its route is known. Pages a reader seldom
 * opens are split off (src/app/router.tsx, `lazy`), so a browser asks for their code
 * only after the main script has run: one more round trip before the page paints. The
 * server, which knows the address, names that code in the page it sends as
 * `<link rel="modulepreload">`, and it downloads alongside the main script. The files
 * come from the build's manifest (vite.config.ts, `build.manifest`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Slugs the app makes, as in page-reads.ts. */
const SLUG = '[a-z0-9][a-z0-9-]*';

/** The router's lazy routes (src/app/router.tsx), by the addresses they answer. */
const LAZY_PAGES: [RegExp, string][] = [
  [new RegExp(`^/discussions/${SLUG}/digest/?$`), 'src/app/routes/digest.tsx'],
  [new RegExp(`^/discussions/${SLUG}/search/?$`), 'src/app/routes/search.tsx'],
  [new RegExp(`^/discussions/${SLUG}/edit/?$`), 'src/app/routes/discussion-edit.tsx'],
  [/^\/discussions\/new\/?$/, 'src/app/routes/discussion-new.tsx'],
  [/^\/moderation\/?$/, 'src/app/routes/moderation.tsx'],
  [/^\/moderation\/log\/?$/, 'src/app/routes/moderation-log.tsx'],
  [/^\/sign-in\/?$/, 'src/app/routes/sign-in.tsx'],
  [/^\/join\/?$/, 'src/app/routes/join.tsx'],
  [/^\/people\/?$/, 'src/app/routes/people.tsx'],
  [/^\/notifications\/?$/, 'src/app/routes/notifications.tsx'],
  [/^\/account\/?$/, 'src/app/routes/account.tsx'],
  [/^\/reset-password(\/[^/]+)?\/?$/, 'src/app/routes/reset-password.tsx'],
];

/** The source modules of the lazy routes named here, for a test to hold to the router. */
export const LAZY_ROUTE_MODULES = LAZY_PAGES.map(([, module]) => module);

interface ManifestChunk {
  file: string;
  imports?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** The build's manifest, or null for a build without one (the page then preloads no code). */
export function readManifest(clientDir: string): Manifest | null {
  const file = join(clientDir, '.vite', 'manifest.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Manifest) : null;
}

/** The addresses of the code a page loads once routed, with the chunks it imports. */
export function pageModules(manifest: Manifest | null, pathname: string): string[] {
  const key = LAZY_PAGES.find(([page]) => page.test(pathname))?.[1];
  if (!manifest || !key) return [];
  const files = new Set<string>();
  const visit = (name: string) => {
    const chunk = manifest[name];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    chunk.imports?.forEach(visit);
  };
  visit(key);
  return [...files].map((file) => `/${file}`);
}

/** The page with a preload of each of those modules that it does not name already. */
export function withModules(html: string, modules: string[]): string {
  const links = modules
    .filter((href) => !html.includes(`"${href}"`))
    .map((href) => `<link rel="modulepreload" crossorigin href="${href}">`)
    .join('');
  return links ? html.replace('</head>', `${links}</head>`) : html;
}
