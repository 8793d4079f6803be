import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateDiscussionBody, Discussion, UpdateDiscussionBody } from './contract';
import { discussionQueries } from './discussions';
import { request } from './http';
import { moderationQueries } from './moderation';
import { refreshSessionOn401 } from './session';

export function useCreateDiscussion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDiscussionBody) =>
      request<Discussion>('/discussions', { method: 'POST', body }),
    onSuccess: (discussion) => {
      queryClient.setQueryData(discussionQueries.detail(discussion.slug).queryKey, discussion);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: discussionQueries.list().queryKey, exact: true }),
        queryClient.invalidateQueries({ queryKey: [...moderationQueries.all(), 'log'] }),
      ]);
    },
    onError: refreshSessionOn401(queryClient),
  });
}

/** Edits, opens, closes or schedules a discussion; a closed one changes what every page of it offers. */
export function useUpdateDiscussion(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateDiscussionBody) =>
      request<Discussion>(`/discussions/${encodeURIComponent(slug)}`, { method: 'PATCH', body }),
    onSuccess: (discussion) => {
      queryClient.setQueryData(discussionQueries.detail(slug).queryKey, discussion);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: discussionQueries.list().queryKey, exact: true }),
        queryClient.invalidateQueries({
          queryKey: discussionQueries.detail(slug).queryKey,
          predicate: (q) => q.queryKey.length > 2,
        }),
        queryClient.invalidateQueries({ queryKey: [...moderationQueries.all(), 'log'] }),
      ]);
    },
    onError: refreshSessionOn401(queryClient),
  });
}
