import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  Account,
  ChangePasswordBody,
  CompleteResetBody,
  DeleteAccountBody,
  PasswordResetInfo,
  RequestResetBody,
  UpdateAccountBody,
} from './contract';
import { request } from './http';
import { forgetNotifications } from './notifications';
import { sessionQueries } from './session';

export const accountQueries = {
  all: () => ['account'] as const,
  detail: () =>
    queryOptions({
      queryKey: accountQueries.all(),
      queryFn: ({ signal }) => request<Account>('/account', { signal }),
    }),
  resetInfo: () =>
    queryOptions({
      queryKey: ['password-resets'] as const,
      queryFn: ({ signal }) => request<PasswordResetInfo>('/password-resets', { signal }),
      staleTime: Infinity,
    }),
  reset: (token: string) =>
    queryOptions({
      queryKey: ['password-resets', token] as const,
      queryFn: ({ signal }) =>
        request<{ valid: true }>(`/password-resets/${encodeURIComponent(token)}`, { signal }),
      retry: false,
    }),
};

export function useUpdateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateAccountBody) =>
      request<Account>('/account', { method: 'PATCH', body }),
    onSuccess: (account) => {
      queryClient.setQueryData(accountQueries.all(), account);
      queryClient.setQueryData(sessionQueries.current().queryKey, { user: account.user });
      return queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'discussions' });
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePasswordBody) =>
      request<undefined>('/account/password', { method: 'PUT', body }),
  });
}

/** Signing out everywhere or deleting the account ends this session too. */
function signedOut(queryClient: ReturnType<typeof useQueryClient>) {
  queryClient.setQueryData(sessionQueries.current().queryKey, { user: null });
  queryClient.removeQueries({ queryKey: ['moderation'] });
  forgetNotifications(queryClient);
  queryClient.removeQueries({ queryKey: accountQueries.all() });
  return queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
}

export function useSignOutEverywhere() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request<undefined>('/account/sessions', { method: 'DELETE' }),
    onSuccess: () => signedOut(queryClient),
  });
}

export function useDeleteAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DeleteAccountBody) =>
      request<undefined>('/account', { method: 'DELETE', body }),
    onSuccess: () => signedOut(queryClient),
  });
}

export function useRequestReset() {
  return useMutation({
    mutationFn: (body: RequestResetBody) =>
      request<PasswordResetInfo>('/password-resets', { method: 'POST', body }),
  });
}

export function useCompleteReset(token: string) {
  return useMutation({
    mutationFn: (body: CompleteResetBody) =>
      request<undefined>(`/password-resets/${encodeURIComponent(token)}`, {
        method: 'POST',
        body,
      }),
  });
}
