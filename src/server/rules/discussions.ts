import type { Discussion, DiscussionListResponse } from '../../api/contract';
import { findDiscussionRow, listDiscussionRows } from '../store/discussions';
import type { DiscussionRow } from '../store/schema';
import { type Ctx, RuleError, notFound } from './core';
import { toDiscussion, toDiscussionSummary } from './project';

export async function findDiscussion(ctx: Ctx, slug: string): Promise<DiscussionRow> {
  const d = await findDiscussionRow(ctx.tx, slug);
  if (!d) throw notFound('This discussion');
  return d;
}

export function requireOpen(d: DiscussionRow): void {
  if (d.status !== 'open') {
    throw new RuleError(409, 'discussion_closed', 'This discussion is closed.');
  }
}

export async function listDiscussions(ctx: Ctx): Promise<DiscussionListResponse> {
  const rows = await listDiscussionRows(ctx.tx);
  return { discussions: rows.map(toDiscussionSummary) };
}

export async function getDiscussion(ctx: Ctx, slug: string): Promise<Discussion> {
  return toDiscussion(await findDiscussion(ctx, slug));
}
