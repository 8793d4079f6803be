import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Digest, UpdateDigestBody } from './contract';
import { discussionQueries } from './discussions';
import { request } from './http';
import { moderationQueries } from './moderation';
import { refreshSessionOn401 } from './session';

const path = (slug: string) => `/discussions/${encodeURIComponent(slug)}/digest`;

export const digestQueries = {
  detail: (slug: string) =>
    queryOptions({
      queryKey: [...discussionQueries.detail(slug).queryKey, 'digest'] as const,
      queryFn: ({ signal }) => request<Digest>(path(slug), { signal }),
    }),
};

/**
 * Saves part of the digest. The new order shows at once, since moving an
 * extract up or down should feel direct; everything else waits for the answer.
 */
export function useUpdateDigest(slug: string) {
  const queryClient = useQueryClient();
  const { queryKey } = digestQueries.detail(slug);
  const onSessionError = refreshSessionOn401(queryClient);
  return useMutation({
    mutationFn: (body: UpdateDigestBody) => request<Digest>(path(slug), { method: 'PUT', body }),
    onMutate: async (body) => {
      await queryClient.cancelQueries({ queryKey });
      const saved = queryClient.getQueryData(queryKey);
      const { order } = body;
      if (saved && order) {
        const byId = new Map(saved.extracts.map((c) => [c.id, c]));
        const extracts = order.flatMap((id) => byId.get(id) ?? []);
        queryClient.setQueryData(queryKey, { ...saved, extracts });
      }
      return { saved };
    },
    onError: (error, _body, context) => {
      if (context?.saved) queryClient.setQueryData(queryKey, context.saved);
      onSessionError(error);
    },
    onSuccess: (digest) => {
      queryClient.setQueryData(queryKey, digest);
      // The discussion says whether its digest is published; the log records publishing.
      return Promise.all([
        queryClient.invalidateQueries({
          queryKey: discussionQueries.detail(slug).queryKey,
          exact: true,
        }),
        queryClient.invalidateQueries({ queryKey: [...moderationQueries.all(), 'log'] }),
      ]);
    },
  });
}
