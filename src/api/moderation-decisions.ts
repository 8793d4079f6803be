/**
 * A moderator's decisions: one, or several at once. Apart from src/api/moderation.ts so
 * that the reader's bundle, which takes the queue's keys and live events from there,
 * leaves these to the moderators' pages that load them.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  BatchDecisionBody,
  BatchDecisionResponse,
  Comment,
  DecisionBody,
  DecisionResponse,
  Resource,
} from './contract';
import { ApiError, request } from './http';
import { DECISIONS, cancel, patchEntry, settle, type DecisionVars } from './moderation';
import { refreshSessionOn401 } from './session';

const toBody = ({ kind, entry, action, reason, body }: DecisionVars): DecisionBody => ({
  kind,
  id: entry.id,
  action,
  expectedStatus: entry.status,
  expectedVersion: ('editedAt' in entry ? entry.editedAt : null) ?? entry.createdAt,
  ...(reason ? { reason } : {}),
  ...(body !== undefined ? { body } : {}),
});

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** What the entry will look like once the backend agrees; its answer replaces this guess. */
function predict<E extends Comment | Resource>(entry: E, v: DecisionVars): E {
  const reason = v.reason ?? null;
  switch (v.action) {
    case 'approve':
      return { ...entry, status: 'published', moderationReason: null };
    case 'edit-approve':
      return {
        ...entry,
        status: 'published',
        moderationReason: null,
        body: v.body ?? '',
        html: `<p>${escapeHtml(v.body ?? '')}</p>`,
      };
    case 'reject':
      return { ...entry, status: 'rejected', moderationReason: reason, flagCount: 0 };
    case 'hide':
      return { ...entry, status: 'hidden', moderationReason: reason, flagCount: 0 };
    case 'restore':
      return { ...entry, status: 'published', moderationReason: null, flagCount: 0 };
    case 'dismiss-flags':
      return entry.status === 'hidden'
        ? { ...entry, status: 'published', moderationReason: null, flagCount: 0 }
        : { ...entry, flagCount: 0 };
    case 'feature':
    case 'unfeature':
      return { ...entry, featured: v.action === 'feature' };
  }
}

function fromDetails(details: Record<string, unknown> | undefined): Comment | Resource | null {
  const { comment, resource } = (details ?? {}) as Partial<DecisionResponse>;
  return comment ?? resource ?? null;
}

/** The entry as the backend has it now, from a 409's details. */
export function currentEntry(error: unknown): Comment | Resource | null {
  return error instanceof ApiError && error.code === 'conflict' ? fromDetails(error.details) : null;
}

const decided = (response: DecisionResponse) => response.comment ?? response.resource;

/**
 * What to tell the moderator once the backend has agreed. It is called even when the
 * controls that asked have gone meanwhile (a queue refreshed while the decision settled
 * no longer lists a decided entry), unlike the callbacks given to `mutate`.
 */
type OnDecided<R, V> = (result: R, vars: V) => void;

/**
 * One decision, shown at once: the entry changes in the queue and the thread
 * before the backend answers, and goes back to what the moderator saw if it
 * refuses. A 409 brings the entry's current state, which replaces both.
 */
export function useDecision(onDecided?: OnDecided<DecisionResponse, DecisionVars>) {
  const queryClient = useQueryClient();
  const onSessionError = refreshSessionOn401(queryClient);
  return useMutation({
    mutationKey: [...DECISIONS, 'one'],
    mutationFn: (v: DecisionVars) =>
      request<DecisionResponse>('/moderation/decisions', { method: 'POST', body: toBody(v) }),
    onMutate: async (v) => {
      await cancel(queryClient, [v]);
      patchEntry(queryClient, v, (e) => predict(e, v));
    },
    onError: (error, v) => {
      // The snapshot is the entry as the moderator saw it, in `v`: putting back only that
      // entry leaves other decisions taken meanwhile in place. A 409 brings its current state.
      patchEntry(queryClient, v, () => currentEntry(error) ?? v.entry);
      onSessionError(error);
    },
    onSuccess: (response, v) => {
      const entry = decided(response);
      if (entry) patchEntry(queryClient, v, () => entry);
      onDecided?.(response, v);
    },
    onSettled: (_data, _error, v) => settle(queryClient, [v.entry.discussionSlug]),
  });
}

export interface BatchOutcome {
  /** In the order of the decisions; `entry` is the entry as the backend has it now, when known. */
  results: { vars: DecisionVars; ok: boolean; message: string; entry: Comment | Resource | null }[];
}

/** Several decisions at once; each one stands or falls on its own. */
export function useBatchDecision(onDecided?: OnDecided<BatchOutcome, DecisionVars[]>) {
  const queryClient = useQueryClient();
  const onSessionError = refreshSessionOn401(queryClient);
  return useMutation({
    mutationKey: [...DECISIONS, 'batch'],
    mutationFn: async (all: DecisionVars[]): Promise<BatchOutcome> => {
      const { results } = await request<BatchDecisionResponse>('/moderation/decisions/batch', {
        method: 'POST',
        body: { decisions: all.map(toBody) } satisfies BatchDecisionBody,
      });
      return {
        results: all.map((vars, i) => {
          const result = results[i];
          if (!result)
            return { vars, ok: false, message: 'No answer for this entry.', entry: null };
          return result.ok
            ? { vars, ok: true, message: '', entry: decided(result) }
            : {
                vars,
                ok: false,
                message: result.error.message,
                entry: result.error.code === 'conflict' ? fromDetails(result.error.details) : null,
              };
        }),
      };
    },
    onMutate: async (all) => {
      await cancel(queryClient, all);
      for (const v of all) patchEntry(queryClient, v, (e) => predict(e, v));
    },
    onSuccess: (outcome, all) => {
      for (const { vars, entry } of outcome.results)
        patchEntry(queryClient, vars, () => entry ?? vars.entry);
      onDecided?.(outcome, all);
    },
    onError: (error, all) => {
      for (const v of all) patchEntry(queryClient, v, () => v.entry);
      onSessionError(error);
    },
    onSettled: (_data, _error, all) =>
      settle(
        queryClient,
        all.map((v) => v.entry.discussionSlug),
      ),
  });
}
