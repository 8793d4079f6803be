import { infiniteQueryOptions } from '@tanstack/react-query';
import type { SearchResults } from './contract';
import { discussionQueries } from './discussions';
import { request } from './http';

/** Under the discussion's key, so that whatever changes the discussion searches again. */
export const searchQueries = {
  all: (slug: string) => [...discussionQueries.detail(slug).queryKey, 'search'] as const,
  results: (slug: string, query: string) =>
    infiniteQueryOptions({
      queryKey: [...searchQueries.all(slug), { query }] as const,
      queryFn: ({ pageParam, signal }) =>
        request<SearchResults>(`/discussions/${encodeURIComponent(slug)}/search`, {
          signal,
          query: { q: query, cursor: pageParam ?? undefined },
        }),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
    }),
};

/** The words as the address carries them (`?q=`), trimmed: what a search is made of. */
export const searchQueryOf = (params: URLSearchParams) => (params.get('q') ?? '').trim();
