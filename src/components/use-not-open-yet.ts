import { useEffect, useState } from 'react';

/** The longest wait setTimeout takes; a later opening is checked again then. */
const MAX_WAIT = 2 ** 31 - 1;

/**
 * Whether a discussion opening at `opensAt` (an ISO instant) is still ahead by the
 * reader's clock; it turns false by itself when the moment comes, page left open.
 */
export function useNotOpenYet(opensAt: string): boolean {
  const at = Date.parse(opensAt);
  const [now, setNow] = useState(() => Date.now());
  const ahead = now < at;
  useEffect(() => {
    if (!ahead) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(at - now, MAX_WAIT));
    return () => clearTimeout(timer);
  }, [ahead, at, now]);
  return ahead;
}
