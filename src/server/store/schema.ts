/**
 * The database's tables as Kysely sees them. Row types stay apart from the
 * contract's shapes: rules project rows into what the API returns. Booleans are
 * stored as 0/1 and times as ISO text, so SQLite and PostgreSQL return the same.
 */
import type { Generated, Insertable, Selectable } from 'kysely';
import type {
  ApprovalMode,
  DiscussionStatus,
  EmailChoice,
  EntryKind,
  EntryStatus,
  FlagReason,
  LogEntry,
  NotificationKind,
  ResourceKind,
  Role,
} from '../../api/contract';

type Flag = 0 | 1;

export interface UsersTable {
  id: string;
  email: string;
  password_hash: string;
  display_name: string;
  organisation: string | null;
  role: Role;
  created_at: string;
  /** Set while a moderator has suspended the account (migration 002); absent in older inserts. */
  suspended_at?: string | null;
}

export interface PasswordResetsTable {
  /** SHA-256 of the one-time token in the link; the token itself is never stored. */
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the token the cookie carries; the token itself is never stored. */
  token_hash: string;
  user_id: string;
  created_at: string;
  /** When the session was last used (migration 003), for the idle expiry; null until then. */
  last_seen_at?: string | null;
}

export interface DiscussionsTable {
  slug: string;
  title: string;
  introduction: string;
  organiser: string;
  /** JSON: Partner[] */
  partners: string;
  starts_on: string;
  ends_on: string;
  /** JSON: RelatedEvent | null */
  event: string | null;
  original_url: string | null;
  approval_mode: ApprovalMode;
  status: DiscussionStatus;
  closed_at: string | null;
  closed_reason: string | null;
  closes_at: string | null;
  created_at: string;
  /** JSON: campaign labels listed before any comment mentions them. */
  campaigns: string;
  digest_published: Flag;
  digest_editorial: string;
  /** JSON: featured comment ids in the order moderators chose. */
  digest_order: string;
  /** JSON: resource ids chosen for the digest. */
  digest_resource_ids: string;
  /** Kept in step by `changeStatus` in the same transaction, so no count scans a thread. */
  published_comments: Generated<number>;
  published_resources: Generated<number>;
}

export interface CommentsTable {
  id: string;
  discussion_slug: string;
  parent_id: string | null;
  depth: number;
  /**
   * The comment's place in its thread: its root's segment, then each reply's,
   * fixed-width and time-ordered, so that ordering by it reads depth first,
   * oldest first at every level, straight from an index.
   */
  thread_key: string;
  author_id: string | null;
  author_name: string;
  author_organisation: string | null;
  body: string;
  html: string;
  /** JSON: the hashtags as written. */
  hashtags: string;
  status: EntryStatus;
  moderation_reason: string | null;
  featured: Flag;
  original: Flag;
  created_at: string;
  edited_at: string | null;
}

export interface CommentTagsTable {
  comment_id: string;
  discussion_slug: string;
  /** Lower-cased key, as in campaign addresses. */
  tag: string;
  label: string;
}

export interface RevisionsTable {
  id: Generated<number>;
  comment_id: string;
  body: string;
  edited_at: string;
  edited_by: string;
}

export interface ResourcesTable {
  id: string;
  discussion_slug: string;
  url: string | null;
  title: string;
  kind: ResourceKind;
  description: string;
  author_id: string | null;
  author_name: string | null;
  author_organisation: string | null;
  status: EntryStatus;
  moderation_reason: string | null;
  original: Flag;
  created_at: string;
}

export interface FlagsTable {
  id: string;
  kind: EntryKind;
  target_id: string;
  user_id: string;
  reason: FlagReason;
  note: string;
  created_at: string;
  /** 0 once a moderator dismissed or acted on it. */
  open: Flag;
}

export interface LogTable {
  id: string;
  /** Insertion order, for "newest first" without relying on equal timestamps. */
  seq: Generated<number>;
  at: string;
  moderator_id: string;
  moderator_name: string;
  action: LogEntry['action'];
  kind: LogEntry['kind'];
  target_id: string;
  discussion_slug: string;
  reason: string | null;
}

export interface IdempotencyTable {
  user_id: string;
  key: string;
  status: number;
  /** JSON of the answer's body. */
  body: string;
  created_at: string;
  /** SHA-256 of the method, path and body the key was first sent with (migration 004). */
  request_hash?: string | null;
}

/** Attempts per bucket, subject (an account or an address) and fixed window (migration 004). */
export interface RateLimitsTable {
  bucket: string;
  subject: string;
  window_start: string;
  hits: number;
}

/** Who may receive an event: anyone who may read its discussion, moderators (and `user_id`), or one person. */
export type Audience = 'everyone' | 'moderators' | 'user';

export interface EventsTable {
  id: Generated<number>;
  at: string;
  discussion_slug: string | null;
  audience: Audience;
  /** The entry's author for `moderators` (they see their own entry), the addressee for `user`. */
  user_id: string | null;
  /** JSON: LiveEvent */
  data: string;
}

/** What a person is told: kept per person, written with the event that caused it (migration 007). */
export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: NotificationKind;
  entry_kind: EntryKind;
  entry_id: string;
  discussion_slug: string;
  /** The moderator's reason, for a rejection or a hiding told to the author. */
  reason: string | null;
  created_at: string;
  read_at: string | null;
  /** Set once an email took it (at once, or in a digest): never mailed twice. */
  emailed_at: string | null;
}

/** A discussion or a comment's thread a person follows (1), or stopped following (0). */
export interface FollowsTable {
  user_id: string;
  target_kind: 'discussion' | 'comment';
  /** A discussion's slug, or a comment's id. */
  target_id: string;
  discussion_slug: string;
  following: Flag;
  created_at: string;
}

export interface NotificationSettingsTable {
  user_id: string;
  email: EmailChoice;
  /** When the last daily digest was taken for this person. */
  last_digest_at: string | null;
}

export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  discussions: DiscussionsTable;
  comments: CommentsTable;
  comment_tags: CommentTagsTable;
  revisions: RevisionsTable;
  resources: ResourcesTable;
  flags: FlagsTable;
  moderation_log: LogTable;
  idempotency: IdempotencyTable;
  password_resets: PasswordResetsTable;
  rate_limits: RateLimitsTable;
  events: EventsTable;
  notifications: NotificationsTable;
  follows: FollowsTable;
  notification_settings: NotificationSettingsTable;
}

export type UserRow = Selectable<UsersTable>;
export type EventRow = Selectable<EventsTable>;
export type NewEvent = Insertable<EventsTable>;
export type DiscussionRow = Selectable<DiscussionsTable>;
export type CommentRow = Selectable<CommentsTable>;
export type ResourceRow = Selectable<ResourcesTable>;
export type FlagRow = Selectable<FlagsTable>;
export type LogRow = Selectable<LogTable>;
export type NotificationRow = Selectable<NotificationsTable>;
export type NewComment = Insertable<CommentsTable>;
export type NewResource = Insertable<ResourcesTable>;
