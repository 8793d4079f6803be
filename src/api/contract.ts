/**
 * The HTTP contract between the Agora client and its backend: resource shapes,
 * request bodies with their validation, and the error envelope. The mock backend
 * validates with these same schemas, and a real server implements the same rules.
 *
 * Building a zod schema is a side effect a bundler cannot drop, so code on the
 * reader's path imports only types from here (ESLint enforces it); forms that
 * validate load with their lazy route or component.
 */
import { z } from 'zod';
import { onlyInvisible, visibleLine, visibleText } from './text';

// Pages run under a Content-Security-Policy without 'unsafe-eval'; zod would
// otherwise probe `new Function` and the browser would report the refusal.
z.config().jitless = true;

export { API_BASE } from './api-base';

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'duplicate'
  | 'discussion_closed'
  /** A discussion whose start date is still ahead: it takes entries from `details.opensAt`. */
  | 'not_open'
  | 'payload_too_large'
  | 'suspended'
  /** Too many attempts of one kind: `details.retryAfterSeconds` says when to try again. */
  | 'rate_limited'
  /** An Idempotency-Key sent again with another method, address or body. */
  | 'idempotency_mismatch'
  /** A write not from the forum's own origin (Origin, or Sec-Fetch-Site where no Origin is sent). */
  | 'cross_origin'
  /** A write whose body is not declared JSON. */
  | 'unsupported_media_type'
  | 'internal';

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    /** Field name to message, for validation failures. */
    fields?: Record<string, string>;
    /** Extra facts a client can act on, e.g. the existing entry of a duplicate. */
    details?: Record<string, unknown>;
  };
}

// ---------------------------------------------------------------------------
// People and sessions
// ---------------------------------------------------------------------------

export type Role = 'participant' | 'moderator';

export interface User {
  id: string;
  displayName: string;
  organisation: string | null;
  role: Role;
}

export interface SessionResponse {
  user: User | null;
}

export const SESSION_COOKIE = 'agora_session';

/** A one-line text as readers will see it (see text.ts): invisible characters go before any length check. */
const line = (error?: string) => z.string(error ? { error } : undefined).overwrite(visibleLine);
/** A multi-line text as readers will see it: line breaks and tabs stay. */
const text = (error?: string) => z.string(error ? { error } : undefined).overwrite(visibleText);
/** A name of which nothing would show is refused, rather than stored empty. */
const name = (unreadable: string) =>
  z
    .string()
    .refine((v) => !onlyInvisible(v), { error: unreadable, abort: true })
    .overwrite(visibleLine);

export const signInSchema = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address.')),
  password: z.string().min(1, 'Enter your password.').max(200),
});
export type SignInBody = z.input<typeof signInSchema>;

export const joinSchema = z.strictObject({
  displayName: name('Enter a name people can read: this one has only invisible characters.')
    .min(2, 'Enter a display name of at least 2 characters.')
    .max(80, 'Keep the display name under 80 characters.'),
  organisation: name('Enter an organisation people can read, or leave it empty.')
    .max(120, 'Keep the organisation under 120 characters.')
    .optional()
    .transform((v) => (v ? v : null)),
  email: z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address.')),
  password: z
    .string()
    .min(8, 'Choose a password of at least 8 characters.')
    .max(200, 'Keep the password under 200 characters.')
    .refine((p) => p.trim() !== '', 'Choose a password that is not only spaces.'),
});
export type JoinBody = z.input<typeof joinSchema>;

// ---------------------------------------------------------------------------
// Discussions
// ---------------------------------------------------------------------------

export type DiscussionStatus = 'open' | 'closed';
/** Which entries a moderator must approve before they are published. */
export type ApprovalMode = 'all' | 'first' | 'none';

export interface Partner {
  name: string;
  url: string | null;
}

export interface RelatedEvent {
  title: string;
  date: string; // ISO date
  place: string;
  description: string;
}

export interface DiscussionSummary {
  slug: string;
  title: string;
  status: DiscussionStatus;
  /** ISO dates, inclusive, of UTC days. */
  startsOn: string;
  endsOn: string;
  /** When it starts taking entries: 00:00 UTC on `startsOn`. */
  opensAt: string;
  organiser: string;
  counts: { comments: number; resources: number };
}

export interface Discussion extends DiscussionSummary {
  introduction: string;
  partners: Partner[];
  event: RelatedEvent | null;
  originalUrl: string | null;
  approvalMode: ApprovalMode;
  closedAt: string | null;
  closedReason: string | null;
  /**
   * A scheduled closing time; the discussion closes by itself then. A new discussion's is the
   * end of its last day (23:59:59 UTC) until a moderator sets another.
   */
  closesAt: string | null;
  /** Words the forum adds about the discussion (the demo's reopened 2015 discussion), apart from its own text. */
  note: string | null;
  digestPublished: boolean;
}

export interface DiscussionListResponse {
  discussions: DiscussionSummary[];
}

// The form's date fields are the browser's date pickers, which show the reader's own format.
const isoDate = z.iso.date('Choose a date.');

export const partnerSchema = z.strictObject({
  name: line().min(1, 'Name the partner.').max(120),
  url: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .default(null),
});

export const eventSchema = z.strictObject({
  title: line().min(1, 'Name the event.').max(200),
  date: isoDate,
  place: line().max(200).default(''),
  description: text().max(2000).default(''),
});

export const createDiscussionSchema = z
  .strictObject({
    title: line().min(5, 'Give a title of at least 5 characters.').max(200),
    introduction: text().min(1, 'Write an introduction.').max(5000),
    organiser: line().min(1, 'Name the organiser.').max(120),
    partners: z.array(partnerSchema).max(20).default([]),
    startsOn: isoDate,
    endsOn: isoDate,
    event: eventSchema.nullable().default(null),
    approvalMode: z.enum(['all', 'first', 'none']).default('all'),
  })
  .refine((d) => d.endsOn >= d.startsOn, {
    error: 'The end date must not be before the start date.',
    path: ['endsOn'],
  });
export type CreateDiscussionBody = z.input<typeof createDiscussionSchema>;

export const updateDiscussionSchema = z.strictObject({
  title: line().min(5).max(200).optional(),
  introduction: text().min(1).max(5000).optional(),
  organiser: line().min(1).max(120).optional(),
  partners: z.array(partnerSchema).max(20).optional(),
  startsOn: isoDate.optional(),
  endsOn: isoDate.optional(),
  event: eventSchema.nullable().optional(),
  approvalMode: z.enum(['all', 'first', 'none']).optional(),
  status: z.enum(['open', 'closed']).optional(),
  closedReason: text().max(500).optional(),
  closesAt: z.iso.datetime({ offset: true }).nullable().optional(),
});
export type UpdateDiscussionBody = z.input<typeof updateDiscussionSchema>;

// ---------------------------------------------------------------------------
// Entries: comments and resources share a moderation life cycle
// ---------------------------------------------------------------------------

/**
 * pending → published | rejected; pending → withdrawn (by its author);
 * published → hidden → published (restore). A hidden entry keeps its replies.
 */
export const ENTRY_STATUSES = ['pending', 'published', 'rejected', 'hidden', 'withdrawn'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export interface Author {
  id: string | null;
  name: string;
  organisation: string | null;
  /** The account's role now: readers see a moderator's badge beside the name. */
  role: Role;
}

export type FlagReason = 'spam' | 'abusive' | 'off-topic' | 'other';

/** What the signed-in viewer may do with an entry; the backend decides. */
export interface EntryPermissions {
  canEdit: boolean;
  canWithdraw: boolean;
  canFlag: boolean;
  hasFlagged: boolean;
  canModerate: boolean;
  /** The decisions a moderator is offered on the entry as it stands, in order; empty for others. */
  moderation: ModerationAction[];
}

export interface Comment {
  id: string;
  discussionSlug: string;
  parentId: string | null;
  /** 0 for a top-level comment; replies nest to depth 2 at most. */
  depth: number;
  author: Author;
  /** Markdown source; empty for viewers who may not see a hidden entry. */
  body: string;
  /** Safe HTML rendered by the backend from `body`. */
  html: string;
  hashtags: string[];
  status: EntryStatus;
  /** Why a moderator rejected or hid it (shown to the author, and for hidden entries to all). */
  moderationReason: string | null;
  featured: boolean;
  /** Carried over from the February 2015 discussion, whose times were not recorded. */
  original: boolean;
  createdAt: string;
  editedAt: string | null;
  flagCount: number;
  viewer: EntryPermissions;
  /** Earlier texts replaced by a moderator's edit, oldest first; sent to moderators only. */
  revisions?: Revision[];
}

export interface CommentPage {
  comments: Comment[];
  /** Pass as `cursor` to get the next page; null at the end. */
  nextCursor: string | null;
  /** Pass as `cursor` to get the page before; null at the start. */
  prevCursor: string | null;
  /** Comments this viewer can see in the whole thread. */
  total: number;
}

export const COMMENT_MIN = 2;
export const COMMENT_MAX = 10_000;
export const PAGE_LIMIT_DEFAULT = 50;
export const PAGE_LIMIT_MAX = 100;

export const commentBodySchema = text('Write a comment.')
  .min(COMMENT_MIN, `Write at least ${COMMENT_MIN} characters.`)
  .max(COMMENT_MAX, `Keep it under ${COMMENT_MAX.toLocaleString('en')} characters.`);

export const createCommentSchema = z.strictObject({
  body: commentBodySchema,
  parentId: z.string().min(1).max(64).nullable().default(null),
});
export type CreateCommentBody = z.input<typeof createCommentSchema>;

export const updateCommentSchema = z.strictObject({ body: commentBodySchema });
export type UpdateCommentBody = z.input<typeof updateCommentSchema>;

export const commentListQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional(),
  /** Start the page at the thread that holds this comment (for permalinks). */
  anchor: z.string().max(64).optional(),
  limit: z.coerce
    .number({ error: 'limit must be a number.' })
    .int()
    .min(1)
    .max(PAGE_LIMIT_MAX)
    .default(PAGE_LIMIT_DEFAULT),
});

// ---------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------

export const SEARCH_QUERY_MAX = 200;
export const SEARCH_PAGE_SIZE = 20;

export const searchQuerySchema = z.strictObject({
  q: z
    .string({ error: 'Type the words to search for.' })
    .trim()
    .min(1, 'Type the words to search for.')
    .max(SEARCH_QUERY_MAX, `Search for ${SEARCH_QUERY_MAX} characters at most.`),
  cursor: z.string().max(200).optional(),
});

/** A run of an excerpt's text, marked where it holds one of the searched words. */
export interface ExcerptPart {
  text: string;
  match: boolean;
}

/** A published comment that holds every searched word. */
export interface SearchHit {
  id: string;
  parentId: string | null;
  author: Author;
  createdAt: string;
  original: boolean;
  /** Plain text around the first match, cut at words. */
  excerpt: ExcerptPart[];
}

export interface SearchResults {
  /** The words as searched: the query trimmed. */
  query: string;
  /** Published comments of the discussion that match, in all. */
  total: number;
  /** Newest first. */
  hits: SearchHit[];
  /** Pass as `cursor` for the next hits; null after the last. */
  nextCursor: string | null;
}

export const RESOURCE_KINDS = ['course', 'talk', 'report', 'tool', 'article', 'other'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
export const RESOURCE_DESCRIPTION_MAX = 500;

export interface Resource {
  id: string;
  discussionSlug: string;
  /** Null where the original discussion recorded no address. */
  url: string | null;
  title: string;
  kind: ResourceKind;
  description: string;
  /** Null where the original discussion did not record who shared it. */
  sharedBy: Author | null;
  status: EntryStatus;
  moderationReason: string | null;
  original: boolean;
  createdAt: string;
  flagCount: number;
  viewer: EntryPermissions;
}

export interface ResourceListResponse {
  resources: Resource[];
}

export type ResourceSort = 'newest' | 'title';

export const resourceListQuerySchema = z.strictObject({
  kind: z.enum(RESOURCE_KINDS).optional(),
  sort: z.enum(['newest', 'title']).default('newest'),
});

export const createResourceSchema = z.strictObject({
  url: z.string({ error: 'Enter the address.' }).trim().min(1, 'Enter the address.').max(2000),
  title: line('Enter a title.')
    .min(2, 'Enter a title of at least 2 characters.')
    .max(200, 'Keep the title under 200 characters.'),
  kind: z.enum(RESOURCE_KINDS, { error: 'Choose a kind.' }),
  description: text()
    .max(
      RESOURCE_DESCRIPTION_MAX,
      `Keep the description under ${RESOURCE_DESCRIPTION_MAX} characters.`,
    )
    .default(''),
});
export type CreateResourceBody = z.input<typeof createResourceSchema>;

// ---------------------------------------------------------------------------
// Campaigns
// ---------------------------------------------------------------------------

export interface Campaign {
  /** Lower-cased key used in addresses. */
  tag: string;
  /** As first written, e.g. "HeForShe". */
  label: string;
  /** Published comments that mention it. */
  commentCount: number;
  /** Listed in the original digest. */
  original: boolean;
}

export interface CampaignListResponse {
  campaigns: Campaign[];
}

export interface CampaignDetailResponse {
  campaign: Campaign;
  comments: Comment[];
}

// ---------------------------------------------------------------------------
// Flags
// ---------------------------------------------------------------------------

export const FLAG_HIDE_THRESHOLD = 3;
/** The reason an entry hidden by participants' flags carries until a moderator decides. */
export const FLAG_HIDE_REASON = 'Hidden pending review after reports from participants';

/**
 * An account is new until it has a published entry or is this old. New accounts'
 * flags do not count towards hiding, and what they post is limited below
 * (like Discourse's trust level 0).
 */
export const NEW_ACCOUNT_HOURS = 24;
/** Entries a new account may have waiting for a moderator at once. */
export const NEW_ACCOUNT_PENDING_MAX = 3;
/** Links a new account may put in one comment or resource description (a resource's own address aside). */
export const NEW_ACCOUNT_LINKS_MAX = 2;

export interface FlagResponse {
  flagged: true;
}

export const createFlagSchema = z
  .strictObject({
    reason: z.enum(['spam', 'abusive', 'off-topic', 'other'], { error: 'Choose a reason.' }),
    note: text().max(500).default(''),
  })
  .refine((f) => f.reason !== 'other' || f.note.length > 0, {
    error: 'Say what is wrong.',
    path: ['note'],
  });
export type CreateFlagBody = z.input<typeof createFlagSchema>;

// ---------------------------------------------------------------------------
// Moderation
// ---------------------------------------------------------------------------

export type EntryKind = 'comment' | 'resource';

export const REJECTION_PRESETS = [
  'Off-topic',
  'Abusive',
  'Spam',
  'Duplicate',
  'Personal information',
] as const;

export const MODERATION_ACTIONS = [
  'approve',
  'edit-approve',
  'reject',
  'hide',
  'restore',
  'dismiss-flags',
  'feature',
  'unfeature',
] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

export interface FlagSummary {
  reason: FlagReason;
  count: number;
  notes: string[];
}

export interface QueueItem {
  kind: EntryKind;
  /** 'new' waits for a first decision; 'flagged' is published or auto-hidden and flagged. */
  reason: 'new' | 'flagged';
  discussion: { slug: string; title: string };
  comment: Comment | null;
  resource: Resource | null;
  /** The comment a reply answers. */
  parent: Comment | null;
  flags: FlagSummary[];
  /** Who the author is to the forum: when they joined and how their other entries ended. */
  authorHistory: AuthorHistory;
}

export interface AuthorHistory {
  /** When the account was made; null for entries with no account (the original discussion's). */
  joinedAt: string | null;
  /** No published entry and younger than NEW_ACCOUNT_HOURS: limited, and its flags do not hide. */
  newAccount: boolean;
  /** The author's other comments and resources by outcome, this one not counted. */
  published: number;
  rejected: number;
  hidden: number;
  pending: number;
}

export interface QueueResponse {
  /** One page, in the queue's order: new entries first, then flagged ones, oldest first. */
  items: QueueItem[];
  /** Everything waiting under these filters, on every page. */
  total: number;
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

export const QUEUE_PAGE_DEFAULT = 50;
export const QUEUE_PAGE_MAX = 100;

export const queueQuerySchema = z.strictObject({
  discussion: z.string().max(120).optional(),
  kind: z.enum(['comment', 'resource']).optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce
    .number({ error: 'limit must be a number.' })
    .int()
    .min(1)
    .max(QUEUE_PAGE_MAX)
    .default(QUEUE_PAGE_DEFAULT),
});

export const decisionSchema = z
  .strictObject({
    kind: z.enum(['comment', 'resource']),
    id: z.string().min(1).max(64),
    action: z.enum(MODERATION_ACTIONS),
    reason: text().max(500).optional(),
    body: commentBodySchema.optional(),
    /** The status the moderator saw; a different current status is a 409. */
    expectedStatus: z.enum(ENTRY_STATUSES),
    /** The entry's `editedAt ?? createdAt` as the moderator read it; a later edit is a 409. */
    expectedVersion: z.string().max(40).optional(),
  })
  .refine((d) => !(d.action === 'reject' || d.action === 'hide') || (d.reason ?? '') !== '', {
    error: 'Give a reason.',
    path: ['reason'],
  })
  .refine((d) => d.action !== 'edit-approve' || d.body !== undefined, {
    error: 'Give the edited text.',
    path: ['body'],
  });
export type DecisionBody = z.input<typeof decisionSchema>;

export interface DecisionResponse {
  comment: Comment | null;
  resource: Resource | null;
}

/** Several decisions at once; each succeeds or fails on its own. */
export const batchDecisionSchema = z.strictObject({
  decisions: z.array(z.unknown()).min(1, 'Choose at least one entry.').max(100),
});
export type BatchDecisionBody = { decisions: DecisionBody[] };

export type BatchDecisionResult =
  ({ ok: true } & DecisionResponse) | { ok: false; id: string; error: ErrorBody['error'] };

export interface BatchDecisionResponse {
  /** In the order of the request's decisions. */
  results: BatchDecisionResult[];
}

export interface Revision {
  body: string;
  editedAt: string;
  editedBy: string;
}

export interface LogEntry {
  id: string;
  at: string;
  moderator: { id: string; name: string };
  action:
    | ModerationAction
    | 'open'
    | 'close'
    | 'create'
    | 'edit-discussion'
    | 'publish-digest'
    | PeopleAction;
  /** 'account' entries name a person in targetId and have no discussion (''). */
  kind: EntryKind | 'discussion' | 'account';
  targetId: string;
  discussionSlug: string;
  reason: string | null;
  /** A comment's or resource's author (null when not recorded) and the start of its text or its title. */
  entry: { author: string | null; excerpt: string } | null;
}

export interface LogResponse {
  /** Newest first. */
  entries: LogEntry[];
  /** Everyone who has made a decision, for the filter. */
  moderators: { id: string; name: string }[];
}

export const logQuerySchema = z.strictObject({
  discussion: z.string().max(120).optional(),
  action: z.string().max(40).optional(),
  moderator: z.string().max(64).optional(),
});

// ---------------------------------------------------------------------------
// The digest of extracts
// ---------------------------------------------------------------------------

export interface Digest {
  discussionSlug: string;
  published: boolean;
  editorial: string;
  /** Featured comments in the order moderators chose. */
  extracts: Comment[];
  resources: Resource[];
  campaigns: Campaign[];
}

export const updateDigestSchema = z.strictObject({
  editorial: text().max(2000).optional(),
  order: z.array(z.string().min(1).max(64)).max(200).optional(),
  resourceIds: z.array(z.string().min(1).max(64)).max(50).optional(),
  published: z.boolean().optional(),
});
export type UpdateDigestBody = z.input<typeof updateDigestSchema>;

/** Largest request body any endpoint accepts. */
export const MAX_BODY_BYTES = 64 * 1024;

// ---------------------------------------------------------------------------
// People (moderators) and one's own account
// ---------------------------------------------------------------------------

export type PeopleAction =
  'grant-moderator' | 'withdraw-moderator' | 'suspend' | 'restore-account' | 'issue-reset-link';

export const FORMER_PARTICIPANT = 'Former participant';

export interface Person {
  id: string;
  displayName: string;
  organisation: string | null;
  role: Role;
  joinedAt: string;
  suspendedAt: string | null;
  /** The person's comments and resources by outcome. */
  entries: Record<EntryStatus, number>;
}

export interface PeopleResponse {
  people: Person[];
}

export const roleSchema = z.strictObject({ role: z.enum(['participant', 'moderator']) });
export type RoleBody = z.input<typeof roleSchema>;

export interface ResetLinkResponse {
  /** The app's path that sets a new password, e.g. /reset-password/<token>; works once. */
  path: string;
  expiresAt: string;
}

export interface Account {
  user: User;
  email: string;
}

export const updateAccountSchema = joinSchema.pick({ displayName: true, organisation: true });
export type UpdateAccountBody = z.input<typeof updateAccountSchema>;

const newPassword = joinSchema.shape.password;

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1, 'Enter your current password.').max(200),
  newPassword,
});
export type ChangePasswordBody = z.input<typeof changePasswordSchema>;

export const deleteAccountSchema = z.strictObject({
  password: z.string().min(1, 'Enter your password to confirm.').max(200),
});
export type DeleteAccountBody = z.input<typeof deleteAccountSchema>;

export interface PasswordResetInfo {
  /** Whether the forum can send email; without it, a moderator issues reset links. */
  email: boolean;
}

export const requestResetSchema = z.strictObject({ email: signInSchema.shape.email });
export type RequestResetBody = z.input<typeof requestResetSchema>;

export const completeResetSchema = z.strictObject({ password: newPassword });
export type CompleteResetBody = z.input<typeof completeResetSchema>;

// ---------------------------------------------------------------------------
// Export for organisers
// ---------------------------------------------------------------------------

/** An entry's author as an export names them: the name and organisation shown on the page. */
export interface ExportAuthor {
  name: string;
  organisation: string | null;
}

export interface ExportComment {
  id: string;
  parentId: string | null;
  depth: number;
  author: ExportAuthor;
  status: EntryStatus;
  moderationReason: string | null;
  createdAt: string;
  editedAt: string | null;
  /** The Markdown source as published (or as waiting, for an entry not published). */
  body: string;
  campaigns: string[];
}

export interface ExportResource {
  id: string;
  title: string;
  url: string | null;
  kind: ResourceKind;
  description: string;
  /** Null for the original discussion's resources, whose sharer was not recorded. */
  author: ExportAuthor | null;
  status: EntryStatus;
  moderationReason: string | null;
  createdAt: string;
}

export interface ExportCampaign {
  label: string;
  /** Published comments that mention it. */
  commentCount: number;
  /** When a published comment first mentioned it; null for a listed campaign no one has. */
  firstMentionedAt: string | null;
}

/** `GET /discussions/:slug/export.json`: everything of a discussion but the entries withdrawn. */
export interface DiscussionExport {
  exportedAt: string;
  discussion: Discussion;
  comments: ExportComment[];
  resources: ExportResource[];
  campaigns: ExportCampaign[];
}

// ---------------------------------------------------------------------------
// Live updates: `GET /events`, a stream of Server-Sent Events
// ---------------------------------------------------------------------------

/** Heartbeats (comment lines) keep a stream open through proxies that end idle connections. */
export const LIVE_HEARTBEAT_MS = 20_000;

export const liveQuerySchema = z.strictObject({
  /** A discussion page's stream: that discussion's public events, and the viewer's own. */
  discussion: z.string().max(120).optional(),
});

/**
 * One event of the stream; its SSE `id:` is its place in the events table, which
 * a reconnecting client sends back as `Last-Event-ID` to get what it missed.
 *
 * - `entry`: a comment or resource was posted, edited, withdrawn, decided or flagged.
 *   `by` names the deciding moderator, and only moderators receive it.
 * - `discussion`: a discussion was closed, opened or edited.
 * - `reset`: what was missed can no longer be replayed (pruned): refetch everything.
 * - `notification`: addressed to one person (the events table's `user_id`, with the
 *   audience `user`), on the same stream: they were told something new
 *   (rules/notifications.ts); their page asks for its notifications again.
 */
export type LiveEvent =
  | {
      kind: 'entry';
      discussion: string;
      entry: { kind: EntryKind; id: string; status: EntryStatus; parentId: string | null };
      change: 'posted' | 'edited' | 'withdrawn' | 'decided' | 'flagged';
      action: ModerationAction | null;
      by: { id: string; name: string } | null;
    }
  | { kind: 'discussion'; discussion: string; status: DiscussionStatus }
  | { kind: 'reset' }
  | { kind: 'notification'; userId: string };

// ---------------------------------------------------------------------------
// Notifications and following
// ---------------------------------------------------------------------------

/**
 * What a person is told: a moderator's decision on their own entry (published,
 * published with the moderator's edits, rejected, hidden, shown again), or a new
 * published entry where they follow (a reply in a thread, a comment or a
 * resource in a discussion).
 */
export type NotificationKind =
  'published' | 'edited' | 'rejected' | 'hidden' | 'restored' | 'reply' | 'comment' | 'resource';

export interface Notification {
  id: string;
  kind: NotificationKind;
  /** One sentence saying what happened, written by the backend; emails say the same. */
  message: string;
  /** The moderator's reason, for a rejection or a hiding of one's own entry. */
  reason: string | null;
  /** The start of the entry's text while it is shown; null once hidden, rejected or withdrawn. */
  excerpt: string | null;
  discussion: { slug: string; title: string };
  /** The entry in the app (a comment's permalink, the discussion's resources); null once gone. */
  path: string | null;
  createdAt: string;
  read: boolean;
}

export interface NotificationPage {
  notifications: Notification[];
  /** Pass as `cursor` for older ones; null on the last page. */
  nextCursor: string | null;
}

export interface UnreadNotifications {
  unread: number;
}

export const NOTIFICATION_PAGE_DEFAULT = 20;

export const notificationListQuerySchema = z.strictObject({
  cursor: z.string().max(300).optional(),
  limit: z.coerce
    .number({ error: 'limit must be a number.' })
    .int()
    .min(1)
    .max(PAGE_LIMIT_MAX)
    .default(NOTIFICATION_PAGE_DEFAULT),
});

export const EMAIL_CHOICES = ['never', 'at-once', 'daily'] as const;
export type EmailChoice = (typeof EMAIL_CHOICES)[number];

export interface NotificationSettings {
  email: EmailChoice;
  /** Whether the forum sends email at all (SMTP is set up); without, only `never` is taken. */
  emailAvailable: boolean;
}

export const notificationSettingsSchema = z.strictObject({
  email: z.enum(EMAIL_CHOICES, { error: 'Choose never, at once or a daily digest.' }),
});
export type NotificationSettingsBody = z.input<typeof notificationSettingsSchema>;

export interface FollowState {
  following: boolean;
}

/** What the viewer follows in one discussion: the discussion itself, and comments' threads. */
export interface DiscussionFollows {
  discussion: boolean;
  /** Comments whose replies the viewer is told of: their own by default, unless unfollowed. */
  threads: string[];
}
