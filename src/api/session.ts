import {
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { JoinBody, SessionResponse, SignInBody } from './contract';
import { ApiError, request } from './http';
import { forgetNotifications } from './notifications';

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
      // Moderators' data (`moderationQueries.all()`) is not for a reader: drop it rather than
      // refetch it and be refused while the moderation views are still on screen.
      queryClient.removeQueries({ queryKey: ['moderation'] });
      forgetNotifications(queryClient);
      // Everything a signed-in person saw may differ for a reader.
      return queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    },
  });
}

/** A new session changes what every other query shows: permissions, pending entries. */
function startSession(queryClient: QueryClient, session: SessionResponse) {
  queryClient.setQueryData(sessionQueries.current().queryKey, session);
  return queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignInBody) =>
      request<SessionResponse>('/session', { method: 'POST', body }),
    onSuccess: (session) => startSession(queryClient, session),
  });
}

export function useJoin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: JoinBody) => request<SessionResponse>('/accounts', { method: 'POST', body }),
    onSuccess: (session) => startSession(queryClient, session),
  });
}

/** For a write's onError: a 401 means the session ended elsewhere, so the header should say so. */
export function refreshSessionOn401(queryClient: QueryClient) {
  return (error: Error) => {
    if (error instanceof ApiError && error.status === 401) {
      void queryClient.invalidateQueries({ queryKey: sessionQueries.current().queryKey });
    }
  };
}
