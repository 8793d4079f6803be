/**
 * Live updates: the events a change raises, who may receive each, and what a
 * stream starts from. Events are raised by the rules in the request's
 * transaction and written just before it commits, so an event exists exactly
 * when its change does; the fan-out (http/live-hub.ts) only reads them.
 *
 * Audiences: `everyone` (what anyone may read of the discussion: published and
 * hidden entries, closings), `moderators` (waiting and rejected entries, and the
 * queue; `user_id` is the entry's author, who sees their own), and `user` (one
 * person only: the seam for notifications, raised with `raise(ctx, { kind:
 * 'notification', … }, 'user', userId)`).
 */
import {
  liveQuerySchema,
  type DiscussionStatus,
  type EntryKind,
  type EntryStatus,
  type LiveEvent,
  type ModerationAction,
} from '../../api/contract';
import { deleteEventsBefore, findEventBounds, insertEvents } from '../store/events';
import type { Audience, CommentRow, EventRow, ResourceRow, UserRow } from '../store/schema';
import { type Ctx, type Tx, parse } from './core';
import { findDiscussion } from './discussions';

/** Events are kept this long: a client away longer refetches instead of replaying. */
export const EVENTS_KEPT_MS = 24 * 3600_000;

export function raise(
  ctx: Ctx,
  event: LiveEvent,
  audience: Audience,
  userId: string | null = null,
) {
  ctx.raised?.push({ event, audience, userId });
}

/** Who may read an entry in this status: anyone for published and hidden ones (a placeholder). */
const audienceOf = (status: EntryStatus): Audience =>
  status === 'published' || status === 'hidden' ? 'everyone' : 'moderators';

type EntryRow = CommentRow | ResourceRow;

type Change = Extract<LiveEvent, { kind: 'entry' }>['change'];

/**
 * An entry changed. Everyone hears of it when anyone may read it before or after
 * (published, or hidden as a placeholder); otherwise moderators and its author.
 * A flag is for moderators alone.
 */
export function raiseEntry(
  ctx: Ctx,
  kind: EntryKind,
  row: EntryRow,
  change: Change,
  options: { action?: ModerationAction; by?: UserRow; was?: EntryStatus } = {},
) {
  const { action = null, by, was } = options;
  const audience: Audience =
    change === 'flagged'
      ? 'moderators'
      : was && audienceOf(was) === 'everyone'
        ? 'everyone'
        : audienceOf(row.status);
  raise(
    ctx,
    {
      kind: 'entry',
      discussion: row.discussion_slug,
      entry: {
        kind,
        id: row.id,
        status: row.status,
        parentId: 'parent_id' in row ? row.parent_id : null,
      },
      change,
      action,
      by: by ? { id: by.id, name: by.display_name } : null,
    },
    audience,
    audience === 'moderators' && change !== 'flagged' ? row.author_id : null,
  );
}

export function raiseDiscussion(ctx: Ctx, discussion: string, status: DiscussionStatus) {
  raise(ctx, { kind: 'discussion', discussion, status }, 'everyone');
}

/** Writes the request's events and drops those older than a day; the caller orders commits. */
export async function writeRaised(ctx: Ctx): Promise<boolean> {
  const raised = ctx.raised ?? [];
  if (raised.length === 0) return false;
  const at = ctx.now.toISOString();
  await insertEvents(
    ctx.tx,
    raised.map(({ event, audience, userId }) => ({
      at,
      discussion_slug: 'discussion' in event ? event.discussion : null,
      audience,
      user_id: userId,
      data: JSON.stringify(event),
    })),
  );
  await deleteEventsBefore(ctx.tx, new Date(ctx.now.getTime() - EVENTS_KEPT_MS).toISOString());
  return true;
}

export interface Scope {
  /** A discussion page: only that discussion's public events. Absent: every discussion's. */
  discussion?: string | undefined;
}

/** Whether this viewer, on a page of this scope, receives the event. */
export function mayReceive(viewer: UserRow | null, scope: Scope, row: EventRow): boolean {
  const active = viewer && !viewer.suspended_at ? viewer : null;
  if (row.audience === 'user') return active !== null && active.id === row.user_id;
  if (row.audience === 'moderators') {
    return active !== null && (active.role === 'moderator' || active.id === row.user_id);
  }
  return (
    scope.discussion === undefined ||
    row.discussion_slug === null ||
    row.discussion_slug === scope.discussion
  );
}

/** The event as this viewer reads it: the deciding moderator is named to moderators only. */
export function eventFor(viewer: UserRow | null, row: EventRow): LiveEvent {
  const event = JSON.parse(row.data) as LiveEvent;
  if (event.kind === 'entry' && event.by && viewer?.role !== 'moderator') {
    return { ...event, by: null };
  }
  return event;
}

export interface StreamStart {
  /** The last event the stream counts as sent; it sends every later one. */
  after: number;
  /** What the client missed is gone (or the forum's data was replaced): it must refetch. */
  reset: boolean;
}

/** From the client's `Last-Event-ID`, or from now for a new stream. */
export async function streamStart(tx: Tx, lastEventId: string | undefined): Promise<StreamStart> {
  const { first, last } = await findEventBounds(tx);
  const asked = lastEventId === undefined ? NaN : Number(lastEventId);
  if (!Number.isSafeInteger(asked) || asked < 0) return { after: last ?? 0, reset: false };
  // Nothing kept: nothing to replay, and whatever comes next is new.
  if (last === null || first === null) return { after: 0, reset: false };
  if (asked > last || asked < first - 1) return { after: last, reset: true };
  return { after: asked, reset: false };
}

/** Opening a stream: anyone may, for a discussion that exists; what it carries depends on the viewer. */
export async function openStream(
  ctx: Ctx,
  query: unknown,
  lastEventId: string | undefined,
): Promise<{ scope: Scope; start: StreamStart }> {
  const { discussion } = parse(liveQuerySchema, query);
  if (discussion !== undefined) await findDiscussion(ctx, discussion);
  return { scope: { discussion }, start: await streamStart(ctx.tx, lastEventId) };
}
