/**
 * What live events do to the page's data: each event invalidates or patches the
 * cached queries it concerns, here and in the modules that own them, never by
 * an ad hoc fetch. New comments by others do not enter a thread under the
 * reader's eyes: they are counted, and come in when the reader asks.
 */
import {
  useQuery,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import { useEffect } from 'react';
import { commentQueries } from './comments';
import type { CommentPage, LiveEvent, SessionResponse, User } from './contract';
import { discussionQueries } from './discussions';
import { openLiveStream } from './live-stream';
import { applyQueueEvent } from './moderation';
import { notificationsChanged } from './notifications';
import { resourceQueries } from './resources';
import { sessionQueries, useSession } from './session';

const newCommentsKey = (slug: string) => ['live', slug, 'new-comments'] as const;

/** Ids of comments published since the thread was loaded, which the reader has not asked to see. */
const newCommentQueries = {
  of: (queryClient: QueryClient, slug: string) => ({
    queryKey: newCommentsKey(slug),
    queryFn: () => queryClient.getQueryData<string[]>(newCommentsKey(slug)) ?? [],
    initialData: [] as string[],
    staleTime: Infinity,
  }),
};

function loadedComments(queryClient: QueryClient, slug: string): Set<string> {
  const threads = queryClient.getQueriesData<InfiniteData<CommentPage>>({
    queryKey: commentQueries.all(slug),
  });
  return new Set(
    threads.flatMap(([, data]) => data?.pages.flatMap((p) => p.comments.map((c) => c.id)) ?? []),
  );
}

/** The counts on the discussion's page and on the home page, not its thread or lists. */
const invalidateCounts = (queryClient: QueryClient, slug: string) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: discussionQueries.list().queryKey, exact: true }),
    queryClient.invalidateQueries({
      queryKey: discussionQueries.detail(slug).queryKey,
      exact: true,
    }),
  ]);

export function applyLiveEvent(queryClient: QueryClient, event: LiveEvent, me: User | null): void {
  switch (event.kind) {
    case 'reset':
      void queryClient.invalidateQueries();
      return;
    case 'discussion':
      void invalidateCounts(queryClient, event.discussion);
      return;
    case 'notification':
      // Addressed to this person alone: their count and list are asked for again.
      if (event.userId === me?.id) void notificationsChanged(queryClient);
      return;
    case 'entry':
      break;
  }
  if (me?.role === 'moderator') applyQueueEvent(queryClient, event, me);
  // A moderator's own decision is already on their screen, patched by its mutation.
  if (event.by && event.by.id === me?.id) return;
  const slug = event.discussion;
  void invalidateCounts(queryClient, slug);
  if (event.entry.kind === 'resource') {
    void queryClient.invalidateQueries({ queryKey: resourceQueries.all(slug) });
    return;
  }
  const { id, status } = event.entry;
  if (loadedComments(queryClient, slug).has(id)) {
    // On screen already (hidden now, restored, or one's own decided): it changes where it is.
    void queryClient.invalidateQueries({ queryKey: commentQueries.all(slug) });
  } else if (status === 'published' && event.change !== 'flagged') {
    queryClient.setQueryData<string[]>(newCommentsKey(slug), (ids = []) =>
      ids.includes(id) ? ids : [...ids, id],
    );
  }
}

/**
 * The comments published since the thread was loaded, and how to bring them in.
 * `show` resolves with their ids once the thread has them.
 */
export function useNewComments(slug: string) {
  const queryClient = useQueryClient();
  const { data: ids } = useQuery(newCommentQueries.of(queryClient, slug));
  const loaded = loadedComments(queryClient, slug);
  const unseen = ids.filter((id) => !loaded.has(id));
  const show = async (): Promise<string[]> => {
    await queryClient.invalidateQueries({ queryKey: commentQueries.all(slug) });
    queryClient.setQueryData<string[]>(newCommentsKey(slug), []);
    return unseen;
  };
  return { count: unseen.length, show };
}

/**
 * Keeps one live stream open for the page: a discussion's (its events, and the
 * viewer's own and moderators' ones), or elsewhere the signed-in person's.
 * It opens again as whoever is signed in when that changes.
 */
export function useLiveUpdates(discussion: string | undefined): void {
  const queryClient = useQueryClient();
  const user = useSession().data?.user;
  const who = user === undefined ? undefined : `${user?.id ?? ''} ${user?.role ?? ''}`;
  useEffect(() => {
    if (who === undefined) return;
    if (discussion === undefined && who === ' ') return;
    // Who is signed in when the event comes, as the session query has it.
    const me = () =>
      queryClient.getQueryData<SessionResponse>(sessionQueries.current().queryKey)?.user ?? null;
    return openLiveStream({
      discussion,
      onEvent: (event) => applyLiveEvent(queryClient, event, me()),
    });
  }, [discussion, who, queryClient]);
}
