import {
  infiniteQueryOptions,
  useMutation,
  useQueryClient,
  type InfiniteData,
} from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Comment, CommentPage, CreateCommentBody, UpdateCommentBody } from './contract';
import { discussionQueries, invalidateDiscussions } from './discussions';
import { ApiError, request } from './http';
import { refreshSessionOn401 } from './session';

export const COMMENT_PAGE_SIZE = 50;

/** A page is asked for by cursor, or for the first page, optionally anchored at a comment. */
type PageParam = { cursor: string } | { anchor: string } | null;

const firstPage = (anchor: string | undefined): PageParam => (anchor ? { anchor } : null);

/** A page of the thread as the client keeps it. */
export interface ThreadPage extends CommentPage {
  /**
   * The permalinked comment is not one the reader can see (waiting, rejected,
   * withdrawn, or no such comment: the server answers all alike), so the page
   * is the thread's start instead.
   */
  anchorUnavailable?: true;
}

const fetchPage = (slug: string, pageParam: PageParam, signal: AbortSignal) =>
  request<CommentPage>(`/discussions/${encodeURIComponent(slug)}/comments`, {
    signal,
    query: { limit: COMMENT_PAGE_SIZE, ...(pageParam ?? {}) },
  });

/** A permalink's first page: the anchor's thread on, or all of a thread that fits in a page. */
async function fetchAnchoredPage(
  slug: string,
  anchor: string,
  signal: AbortSignal,
): Promise<ThreadPage> {
  let page: CommentPage;
  try {
    page = await fetchPage(slug, { anchor }, signal);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    // An unknown discussion answers 404 here as well, and the frame says so.
    return { ...(await fetchPage(slug, null, signal)), anchorUnavailable: true };
  }
  return page.prevCursor && page.total <= COMMENT_PAGE_SIZE ? fetchPage(slug, null, signal) : page;
}

export const commentQueries = {
  all: (slug: string) => [...discussionQueries.detail(slug).queryKey, 'comments'] as const,
  thread: (slug: string, anchor?: string) =>
    infiniteQueryOptions({
      queryKey: [...commentQueries.all(slug), { anchor: anchor ?? null }] as const,
      queryFn: ({ pageParam, signal }): Promise<ThreadPage> =>
        pageParam && 'anchor' in pageParam
          ? fetchAnchoredPage(slug, pageParam.anchor, signal)
          : fetchPage(slug, pageParam, signal),
      initialPageParam: firstPage(anchor),
      getNextPageParam: (last): PageParam => (last.nextCursor ? { cursor: last.nextCursor } : null),
      getPreviousPageParam: (first): PageParam =>
        first.prevCursor ? { cursor: first.prevCursor } : null,
    }),
};

/**
 * Whether a comment posted now would land past what the page shows: some loaded
 * view of the thread stops before its end. Asked at the moment of posting.
 */
export function useThreadEndOutOfSight(slug: string): () => boolean {
  const queryClient = useQueryClient();
  return useCallback(() => {
    const threads = queryClient.getQueriesData<InfiniteData<ThreadPage>>({
      queryKey: commentQueries.all(slug),
    });
    return threads.some(([, data]) => Boolean(data?.pages.at(-1)?.nextCursor));
  }, [queryClient, slug]);
}

export interface PostCommentVars {
  body: string;
  parentId?: string | null;
  /** One key per intended post, reused when retrying it. */
  idempotencyKey: string;
}

export function useCreateComment(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, parentId = null, idempotencyKey }: PostCommentVars) =>
      request<Comment>(`/discussions/${encodeURIComponent(slug)}/comments`, {
        method: 'POST',
        body: { body, parentId } satisfies CreateCommentBody,
        idempotencyKey,
      }),
    onSuccess: () => invalidateDiscussions(queryClient, slug),
    onError: refreshSessionOn401(queryClient),
  });
}

export function useUpdateComment(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: string }) =>
      request<Comment>(`/comments/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body: { body } satisfies UpdateCommentBody,
      }),
    onSuccess: () => invalidateDiscussions(queryClient, slug),
    onError: refreshSessionOn401(queryClient),
  });
}

export function useWithdrawComment(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      request<undefined>(`/comments/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => invalidateDiscussions(queryClient, slug),
    onError: refreshSessionOn401(queryClient),
  });
}
