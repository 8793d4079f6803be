/**
 * A thread read in order: each top-level comment followed by its replies,
 * depth first, oldest first at every level, which is the order of the comments'
 * thread keys. Pages are cut from it by cursor, so a long thread is never read whole.
 */
import { commentListQuerySchema, type CommentPage } from '../../api/contract';
import {
  type PageStart,
  type Reader,
  countVisibleUnpublished,
  findCommentIn,
  findThreadPage,
  findThreadPageBefore,
  seesBeyond,
} from '../store/comments';
import type { CommentRow } from '../store/schema';
import { type Ctx, RuleError, canSee, isModerator, notFound, parse } from './core';
import { findDiscussion } from './discussions';
import { projectComments } from './project';

const encodeCursor = (dir: 'a' | 'b', id: string) => btoa(`${dir}:${id}`).replace(/=+$/, '');

const badCursor = () =>
  new RuleError(400, 'bad_request', 'The cursor is not valid.', { cursor: 'Not a cursor.' });

function decodeCursor(cursor: string): { dir: 'a' | 'b'; id: string } {
  let text = '';
  try {
    text = atob(cursor);
  } catch {
    text = '';
  }
  const m = /^([ab]):([\w-]{1,64})$/.exec(text);
  if (!m) throw badCursor();
  return { dir: m[1] as 'a' | 'b', id: m[2] as string };
}

/** The comments of the page, from a cursor, from the root of an anchor's thread, or from the start. */
async function pageRows(
  ctx: Ctx,
  slug: string,
  reader: Reader,
  { cursor, anchor, limit }: { cursor?: string; anchor?: string; limit: number },
): Promise<CommentRow[]> {
  let start: PageStart = null;
  if (cursor !== undefined) {
    const { dir, id } = decodeCursor(cursor);
    const at = await findCommentIn(ctx.tx, slug, id);
    // An entry the viewer may not see is answered as an unknown one: no probing by cursor.
    if (!at || !canSee(ctx, at)) throw badCursor();
    if (dir === 'b') return findThreadPageBefore(ctx.tx, slug, reader, at.thread_key, limit);
    start = { after: at.thread_key };
  } else if (anchor !== undefined) {
    const target = await findCommentIn(ctx.tx, slug, anchor);
    if (!target || !canSee(ctx, target)) throw notFound('This comment');
    start = { from: target.thread_key.split('/')[0] as string };
  }
  return findThreadPage(ctx.tx, slug, reader, start, limit);
}

export async function listComments(ctx: Ctx, slug: string, query: unknown): Promise<CommentPage> {
  const { cursor, anchor, limit } = parse(commentListQuerySchema, query);
  const d = await findDiscussion(ctx, slug);
  const reader: Reader = { id: ctx.viewer?.id ?? null, moderator: isModerator(ctx) };
  const rows = await pageRows(ctx, slug, reader, { cursor, anchor, limit });
  const first = rows[0];
  const last = rows[rows.length - 1];
  const before = first && (await seesBeyond(ctx.tx, slug, reader, first.thread_key, 'before'));
  const after = last && (await seesBeyond(ctx.tx, slug, reader, last.thread_key, 'after'));
  return {
    comments: await projectComments(ctx, rows),
    nextCursor: last && after ? encodeCursor('a', last.id) : null,
    prevCursor: first && before ? encodeCursor('b', first.id) : null,
    total: d.published_comments + (await countVisibleUnpublished(ctx.tx, slug, reader)),
  };
}
