import { startTransition, useOptimistic } from 'react';
import { useNavigate, useSearchParams } from 'react-router';

/**
 * Filters that live in the address, so that a filtered view can be shared and
 * survives a reload: read them, and set or clear one without adding a history entry.
 *
 * The router reaches the new address a moment later, in a transition. Until then
 * the view already shows the chosen filters (the select keeps the choice, the list
 * loads for it) instead of the previous filter's results as if they were current,
 * and a second choice made meanwhile adds to the first instead of undoing it.
 */
export function useFilterParams() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [shown, show] = useOptimistic(params);
  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(shown);
    if (value) next.set(name, value);
    else next.delete(name);
    startTransition(async () => {
      show(next);
      await navigate(`?${next.toString()}`, { replace: true });
    });
  };
  return [shown, setFilter] as const;
}
