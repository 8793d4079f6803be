import { infiniteQueryOptions } from '@tanstack/react-query';
import type { CommentPage } from './contract';
import { discussionQueries } from './discussions';
import { request } from './http';

export const COMMENT_PAGE_SIZE = 50;

/** A page is asked for by cursor, or for the first page, optionally anchored at a comment. */
type PageParam = { cursor: string } | { anchor: string } | null;

const firstPage = (anchor: string | undefined): PageParam => (anchor ? { anchor } : null);

export const commentQueries = {
  all: (slug: string) => [...discussionQueries.detail(slug).queryKey, 'comments'] as const,
  thread: (slug: string, anchor?: string) =>
    infiniteQueryOptions({
      queryKey: [...commentQueries.all(slug), { anchor: anchor ?? null }] as const,
      queryFn: ({ pageParam, signal }) =>
        request<CommentPage>(`/discussions/${encodeURIComponent(slug)}/comments`, {
          signal,
          query: { limit: COMMENT_PAGE_SIZE, ...(pageParam ?? {}) },
        }),
      initialPageParam: firstPage(anchor),
      getNextPageParam: (last): PageParam => (last.nextCursor ? { cursor: last.nextCursor } : null),
      getPreviousPageParam: (first): PageParam =>
        first.prevCursor ? { cursor: first.prevCursor } : null,
    }),
};
