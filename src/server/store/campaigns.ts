/**
 * Campaigns are the hashtags of published comments: `comment_tags` holds each
 * comment's tags by key, so a campaign is counted and listed from its index.
 */
import type { Tx } from '../rules/core';
import type { CommentRow } from './schema';

export interface TagCount {
  tag: string;
  /** As the earliest published comment wrote it. */
  label: string;
  count: number;
}

function publishedTags(tx: Tx, slug: string) {
  return tx
    .selectFrom('comment_tags as t')
    .innerJoin('comments as c', 'c.id', 't.comment_id')
    .where('t.discussion_slug', '=', slug)
    .where('c.status', '=', 'published');
}

/** Published comments per tag in the discussion (only `tag` if given). */
export async function countPublishedTags(tx: Tx, slug: string, tag?: string): Promise<TagCount[]> {
  let query = publishedTags(tx, slug)
    .select((eb) => [
      't.tag',
      eb.fn.countAll().as('n'),
      eb
        .selectFrom('comment_tags as t2')
        .innerJoin('comments as c2', 'c2.id', 't2.comment_id')
        .select('t2.label')
        .whereRef('t2.discussion_slug', '=', 't.discussion_slug')
        .whereRef('t2.tag', '=', 't.tag')
        .where('c2.status', '=', 'published')
        .orderBy('c2.created_at')
        .orderBy('c2.id')
        .limit(1)
        .as('label'),
    ])
    // Grouped by the discussion too: PostgreSQL lets the label's subquery read only grouped columns.
    .groupBy(['t.discussion_slug', 't.tag']);
  if (tag !== undefined) query = query.where('t.tag', '=', tag);
  const rows = await query.execute();
  return rows.map((r) => ({ tag: r.tag, label: r.label ?? r.tag, count: Number(r.n) }));
}

/** The published comments that mention `tag`, in thread order. */
export function findPublishedWithTag(tx: Tx, slug: string, tag: string): Promise<CommentRow[]> {
  return publishedTags(tx, slug)
    .selectAll('c')
    .where('t.tag', '=', tag)
    .orderBy('c.thread_key')
    .execute();
}
