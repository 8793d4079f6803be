import type { Discussion, DiscussionListResponse } from '../../api/contract';
import { formatMoment, openingTime } from '../../lib/dates';
import { findDiscussionRow, listDiscussionRows } from '../store/discussions';
import type { DiscussionRow } from '../store/schema';
import { type Ctx, RuleError, notFound } from './core';
import { toDiscussion, toDiscussionSummary } from './project';

export async function findDiscussion(ctx: Ctx, slug: string): Promise<DiscussionRow> {
  const d = await findDiscussionRow(ctx.tx, slug);
  if (!d) throw notFound('This discussion');
  return d;
}

/** A discussion takes entries while it is open and once its first day has begun. */
export function requireOpen(d: DiscussionRow, now: Date): void {
  if (d.status !== 'open') {
    throw new RuleError(409, 'discussion_closed', 'This discussion is closed.');
  }
  const opensAt = openingTime(d.starts_on);
  if (now.getTime() < Date.parse(opensAt)) {
    throw new RuleError(
      409,
      'not_open',
      `This discussion opens on ${formatMoment(opensAt)}; it takes comments and resources from then.`,
      undefined,
      { opensAt },
    );
  }
}

export async function listDiscussions(ctx: Ctx): Promise<DiscussionListResponse> {
  const rows = await listDiscussionRows(ctx.tx);
  return { discussions: rows.map(toDiscussionSummary) };
}

export async function getDiscussion(ctx: Ctx, slug: string): Promise<Discussion> {
  return toDiscussion(await findDiscussion(ctx, slug));
}
