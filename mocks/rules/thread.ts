/**
 * A thread read in order: each top-level comment followed by its replies,
 * depth first, oldest first at every level. Pages are cut from this order by
 * cursor, so a long thread is never sent whole.
 */
import { commentListQuerySchema, type CommentPage } from '../../src/api/contract';
import type { StoredComment } from '../store';
import { type Ctx, RuleError, canSee, findDiscussion, notFound, parse, toComment } from './core';

export function threadOrder(all: StoredComment[]): StoredComment[] {
  const ids = new Set(all.map((c) => c.id));
  const children = new Map<string | null, StoredComment[]>();
  const byTime = [...all].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const c of byTime) {
    const parent = c.parentId !== null && ids.has(c.parentId) ? c.parentId : null;
    const list = children.get(parent);
    if (list) list.push(c);
    else children.set(parent, [c]);
  }
  const out: StoredComment[] = [];
  const stack = [...(children.get(null) ?? [])].reverse();
  while (stack.length > 0) {
    const c = stack.pop() as StoredComment;
    out.push(c);
    const kids = children.get(c.id);
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as StoredComment);
  }
  return out;
}

const encodeCursor = (dir: 'a' | 'b', id: string) => btoa(`${dir}:${id}`).replace(/=+$/, '');

function decodeCursor(cursor: string): { dir: 'a' | 'b'; id: string } {
  let text = '';
  try {
    text = atob(cursor);
  } catch {
    text = '';
  }
  const m = /^([ab]):([\w-]{1,64})$/.exec(text);
  if (!m)
    throw new RuleError(400, 'bad_request', 'The cursor is not valid.', {
      cursor: 'Not a cursor.',
    });
  return { dir: m[1] as 'a' | 'b', id: m[2] as string };
}

export function listComments(ctx: Ctx, slug: string, query: unknown): CommentPage {
  const { cursor, anchor, limit } = parse(commentListQuerySchema, query);
  findDiscussion(ctx, slug);
  const ordered = threadOrder(ctx.store.comments.filter((c) => c.discussionSlug === slug));
  const position = (id: string, field: string) => {
    const i = ordered.findIndex((c) => c.id === id);
    if (i < 0) {
      if (field === 'anchor') throw notFound('This comment');
      throw new RuleError(400, 'bad_request', 'The cursor is not valid.', {
        cursor: 'Not a cursor.',
      });
    }
    return i;
  };

  let start = 0;
  let end = ordered.length;
  let fromEnd = false;
  if (cursor !== undefined) {
    const { dir, id } = decodeCursor(cursor);
    const i = position(id, 'cursor');
    if (dir === 'a') start = i + 1;
    else {
      end = i;
      fromEnd = true;
    }
  } else if (anchor !== undefined) {
    let target = ordered[position(anchor, 'anchor')] as StoredComment;
    if (!canSee(ctx, target)) throw notFound('This comment');
    while (target.parentId !== null) {
      const parent = ordered.find((c) => c.id === target.parentId);
      if (!parent) break;
      target = parent;
    }
    start = ordered.indexOf(target);
  }

  // One pass decides what this viewer sees; each keeps its place in the whole thread.
  const visible = ordered.flatMap((c, at) => (canSee(ctx, c) ? [{ c, at }] : []));
  const window = visible.filter((v) => v.at >= start && v.at < end);
  const page = fromEnd ? window.slice(-limit) : window.slice(0, limit);
  const first = page[0];
  const last = page[page.length - 1];
  const hasBefore = first !== undefined && (visible[0]?.at ?? Infinity) < first.at;
  const hasAfter = last !== undefined && (visible[visible.length - 1]?.at ?? -1) > last.at;
  return {
    comments: page.map((v) => toComment(ctx, v.c)),
    nextCursor: last && hasAfter ? encodeCursor('a', last.c.id) : null,
    prevCursor: first && hasBefore ? encodeCursor('b', first.c.id) : null,
    total: visible.length,
  };
}
