import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  CreateResourceBody,
  Resource,
  ResourceKind,
  ResourceListResponse,
  ResourceSort,
} from './contract';
import { discussionQueries, invalidateDiscussions } from './discussions';
import { request } from './http';
import { refreshSessionOn401 } from './session';

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

export type ShareResourceVars = Omit<CreateResourceBody, 'kind'> & {
  /** Empty when none was chosen: the backend names the missing field. */
  kind: ResourceKind | '';
  /** One key per intended share, reused when retrying it. */
  idempotencyKey: string;
};

export function useShareResource(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: ShareResourceVars) =>
      request<Resource>(`/discussions/${encodeURIComponent(slug)}/resources`, {
        method: 'POST',
        body,
        idempotencyKey,
      }),
    // The lists, and the counts: a resource may publish at once.
    onSuccess: () => invalidateDiscussions(queryClient, slug),
    onError: refreshSessionOn401(queryClient),
  });
}
