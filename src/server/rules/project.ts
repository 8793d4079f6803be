/**
 * From rows to the contract's shapes, for one viewer. A page of entries is
 * projected with a fixed number of queries, however long it is: flags,
 * revisions and the discussions' states are read for the whole page at once.
 */
import type {
  Comment,
  Discussion,
  DiscussionSummary,
  EntryKind,
  EntryPermissions,
  EntryStatus,
  Partner,
  RelatedEvent,
  Resource,
  Revision,
  Role,
} from '../../api/contract';
import { openingTime } from '../../lib/dates';
import type { CommentRow, DiscussionRow, ResourceRow } from '../store/schema';
import { SEED_NOTE, SEED_SLUG } from '../store/seed-data';
import { type Ctx, isAuthor, isModerator } from './core';
import { offeredActions } from './transitions';

export function toDiscussionSummary(d: DiscussionRow): DiscussionSummary {
  return {
    slug: d.slug,
    title: d.title,
    status: d.status,
    startsOn: d.starts_on,
    endsOn: d.ends_on,
    opensAt: openingTime(d.starts_on),
    organiser: d.organiser,
    counts: { comments: d.published_comments, resources: d.published_resources },
  };
}

export function toDiscussion(d: DiscussionRow): Discussion {
  return {
    ...toDiscussionSummary(d),
    introduction: d.introduction,
    partners: JSON.parse(d.partners) as Partner[],
    event: d.event === null ? null : (JSON.parse(d.event) as RelatedEvent),
    originalUrl: d.original_url,
    approvalMode: d.approval_mode,
    closedAt: d.closed_at,
    closedReason: d.closed_reason,
    closesAt: d.closes_at,
    note: d.slug === SEED_SLUG ? SEED_NOTE : null,
    digestPublished: d.digest_published === 1,
  };
}

interface PageFacts {
  openSlugs: Set<string>;
  flagCounts: Map<string, number>;
  flaggedByViewer: Set<string>;
  revisions: Map<string, Revision[]>;
  /** The authors on the page who are moderators now. */
  moderators: Set<string>;
}

async function pageFacts(
  ctx: Ctx,
  kind: EntryKind,
  rows: { id: string; discussion_slug: string; author_id: string | null }[],
): Promise<PageFacts> {
  const facts: PageFacts = {
    openSlugs: new Set(),
    flagCounts: new Map(),
    flaggedByViewer: new Set(),
    revisions: new Map(),
    moderators: new Set(),
  };
  if (rows.length === 0) return facts;
  const ids = rows.map((r) => r.id);
  const slugs = [...new Set(rows.map((r) => r.discussion_slug))];
  const open = await ctx.tx
    .selectFrom('discussions')
    .select('slug')
    .where('slug', 'in', slugs)
    .where('status', '=', 'open')
    .execute();
  for (const d of open) facts.openSlugs.add(d.slug);

  const authorIds = [...new Set(rows.flatMap((r) => (r.author_id ? [r.author_id] : [])))];
  if (authorIds.length > 0) {
    const moderators = await ctx.tx
      .selectFrom('users')
      .select('id')
      .where('id', 'in', authorIds)
      .where('role', '=', 'moderator')
      .execute();
    for (const m of moderators) facts.moderators.add(m.id);
  }

  if (ctx.viewer) {
    const mine = await ctx.tx
      .selectFrom('flags')
      .select('target_id')
      .where('kind', '=', kind)
      .where('user_id', '=', ctx.viewer.id)
      .where('target_id', 'in', ids)
      .execute();
    for (const f of mine) facts.flaggedByViewer.add(f.target_id);
  }
  if (isModerator(ctx)) {
    const counts = await ctx.tx
      .selectFrom('flags')
      .select(['target_id', (eb) => eb.fn.countAll().as('n')])
      .where('open', '=', 1)
      .where('kind', '=', kind)
      .where('target_id', 'in', ids)
      .groupBy('target_id')
      .execute();
    for (const c of counts) facts.flagCounts.set(c.target_id, Number(c.n));
    if (kind === 'comment') {
      const revisions = await ctx.tx
        .selectFrom('revisions')
        .select(['comment_id', 'body', 'edited_at', 'edited_by'])
        .where('comment_id', 'in', ids)
        .orderBy('id')
        .execute();
      for (const r of revisions) {
        const list = facts.revisions.get(r.comment_id) ?? [];
        list.push({ body: r.body, editedAt: r.edited_at, editedBy: r.edited_by });
        facts.revisions.set(r.comment_id, list);
      }
    }
  }
  return facts;
}

function permissions(
  ctx: Ctx,
  facts: PageFacts,
  kind: EntryKind,
  e: {
    id: string;
    discussion_slug: string;
    status: EntryStatus;
    author_id: string | null;
    featured?: 0 | 1;
  },
): EntryPermissions {
  const own = isAuthor(ctx, e.author_id);
  // A closed discussion takes no more text, edits included; withdrawing stays possible.
  const open = facts.openSlugs.has(e.discussion_slug);
  const hasFlagged = facts.flaggedByViewer.has(e.id);
  return {
    canEdit: own && e.status === 'pending' && open,
    canWithdraw: own && e.status === 'pending',
    canFlag: ctx.viewer !== null && !own && e.status === 'published' && !hasFlagged,
    hasFlagged,
    canModerate: isModerator(ctx),
    moderation: isModerator(ctx)
      ? offeredActions(
          kind,
          { status: e.status, featured: e.featured === 1 },
          facts.flagCounts.get(e.id) ?? 0,
        )
      : [],
  };
}

const roleOf = (facts: PageFacts, authorId: string | null): Role =>
  authorId !== null && facts.moderators.has(authorId) ? 'moderator' : 'participant';

/** Why a moderator rejected or hid it: for the author and moderators, and for hidden entries to all. */
const reasonFor = (ctx: Ctx, e: CommentRow | ResourceRow) =>
  e.status === 'hidden' || isModerator(ctx) || isAuthor(ctx, e.author_id)
    ? e.moderation_reason
    : null;

/**
 * The facts of an entry the viewer has just written in this transaction, in a
 * discussion found open: no one can have flagged or revised it yet, and its author
 * is the viewer, as read for this request. Nothing to ask the database.
 */
function newEntryFacts(ctx: Ctx, slug: string): PageFacts {
  return {
    openSlugs: new Set([slug]),
    flagCounts: new Map(),
    flaggedByViewer: new Set(),
    revisions: new Map(),
    moderators: new Set(ctx.viewer?.role === 'moderator' ? [ctx.viewer.id] : []),
  };
}

export async function projectComments(ctx: Ctx, rows: CommentRow[]): Promise<Comment[]> {
  return commentsWith(ctx, rows, await pageFacts(ctx, 'comment', rows));
}

function commentsWith(ctx: Ctx, rows: CommentRow[], facts: PageFacts): Comment[] {
  return rows.map((c) => {
    // Readers of a hidden entry see only the moderator's reason, never its text.
    const concealed = c.status === 'hidden' && !isModerator(ctx);
    const revisions = facts.revisions.get(c.id);
    return {
      id: c.id,
      discussionSlug: c.discussion_slug,
      parentId: c.parent_id,
      depth: c.depth,
      author: {
        id: c.author_id,
        name: c.author_name,
        organisation: c.author_organisation,
        role: roleOf(facts, c.author_id),
      },
      body: concealed ? '' : c.body,
      html: concealed ? '' : c.html,
      hashtags: concealed ? [] : (JSON.parse(c.hashtags) as string[]),
      status: c.status,
      moderationReason: reasonFor(ctx, c),
      featured: c.featured === 1,
      original: c.original === 1,
      createdAt: c.created_at,
      editedAt: c.edited_at,
      flagCount: facts.flagCounts.get(c.id) ?? 0,
      viewer: permissions(ctx, facts, 'comment', c),
      ...(revisions ? { revisions } : {}),
    };
  });
}

export async function projectResources(ctx: Ctx, rows: ResourceRow[]): Promise<Resource[]> {
  const facts = await pageFacts(ctx, 'resource', rows);
  return rows.map((r) => {
    const concealed = r.status === 'hidden' && !isModerator(ctx);
    return {
      id: r.id,
      discussionSlug: r.discussion_slug,
      url: concealed ? null : r.url,
      title: concealed ? '' : r.title,
      kind: r.kind,
      description: concealed ? '' : r.description,
      sharedBy:
        r.author_name === null
          ? null
          : {
              id: r.author_id,
              name: r.author_name,
              organisation: r.author_organisation,
              role: roleOf(facts, r.author_id),
            },
      status: r.status,
      moderationReason: reasonFor(ctx, r),
      original: r.original === 1,
      createdAt: r.created_at,
      flagCount: facts.flagCounts.get(r.id) ?? 0,
      viewer: permissions(ctx, facts, 'resource', r),
    };
  });
}

export async function projectComment(ctx: Ctx, row: CommentRow): Promise<Comment> {
  return (await projectComments(ctx, [row]))[0] as Comment;
}

/** A comment the viewer has just posted in an open discussion (see newEntryFacts). */
export function projectNewComment(ctx: Ctx, row: CommentRow): Comment {
  return commentsWith(ctx, [row], newEntryFacts(ctx, row.discussion_slug))[0] as Comment;
}

export async function projectResource(ctx: Ctx, row: ResourceRow): Promise<Resource> {
  return (await projectResources(ctx, [row]))[0] as Resource;
}
