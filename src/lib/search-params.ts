import { useSearchParams } from 'react-router';

/**
 * Filters that live in the address, so that a filtered view can be shared and
 * survives a reload: read them, and set or clear one without adding a history entry.
 */
export function useFilterParams() {
  const [params, setParams] = useSearchParams();
  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  return [params, setFilter] as const;
}
