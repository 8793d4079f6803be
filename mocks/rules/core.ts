/**
 * What every backend rule stands on: the request context, the error a rule
 * refuses with, and the projections from stored records to the contract's shapes
 * for a given viewer. Plain functions over the store; no HTTP, no MSW.
 */
import type {
  Author,
  Comment,
  Discussion,
  DiscussionSummary,
  EntryKind,
  EntryPermissions,
  ErrorCode,
  Resource,
  User,
} from '../../src/api/contract';
import type { z } from 'zod';
import type { Store, StoredComment, StoredDiscussion, StoredResource, StoredUser } from '../store';

export interface Ctx {
  store: Store;
  viewer: StoredUser | null;
  now: Date;
}

export class RuleError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'RuleError';
  }
}

export const notFound = (what: string) => new RuleError(404, 'not_found', `${what} was not found.`);

export function requireUser(ctx: Ctx): StoredUser {
  if (!ctx.viewer) throw new RuleError(401, 'unauthenticated', 'Sign in to do this.');
  return ctx.viewer;
}

export function requireModerator(ctx: Ctx): StoredUser {
  const user = requireUser(ctx);
  if (user.role !== 'moderator') {
    throw new RuleError(403, 'forbidden', 'Only moderators can do this.');
  }
  return user;
}

/** Validates input with a contract schema; a failure names each field. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : '_';
    fields[key] ??=
      issue.code === 'unrecognized_keys'
        ? `Unknown field: ${issue.keys.join(', ')}.`
        : issue.message;
  }
  const first = Object.values(fields)[0] ?? 'The request is not valid.';
  throw new RuleError(400, 'validation_failed', first, fields);
}

export function toUser(u: StoredUser): User {
  return { id: u.id, displayName: u.displayName, organisation: u.organisation, role: u.role };
}

/** Closes a discussion whose scheduled closing time has passed; called before any read. */
export function applySchedule(ctx: Ctx, d: StoredDiscussion): StoredDiscussion {
  if (d.status === 'open' && d.closesAt && Date.parse(d.closesAt) <= ctx.now.getTime()) {
    d.status = 'closed';
    d.closedAt = d.closesAt;
    d.closedReason ??= 'The discussion closed at its scheduled time.';
  }
  return d;
}

export function findDiscussion(ctx: Ctx, slug: string): StoredDiscussion {
  const d = ctx.store.discussions.find((x) => x.slug === slug);
  if (!d) throw notFound('This discussion');
  return applySchedule(ctx, d);
}

export function requireOpen(d: StoredDiscussion): void {
  if (d.status !== 'open') {
    throw new RuleError(409, 'discussion_closed', 'This discussion is closed.');
  }
}

const isModerator = (ctx: Ctx) => ctx.viewer?.role === 'moderator';
const isAuthor = (ctx: Ctx, authorId: string | null) =>
  ctx.viewer !== null && authorId !== null && ctx.viewer.id === authorId;

/** Published and hidden entries are part of the thread for everyone; the rest only for their author and moderators. */
export function canSee(ctx: Ctx, e: { status: string; authorId: string | null }): boolean {
  if (e.status === 'published' || e.status === 'hidden') return true;
  if (e.status === 'withdrawn') return false;
  return isModerator(ctx) || isAuthor(ctx, e.authorId);
}

export function countPublished(store: Store, slug: string) {
  let comments = 0;
  let resources = 0;
  for (const c of store.comments) {
    if (c.discussionSlug === slug && c.status === 'published') comments++;
  }
  for (const r of store.resources) {
    if (r.discussionSlug === slug && r.status === 'published') resources++;
  }
  return { comments, resources };
}

export function toDiscussionSummary(ctx: Ctx, d: StoredDiscussion): DiscussionSummary {
  return {
    slug: d.slug,
    title: d.title,
    status: d.status,
    startsOn: d.startsOn,
    endsOn: d.endsOn,
    organiser: d.organiser,
    counts: countPublished(ctx.store, d.slug),
  };
}

export function toDiscussion(ctx: Ctx, d: StoredDiscussion): Discussion {
  return {
    ...toDiscussionSummary(ctx, d),
    introduction: d.introduction,
    partners: d.partners,
    event: d.event,
    originalUrl: d.originalUrl,
    approvalMode: d.approvalMode,
    closedAt: d.closedAt,
    closedReason: d.closedReason,
    closesAt: d.closesAt,
    digestPublished: d.digest.published,
  };
}

function openFlags(ctx: Ctx, kind: EntryKind, id: string) {
  return ctx.store.flags.filter((f) => f.kind === kind && f.targetId === id && f.open);
}

function permissions(
  ctx: Ctx,
  kind: EntryKind,
  e: { id: string; discussionSlug: string; status: string; authorId: string | null },
): EntryPermissions {
  const own = isAuthor(ctx, e.authorId);
  // A closed discussion takes no more text, edits included; withdrawing stays possible.
  const open = ctx.store.discussions.some(
    (d) => d.slug === e.discussionSlug && d.status === 'open',
  );
  const hasFlagged = ctx.viewer
    ? ctx.store.flags.some(
        (f) => f.kind === kind && f.targetId === e.id && f.userId === ctx.viewer?.id,
      )
    : false;
  return {
    canEdit: own && e.status === 'pending' && open,
    canWithdraw: own && e.status === 'pending',
    canFlag: ctx.viewer !== null && !own && e.status === 'published' && !hasFlagged,
    hasFlagged,
    canModerate: isModerator(ctx),
    moderation: [],
  };
}

export function toComment(ctx: Ctx, c: StoredComment): Comment {
  // Readers of a hidden entry see only the moderator's reason, never its text.
  const concealed = c.status === 'hidden' && !isModerator(ctx);
  const author: Author = { id: c.authorId, name: c.authorName, organisation: c.authorOrganisation };
  return {
    id: c.id,
    discussionSlug: c.discussionSlug,
    parentId: c.parentId,
    depth: c.depth,
    author,
    body: concealed ? '' : c.body,
    html: concealed ? '' : c.html,
    hashtags: concealed ? [] : c.hashtags,
    status: c.status,
    moderationReason:
      c.status === 'hidden' || isModerator(ctx) || isAuthor(ctx, c.authorId)
        ? c.moderationReason
        : null,
    featured: c.featured,
    original: c.original,
    createdAt: c.createdAt,
    editedAt: c.editedAt,
    flagCount: isModerator(ctx) ? openFlags(ctx, 'comment', c.id).length : 0,
    viewer: permissions(ctx, 'comment', c),
    ...(isModerator(ctx) && c.revisions.length > 0 ? { revisions: c.revisions } : {}),
  };
}

export function toResource(ctx: Ctx, r: StoredResource): Resource {
  const concealed = r.status === 'hidden' && !isModerator(ctx);
  return {
    id: r.id,
    discussionSlug: r.discussionSlug,
    url: concealed ? null : r.url,
    title: concealed ? '' : r.title,
    kind: r.kind,
    description: concealed ? '' : r.description,
    sharedBy:
      r.authorName === null
        ? null
        : { id: r.authorId, name: r.authorName, organisation: r.authorOrganisation },
    status: r.status,
    moderationReason:
      r.status === 'hidden' || isModerator(ctx) || isAuthor(ctx, r.authorId)
        ? r.moderationReason
        : null,
    original: r.original,
    createdAt: r.createdAt,
    flagCount: isModerator(ctx) ? openFlags(ctx, 'resource', r.id).length : 0,
    viewer: permissions(ctx, 'resource', r),
  };
}
