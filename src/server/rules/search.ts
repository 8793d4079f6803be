/**
 * Searching a discussion: the published comments that hold every word typed,
 * newest first, a page at a time. Only published comments are ever indexed, so
 * a search shows no one, moderators included, what the thread would not show
 * every reader; a hidden or withdrawn comment leaves the results when it leaves
 * the thread.
 */
import { SEARCH_PAGE_SIZE, type SearchResults, searchQuerySchema } from '../../api/contract';
import { type SearchAfter, countMatches, findMatches } from '../store/search';
import { type Ctx, RuleError, parse } from './core';
import { findDiscussion } from './discussions';
import { projectComments } from './project';
import { excerpt, ftsMatch, searchWords, tsQuery } from './search-text';

const badCursor = () =>
  new RuleError(400, 'bad_request', 'The cursor is not valid.', { cursor: 'Not a cursor.' });

const encodeCursor = (after: SearchAfter) =>
  btoa(`${after.createdAt}|${after.id}`).replace(/=+$/, '');

function decodeCursor(cursor: string): SearchAfter {
  let text = '';
  try {
    text = atob(cursor);
  } catch {
    text = '';
  }
  const m = /^(\d{4}-\d\d-\d\dT[\d:.]+Z)\|([\w-]{1,64})$/.exec(text);
  if (!m) throw badCursor();
  return { createdAt: m[1] as string, id: m[2] as string };
}

export async function searchDiscussion(
  ctx: Ctx,
  slug: string,
  query: unknown,
): Promise<SearchResults> {
  const { q, cursor } = parse(searchQuerySchema, query);
  await findDiscussion(ctx, slug);
  const after = cursor === undefined ? null : decodeCursor(cursor);
  const words = searchWords(q);
  if (words.length === 0) return { query: q, total: 0, hits: [], nextCursor: null };

  const search = { slug, sqlite: ftsMatch(slug, words), postgres: tsQuery(slug, words) };
  const rows = await findMatches(ctx.tx, search, after, SEARCH_PAGE_SIZE + 1);
  const page = rows.slice(0, SEARCH_PAGE_SIZE);
  const last = page[page.length - 1];
  const comments = await projectComments(ctx, page);
  return {
    query: q,
    total: await countMatches(ctx.tx, search),
    hits: comments.map((c) => ({
      id: c.id,
      parentId: c.parentId,
      author: c.author,
      createdAt: c.createdAt,
      original: c.original,
      excerpt: excerpt(c.body, words),
    })),
    nextCursor:
      rows.length > SEARCH_PAGE_SIZE && last
        ? encodeCursor({ createdAt: last.created_at, id: last.id })
        : null,
  };
}
