import { queryOptions } from '@tanstack/react-query';
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
