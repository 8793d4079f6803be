import {
  infiniteQueryOptions,
  queryOptions,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
  type QueryKey,
  useQuery,
} from '@tanstack/react-query';
import { commentQueries } from './comments';
import type {
  Comment,
  CommentPage,
  LiveEvent,
  User,
  EntryKind,
  LogResponse,
  ModerationAction,
  QueueItem,
  QueueResponse,
  Resource,
  ResourceListResponse,
} from './contract';
import { invalidateDiscussions } from './discussions';
import { request } from './http';
import { resourceQueries } from './resources';

export interface QueueFilters {
  discussion?: string | undefined;
  kind?: EntryKind | undefined;
}

export interface LogFilters {
  discussion?: string | undefined;
  action?: string | undefined;
  moderator?: string | undefined;
}

export const moderationQueries = {
  all: () => ['moderation'] as const,
  /** The queue page by page; "Show more" asks for the page after the last one loaded. */
  queue: (filters: QueueFilters = {}) =>
    infiniteQueryOptions({
      queryKey: [...moderationQueries.all(), 'queue', filters] as const,
      queryFn: ({ signal, pageParam }) =>
        request<QueueResponse>('/moderation/queue', {
          signal,
          query: { ...filters, cursor: pageParam ?? undefined },
        }),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
    }),
  log: (filters: LogFilters = {}) =>
    queryOptions({
      queryKey: [...moderationQueries.all(), 'log', filters] as const,
      queryFn: ({ signal }) =>
        request<LogResponse>('/moderation/log', { signal, query: { ...filters } }),
    }),
};

/** A queue item still waits until someone decides it; decided ones stay listed until the next refresh. */
export function isWaiting(item: QueueItem): boolean {
  const entry = item.comment ?? item.resource;
  if (!entry) return false;
  return item.reason === 'new' ? entry.status === 'pending' : entry.flagCount > 0;
}

/**
 * How many entries still wait: everything the backend counted under the filters,
 * less the loaded ones decided since (they stay listed until the next refresh).
 */
export function waitingCount(queue: InfiniteData<QueueResponse>): number {
  const items = queue.pages.flatMap((page) => page.items);
  const decided = items.filter((item) => !isWaiting(item)).length;
  return Math.max(0, (queue.pages[0]?.total ?? 0) - decided);
}

export type ModeratedEntry =
  { kind: 'comment'; entry: Comment } | { kind: 'resource'; entry: Resource };

export type DecisionVars = ModeratedEntry & {
  action: ModerationAction;
  reason?: string | undefined;
  body?: string | undefined;
};

/** Every cached list that may show this entry: the queues, and its discussion's thread or resources. */
function entryFilters(m: ModeratedEntry): { queryKey: QueryKey }[] {
  const slug = m.entry.discussionSlug;
  return [
    { queryKey: [...moderationQueries.all(), 'queue'] },
    {
      queryKey: m.kind === 'comment' ? commentQueries.all(slug) : resourceQueries.all(slug),
    },
  ];
}

export function patchEntry(
  queryClient: QueryClient,
  m: ModeratedEntry,
  patch: (entry: Comment | Resource) => Comment | Resource,
): void {
  const { kind } = m;
  const id = m.entry.id;
  const one = <E extends Comment | Resource>(e: E): E => (e.id === id ? (patch(e) as E) : e);
  queryClient.setQueriesData<InfiniteData<QueueResponse>>(
    { queryKey: [...moderationQueries.all(), 'queue'] },
    (data) =>
      data
        ? {
            ...data,
            pages: data.pages.map((page) => ({
              ...page,
              items: page.items.map((item) => ({
                ...item,
                comment: kind === 'comment' && item.comment ? one(item.comment) : item.comment,
                resource: kind === 'resource' && item.resource ? one(item.resource) : item.resource,
                parent: kind === 'comment' && item.parent ? one(item.parent) : item.parent,
              })),
            })),
          }
        : data,
  );
  if (kind === 'comment') {
    queryClient.setQueriesData<InfiniteData<CommentPage>>(
      { queryKey: commentQueries.all(m.entry.discussionSlug) },
      (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((p) => ({ ...p, comments: p.comments.map(one) })),
            }
          : data,
    );
  } else {
    queryClient.setQueriesData<ResourceListResponse>(
      { queryKey: resourceQueries.all(m.entry.discussionSlug) },
      (data) => (data ? { ...data, resources: data.resources.map(one) } : data),
    );
  }
}

/** No refetch in flight may overwrite the guess that follows. */
export async function cancel(queryClient: QueryClient, entries: ModeratedEntry[]): Promise<void> {
  await Promise.all(entries.flatMap(entryFilters).map((f) => queryClient.cancelQueries(f)));
}

/** Every decision's mutation key starts so: one in flight is one of these. */
export const DECISIONS = [...moderationQueries.all(), 'decisions'] as const;

/** Discussions whose decisions have settled while others were still in flight. */
const unsettled = new WeakMap<QueryClient, Set<string>>();

/**
 * Refetches what decisions changed, once the last decision in flight has settled:
 * a refetch while another decision is under way would bring the page as it was
 * before that one and undo it on screen (TkDodo, "Concurrent Optimistic Updates").
 */
export function settle(queryClient: QueryClient, slugs: string[]) {
  const waiting = unsettled.get(queryClient) ?? new Set<string>();
  unsettled.set(queryClient, waiting);
  for (const slug of slugs) waiting.add(slug);
  // The mutation settling now still counts as in flight.
  if (queryClient.isMutating({ mutationKey: DECISIONS }) > 1) return Promise.resolve();
  const all = [...waiting];
  waiting.clear();
  if (staleQueues.delete(queryClient)) void refetchQueues(queryClient);
  // Queues are patched in place, not refetched, so that decided items stay in view with their outcome.
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: [...moderationQueries.all(), 'log'] }),
    // The published counts, on the discussions' pages and the home page, move with every decision.
    invalidateDiscussions(queryClient, ...all),
  ]);
}

/** Clients whose queues changed on the server while a decision of their own was in flight. */
const staleQueues = new WeakSet<QueryClient>();

const refetchQueues = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({ queryKey: [...moderationQueries.all(), 'queue'] });

/** Decisions that end an item's wait; featuring leaves it as it was. */
const ENDS_WAIT: ReadonlySet<ModerationAction> = new Set([
  'approve',
  'edit-approve',
  'reject',
  'hide',
  'restore',
  'dismiss-flags',
]);

export interface DecidedElsewhere {
  action: ModerationAction;
  by: { id: string; name: string } | null;
}

const decidedElsewhereKey = [...moderationQueries.all(), 'decided-elsewhere'] as const;

/** Entries another moderator decided while this one's queue showed them, by id. */
export function useDecidedElsewhere(): Record<string, DecidedElsewhere> {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: decidedElsewhereKey,
    queryFn: () =>
      queryClient.getQueryData<Record<string, DecidedElsewhere>>(decidedElsewhereKey) ?? {},
    initialData: {},
    staleTime: Infinity,
  }).data;
}

type EntryEvent = Extract<LiveEvent, { kind: 'entry' }>;

/**
 * A live event in the moderators' queues: an item another moderator decided says so
 * where it is, and loses its buttons; anything else that changes what waits (a new
 * entry, a flag, an author's edit or withdrawal) refetches the queues, once no
 * decision of this moderator is in flight (see \`settle\`).
 */
export function applyQueueEvent(queryClient: QueryClient, event: EntryEvent, me: User): void {
  if (event.by?.id === me.id) return;
  const { kind, id, status } = event.entry;
  if (event.change === 'decided' && event.action && !ENDS_WAIT.has(event.action)) return;
  const queues = queryClient.getQueriesData<InfiniteData<QueueResponse>>({
    queryKey: [...moderationQueries.all(), 'queue'],
  });
  const shown = queues.some(([, data]) =>
    data?.pages.some((p) =>
      p.items.some((item) => (kind === 'comment' ? item.comment : item.resource)?.id === id),
    ),
  );
  if (event.change === 'decided' && event.action && shown) {
    const action = event.action;
    const m = { kind, entry: { id, discussionSlug: event.discussion } } as ModeratedEntry;
    patchEntry(queryClient, m, (e) => ({
      ...e,
      status,
      flagCount: action === 'approve' || action === 'edit-approve' ? e.flagCount : 0,
      viewer: { ...e.viewer, moderation: [] },
    }));
    queryClient.setQueryData<Record<string, DecidedElsewhere>>(decidedElsewhereKey, (all) => ({
      ...all,
      [id]: { action, by: event.by },
    }));
    return;
  }
  if (queryClient.isMutating({ mutationKey: DECISIONS }) > 0) staleQueues.add(queryClient);
  else void refetchQueues(queryClient);
}
