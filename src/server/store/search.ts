/**
 * Full-text search of a discussion's published comments (migration 008): the
 * FTS4 table on SQLite, the GIN index on PostgreSQL. Both read only the
 * postings of the searched words within the one discussion, and return
 * newest first, by (created_at, id), so that a cursor is a place in that order.
 */
import { PostgresAdapter, sql } from 'kysely';
import type { Tx } from '../rules/core';
import { SEARCH_VECTOR } from './migrations';
import type { CommentRow } from './schema';

/** Which engine runs the transaction: their full-text search differs. */
const onPostgres = (tx: Tx) => tx.getExecutor().adapter instanceof PostgresAdapter;

/** What a search is, for either engine: its discussion, words and their expression. */
export interface Search {
  slug: string;
  /** `ftsMatch` on SQLite, `tsQuery` on PostgreSQL. */
  sqlite: string;
  postgres: string;
}

/** The newest hit already shown: the next page starts after it. */
export interface SearchAfter {
  createdAt: string;
  id: string;
}

const vector = sql.raw(SEARCH_VECTOR);

export async function countMatches(tx: Tx, search: Search): Promise<number> {
  const { rows } = onPostgres(tx)
    ? await sql<{ n: string }>`select count(*) as n from comments
        where status = 'published' and ${vector} @@ ${search.postgres}::tsquery`.execute(tx)
    : await sql<{ n: number }>`select count(*) as n from comment_search
        where comment_search match ${search.sqlite}`.execute(tx);
  return Number(rows[0]?.n ?? 0);
}

/** Up to `limit` matching comments, newest first, after `after`. */
export async function findMatches(
  tx: Tx,
  search: Search,
  after: SearchAfter | null,
  limit: number,
): Promise<CommentRow[]> {
  const before = after
    ? sql`and (c.created_at < ${after.createdAt} or (c.created_at = ${after.createdAt} and c.id < ${after.id}))`
    : sql``;
  // The order is found on ids and times alone; only the page's rows are read whole.
  const ids = onPostgres(tx)
    ? sql`select c.id from comments c
        where c.status = 'published' and ${vector} @@ ${search.postgres}::tsquery
          and c.discussion_slug = ${search.slug} ${before}
        order by c.created_at desc, c.id desc limit ${limit}`
    : sql`select c.id from comment_search s
        join comment_search_docs d on d.docid = s.docid
        join comments c on c.id = d.comment_id
        where s.comment_search match ${search.sqlite}
          and c.status = 'published' and c.discussion_slug = ${search.slug} ${before}
        order by c.created_at desc, c.id desc limit ${limit}`;
  const { rows } = await sql<CommentRow>`select * from comments where id in (${ids})
    order by created_at desc, id desc`.execute(tx);
  return rows;
}
