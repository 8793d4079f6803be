import {
  infiniteQueryOptions,
  queryOptions,
  useMutation,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import type {
  DiscussionFollows,
  FollowState,
  NotificationPage,
  NotificationSettings,
  NotificationSettingsBody,
  UnreadNotifications,
} from './contract';
import { discussionQueries } from './discussions';
import { request } from './http';
import { refreshSessionOn401 } from './session';

export const notificationQueries = {
  all: () => ['notifications'] as const,
  list: () =>
    infiniteQueryOptions({
      queryKey: [...notificationQueries.all(), 'list'] as const,
      queryFn: ({ pageParam, signal }) =>
        request<NotificationPage>('/notifications', { signal, query: { cursor: pageParam } }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  /** The header's count: asked again whenever the window comes back into view. */
  unread: () =>
    queryOptions({
      queryKey: [...notificationQueries.all(), 'unread'] as const,
      queryFn: ({ signal }) => request<UnreadNotifications>('/notifications/unread', { signal }),
      refetchOnWindowFocus: 'always',
    }),
  settings: () =>
    queryOptions({
      queryKey: [...notificationQueries.all(), 'settings'] as const,
      queryFn: ({ signal }) => request<NotificationSettings>('/notifications/settings', { signal }),
    }),
};

export const followQueries = {
  inDiscussion: (slug: string) =>
    queryOptions({
      queryKey: [...discussionQueries.detail(slug).queryKey, 'follows'] as const,
      queryFn: ({ signal }) =>
        request<DiscussionFollows>(`/discussions/${encodeURIComponent(slug)}/follows`, { signal }),
    }),
};

/**
 * Something new may have been said to this person (the live stream calls this
 * on an event of kind `notification` for them): the count and the list are asked again.
 */
export function notificationsChanged(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (q) => q.queryKey[0] === 'notifications' && q.queryKey[1] !== 'settings',
  });
}

/**
 * Signed out: one's notifications and follows are nobody else's, and asking for
 * them again while the views still show would be refused.
 */
export function forgetNotifications(queryClient: QueryClient): void {
  queryClient.removeQueries({ queryKey: notificationQueries.all() });
  queryClient.removeQueries({
    predicate: (q) => q.queryKey[0] === 'discussions' && q.queryKey[2] === 'follows',
  });
}

/** After marking read: the count from the answer, each shown notification read as it now is. */
function markedRead(queryClient: QueryClient, unread: number, ids: 'all' | string[]) {
  queryClient.setQueryData(notificationQueries.unread().queryKey, { unread });
  queryClient.setQueryData<InfiniteData<NotificationPage>>(
    notificationQueries.list().queryKey,
    (data) =>
      data && {
        ...data,
        pages: data.pages.map((page) => ({
          ...page,
          notifications: page.notifications.map((n) =>
            ids === 'all' || ids.includes(n.id) ? { ...n, read: true } : n,
          ),
        })),
      },
  );
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      request<UnreadNotifications>(`/notifications/${encodeURIComponent(id)}/read`, {
        method: 'PUT',
      }),
    onSuccess: ({ unread }, id) => markedRead(queryClient, unread, [id]),
    onError: refreshSessionOn401(queryClient),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request<UnreadNotifications>('/notifications/read', { method: 'POST' }),
    onSuccess: ({ unread }) => markedRead(queryClient, unread, 'all'),
    onError: refreshSessionOn401(queryClient),
  });
}

export function useEmailChoice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationSettingsBody) =>
      request<NotificationSettings>('/notifications/settings', { method: 'PUT', body }),
    onSuccess: (settings) =>
      queryClient.setQueryData(notificationQueries.settings().queryKey, settings),
    onError: refreshSessionOn401(queryClient),
  });
}

export type FollowTarget =
  { kind: 'discussion'; slug: string } | { kind: 'thread'; slug: string; id: string };

const followPath = (t: FollowTarget) =>
  t.kind === 'discussion'
    ? `/discussions/${encodeURIComponent(t.slug)}/follow`
    : `/comments/${encodeURIComponent(t.id)}/follow`;

/** Follows or stops following; the discussion's follows show the answer at once. */
export function useFollow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ target, following }: { target: FollowTarget; following: boolean }) =>
      request<FollowState>(followPath(target), { method: following ? 'PUT' : 'DELETE' }),
    onSuccess: ({ following }, { target }) => {
      const key = followQueries.inDiscussion(target.slug).queryKey;
      queryClient.setQueryData(key, (data) => {
        if (!data) return data;
        if (target.kind === 'discussion') return { ...data, discussion: following };
        const others = data.threads.filter((id) => id !== target.id);
        return { ...data, threads: following ? [...others, target.id] : others };
      });
      return queryClient.invalidateQueries({ queryKey: key });
    },
    onError: refreshSessionOn401(queryClient),
  });
}
