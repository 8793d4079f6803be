import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { commentQueries } from './comments';
import { invalidateDiscussions } from './discussions';
import { moderationQueries } from './moderation';
import type {
  CommentPage,
  CreateFlagBody,
  EntryKind,
  EntryPermissions,
  FlagResponse,
  ResourceListResponse,
} from './contract';
import { request } from './http';
import { resourceQueries } from './resources';
import { refreshSessionOn401 } from './session';

export interface FlagVars extends CreateFlagBody {
  kind: EntryKind;
  id: string;
}

const flagged = <T extends { id: string; viewer: EntryPermissions }>(entry: T, id: string): T =>
  entry.id === id
    ? { ...entry, viewer: { ...entry.viewer, canFlag: false, hasFlagged: true } }
    : entry;

/**
 * Flags an entry, showing it as flagged at once; the lists are fetched again
 * afterwards, since enough flags hide the entry.
 */
export function useFlagEntry(slug: string) {
  const queryClient = useQueryClient();
  const keyOf = (kind: EntryKind) =>
    kind === 'comment' ? commentQueries.all(slug) : resourceQueries.all(slug);

  return useMutation({
    mutationFn: ({ kind, id, ...body }: FlagVars) =>
      request<FlagResponse>(
        `/${kind === 'comment' ? 'comments' : 'resources'}/${encodeURIComponent(id)}/flags`,
        { method: 'POST', body },
      ),
    onMutate: async ({ kind, id }) => {
      const queryKey = keyOf(kind);
      await queryClient.cancelQueries({ queryKey });
      const snapshot = queryClient.getQueriesData({ queryKey });
      if (kind === 'comment') {
        queryClient.setQueriesData<InfiniteData<CommentPage>>({ queryKey }, (data) =>
          data
            ? {
                ...data,
                pages: data.pages.map((p) => ({
                  ...p,
                  comments: p.comments.map((c) => flagged(c, id)),
                })),
              }
            : data,
        );
      } else {
        queryClient.setQueriesData<ResourceListResponse>({ queryKey }, (data) =>
          data ? { resources: data.resources.map((r) => flagged(r, id)) } : data,
        );
      }
      return { snapshot };
    },
    onError: (error, _vars, context) => {
      for (const [key, data] of context?.snapshot ?? []) queryClient.setQueryData(key, data);
      refreshSessionOn401(queryClient)(error);
    },
    // Enough flags hide the entry, which moves the counts; a moderator's queue lists it.
    onSettled: () =>
      Promise.all([
        invalidateDiscussions(queryClient, slug),
        queryClient.invalidateQueries({ queryKey: [...moderationQueries.all(), 'queue'] }),
      ]),
  });
}
