/**
 * The API reads a page of the app starts as soon as its script runs (the router's
 * loaders in src/app/router.tsx), by the page's address. The server names them in
 * the page as `<link rel="preload" as="fetch">`, so that the browser asks for the
 * data while it still downloads the script, and the script's own requests take the
 * answers already on their way. The addresses must be the ones the client's data
 * layer builds, query string included, or the browser fetches each twice.
 */

/** Slugs the app makes; anything else gets no preload rather than a guess at its encoding. */
const SLUG = '[a-z0-9][a-z0-9-]*';
const DISCUSSION_PAGE = new RegExp(`^/discussions/(${SLUG})(/resources|/digest)?/?$`);
/** The client's first page of a thread: src/api/comments.ts, COMMENT_PAGE_SIZE. */
const FIRST_COMMENTS = 'comments?limit=50';
/** Addresses under /discussions/ that are pages of the app, not discussions. */
const NOT_A_DISCUSSION = new Set(['new']);

/** `search` is the page's query string: a resources page with filters chosen gets no guess at them. */
export function pageReads(pathname: string, search = ''): string[] {
  const reads = ['/api/session'];
  if (pathname === '/') return [...reads, '/api/discussions'];
  const match = DISCUSSION_PAGE.exec(pathname);
  const slug = match?.[1];
  if (!match || !slug || NOT_A_DISCUSSION.has(slug)) return reads;
  const api = `/api/discussions/${slug}`;
  switch (match[2]) {
    case '/resources':
      // The resources page's list as it first shows, newest first (src/features/resources).
      return search === '' ? [...reads, api, `${api}/resources?sort=newest`] : [...reads, api];
    case '/digest':
      return [...reads, api, `${api}/digest`];
    default:
      return [...reads, api, `${api}/${FIRST_COMMENTS}`, `${api}/resources`, `${api}/campaigns`];
  }
}

/** The page with a preload of each read, after its stylesheet and scripts, which come first. */
export function withPreloads(html: string, reads: string[]): string {
  const links = reads
    .map((href) => `<link rel="preload" as="fetch" crossorigin href="${href}">`)
    .join('');
  return html.replace('</head>', `${links}</head>`);
}
