import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { Discussion, DiscussionListResponse } from './contract';
import { request } from './http';

export const discussionQueries = {
  all: () => ['discussions'] as const,
  list: () =>
    queryOptions({
      queryKey: discussionQueries.all(),
      queryFn: ({ signal }) => request<DiscussionListResponse>('/discussions', { signal }),
    }),
  detail: (slug: string) =>
    queryOptions({
      queryKey: [...discussionQueries.all(), slug] as const,
      queryFn: ({ signal }) =>
        request<Discussion>(`/discussions/${encodeURIComponent(slug)}`, { signal }),
    }),
};

/**
 * Everything a new, changed or moderated entry can move: its discussion's pages
 * (counts, thread, resources, campaigns, digest) and the home page's counts.
 */
export const invalidateDiscussions = (queryClient: QueryClient, ...slugs: string[]) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: discussionQueries.list().queryKey, exact: true }),
    ...[...new Set(slugs)].map((slug) =>
      queryClient.invalidateQueries({ queryKey: discussionQueries.detail(slug).queryKey }),
    ),
  ]);
