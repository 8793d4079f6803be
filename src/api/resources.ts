import { queryOptions } from '@tanstack/react-query';
import type { ResourceKind, ResourceListResponse, ResourceSort } from './contract';
import { discussionQueries } from './discussions';
import { request } from './http';

export interface ResourceFilters {
  kind?: ResourceKind | undefined;
  sort?: ResourceSort | undefined;
}

export const resourceQueries = {
  all: (slug: string) => [...discussionQueries.detail(slug).queryKey, 'resources'] as const,
  list: (slug: string, filters: ResourceFilters = {}) =>
    queryOptions({
      queryKey: [...resourceQueries.all(slug), filters] as const,
      queryFn: ({ signal }) =>
        request<ResourceListResponse>(`/discussions/${encodeURIComponent(slug)}/resources`, {
          signal,
          query: { kind: filters.kind, sort: filters.sort },
        }),
    }),
};
