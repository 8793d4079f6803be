/**
 * The API reads a page of the app starts as soon as its script runs (the router's
 * loaders in src/app/router.tsx), by the page's address. The server answers them as
 * it sends the page and puts the answers in it, so that the script has its data as
 * it starts: no round trip after the script, and no second render when the data
 * comes. A read it could not answer is named as `<link rel="preload" as="fetch">`,
 * so that the browser asks for it while it still downloads the script. The addresses
 * must be the ones the client's data layer builds, query string included, or the
 * client asks for each again.
 */

import { PAGE_ANSWERS_ID } from '../../lib/page-answers';

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

/** The answers to a page's reads, by address, as the server found them for this visitor. */
export type PageAnswers = Record<string, unknown>;

/**
 * The page with the answers to its reads inside, so that its script renders at once
 * instead of asking, and a preload of each read the server could not answer, which the
 * script asks for as before. The answers are JSON in a data block, which no browser
 * runs, with every `<` escaped so that no text in them can close the block.
 */
export function withReads(html: string, reads: string[], answers: PageAnswers): string {
  const missing = reads.filter((read) => !(read in answers));
  const links = missing
    .map((href) => `<link rel="preload" as="fetch" crossorigin href="${href}">`)
    .join('');
  const data =
    Object.keys(answers).length === 0
      ? ''
      : `<script type="application/json" id="${PAGE_ANSWERS_ID}">${JSON.stringify(answers).replace(/</g, '\\u003c')}</script>`;
  return html.replace('</head>', `${links}${data}</head>`);
}
