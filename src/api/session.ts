import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionResponse } from './contract';
import { request } from './http';

export const sessionQueries = {
  current: () =>
    queryOptions({
      queryKey: ['session'] as const,
      queryFn: ({ signal }) => request<SessionResponse>('/session', { signal }),
      staleTime: 5 * 60_000,
    }),
};

export function useSession() {
  return useQuery(sessionQueries.current());
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request<undefined>('/session', { method: 'DELETE' }),
    onSuccess: () => {
      queryClient.setQueryData(sessionQueries.current().queryKey, { user: null });
      // Everything a signed-in person saw may differ for a reader.
      return queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    },
  });
}
