/**
 * The mock backend's data: plain records, seeded from the original discussion.
 * Nothing here knows about HTTP or MSW, so a real server can load the same seed.
 */
import type {
  ApprovalMode,
  DiscussionStatus,
  EntryKind,
  EntryStatus,
  FlagReason,
  LogEntry,
  Partner,
  RelatedEvent,
  ResourceKind,
  Revision,
  Role,
} from '../src/api/contract';
import {
  SEED_SLUG,
  seedAccounts,
  seedCampaigns,
  seedComments,
  seedDiscussion,
  seedResources,
} from './seed';

export interface StoredUser {
  id: string;
  email: string;
  /** A real server stores a slow hash; the mock compares plain demo passwords. */
  password: string;
  displayName: string;
  organisation: string | null;
  role: Role;
  createdAt: string;
}

export interface StoredSession {
  token: string;
  userId: string;
  createdAt: string;
}

export interface StoredDigest {
  published: boolean;
  editorial: string;
  /** Featured comment ids in the order moderators chose. */
  order: string[];
  resourceIds: string[];
}

export interface StoredDiscussion {
  slug: string;
  title: string;
  introduction: string;
  organiser: string;
  partners: Partner[];
  startsOn: string;
  endsOn: string;
  event: RelatedEvent | null;
  originalUrl: string | null;
  approvalMode: ApprovalMode;
  status: DiscussionStatus;
  closedAt: string | null;
  closedReason: string | null;
  closesAt: string | null;
  createdAt: string;
  /** Campaign labels listed even before a comment mentions them. */
  campaigns: string[];
  digest: StoredDigest;
}

export interface StoredComment {
  id: string;
  discussionSlug: string;
  parentId: string | null;
  depth: number;
  authorId: string | null;
  authorName: string;
  authorOrganisation: string | null;
  body: string;
  html: string;
  hashtags: string[];
  status: EntryStatus;
  moderationReason: string | null;
  featured: boolean;
  original: boolean;
  createdAt: string;
  editedAt: string | null;
  /** Earlier texts replaced by a moderator's edit, oldest first. */
  revisions: Revision[];
}

export interface StoredResource {
  id: string;
  discussionSlug: string;
  url: string | null;
  title: string;
  kind: ResourceKind;
  description: string;
  authorId: string | null;
  authorName: string | null;
  authorOrganisation: string | null;
  status: EntryStatus;
  moderationReason: string | null;
  original: boolean;
  createdAt: string;
}

export interface StoredFlag {
  id: string;
  kind: EntryKind;
  targetId: string;
  userId: string;
  reason: FlagReason;
  note: string;
  createdAt: string;
  /** False once a moderator dismissed or acted on it. */
  open: boolean;
}

export interface StoredIdempotentResult {
  userId: string;
  key: string;
  status: number;
  body: unknown;
}

export interface Store {
  version: number;
  nextId: number;
  users: StoredUser[];
  sessions: StoredSession[];
  discussions: StoredDiscussion[];
  comments: StoredComment[];
  resources: StoredResource[];
  flags: StoredFlag[];
  log: LogEntry[];
  idempotency: StoredIdempotentResult[];
}

export const STORE_VERSION = 1;

export function newId(store: Store, prefix: string): string {
  store.nextId += 1;
  return `${prefix}-${store.nextId.toString(36)}`;
}

export function seedStore(): Store {
  const created = '2015-02-01T09:00:00.000Z';
  const store: Store = {
    version: STORE_VERSION,
    nextId: 1000,
    users: seedAccounts.map((a) => ({ ...a, createdAt: created })),
    sessions: [],
    discussions: [],
    comments: [],
    resources: [],
    flags: [],
    log: [],
    idempotency: [],
  };

  const comments: StoredComment[] = seedComments.map((c, i) => {
    return {
      id: `c-original-${i + 1}`,
      discussionSlug: SEED_SLUG,
      parentId: null,
      depth: 0,
      authorId: null,
      authorName: c.author,
      authorOrganisation: c.organisation,
      body: c.body,
      html: c.html,
      hashtags: [],
      status: 'published',
      moderationReason: null,
      featured: true,
      original: true,
      // The digest records no times: keep its order within the discussion's first day.
      createdAt: new Date(Date.UTC(2015, 1, 11, 9, i)).toISOString(),
      editedAt: null,
      revisions: [],
    };
  });

  const resources: StoredResource[] = seedResources.map((r, i) => ({
    id: `r-original-${i + 1}`,
    discussionSlug: SEED_SLUG,
    url: null,
    title: r.title,
    kind: r.kind,
    description: r.description,
    authorId: null,
    authorName: null,
    authorOrganisation: null,
    status: 'published',
    moderationReason: null,
    original: true,
    createdAt: new Date(Date.UTC(2015, 1, 11, 10, i)).toISOString(),
  }));

  store.discussions.push({
    ...seedDiscussion,
    approvalMode: 'all',
    // Open in the demo so that every job can be tried on it; moderators can close it.
    status: 'open',
    closedAt: null,
    closedReason: null,
    closesAt: null,
    createdAt: created,
    campaigns: [...seedCampaigns],
    digest: {
      published: true,
      editorial: '',
      order: comments.map((c) => c.id),
      resourceIds: resources.map((r) => r.id),
    },
  });
  store.comments.push(...comments);
  store.resources.push(...resources);
  return store;
}
