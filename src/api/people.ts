import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { PeopleResponse, Person, ResetLinkResponse, Role } from './contract';
import { request } from './http';
import { moderationQueries } from './moderation';

export const peopleQueries = {
  all: () => ['moderation', 'people'] as const,
  list: () =>
    queryOptions({
      queryKey: peopleQueries.all(),
      queryFn: ({ signal }) => request<PeopleResponse>('/people', { signal }),
    }),
};

export type PeopleChange =
  | { person: Person; change: 'role'; role: Role }
  | { person: Person; change: 'suspend' | 'restore' };

const path = (p: Person) => `/people/${encodeURIComponent(p.id)}`;

/** Role and suspension changes; the list and the log both show them afterwards. */
export function useChangePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: PeopleChange) =>
      vars.change === 'role'
        ? request<Person>(`${path(vars.person)}/role`, { method: 'PUT', body: { role: vars.role } })
        : request<Person>(`${path(vars.person)}/suspension`, {
            method: vars.change === 'suspend' ? 'PUT' : 'DELETE',
          }),
    // The people list and the log are both under the moderation key.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: moderationQueries.all() }),
  });
}

export function useIssueResetLink() {
  return useMutation({
    mutationFn: (person: Person) =>
      request<ResetLinkResponse>(`${path(person)}/reset-link`, { method: 'POST' }),
  });
}
