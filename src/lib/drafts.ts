import { useCallback, useEffect, useRef, useState } from 'react';

/** The demo reset forgets every key with this prefix. */
export const DRAFT_PREFIX = 'agora-draft:';

export const draftKey = (...parts: string[]) => `${DRAFT_PREFIX}${parts.join(':')}`;

export function readDraft<T>(key: string, empty: T): T {
  try {
    const saved = localStorage.getItem(key);
    return saved === null ? empty : (JSON.parse(saved) as T);
  } catch {
    return empty;
  }
}

export function hasDraft(key: string): boolean {
  try {
    return localStorage.getItem(key) !== null;
  } catch {
    return false;
  }
}

function writeDraft(key: string, value: unknown, empty: unknown): void {
  try {
    if (JSON.stringify(value) === JSON.stringify(empty)) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the text stays on screen, it just will not survive a reload.
  }
}

/**
 * What is left once `sent` has been accepted: each part still as it was sent
 * goes back to empty, and anything changed since the person submitted stays.
 */
export function afterSent<T>(current: T, sent: T, empty: T): T {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (same(current, sent)) return empty;
  if (!isRecord(current) || !isRecord(sent) || !isRecord(empty)) return current;
  const left: Record<string, unknown> = { ...current };
  for (const name of Object.keys(left)) {
    if (same(left[name], sent[name])) left[name] = empty[name];
  }
  return left as T;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What a person is writing, saved as they type so that a reload, a detour to
 * sign in or a failed post loses nothing. After a successful post, `sent(value)`
 * clears what was sent, keeps what the person typed meanwhile, saved, and returns it.
 */
export function useDraft<T>(key: string, empty: T): [T, (value: T) => void, (sentValue: T) => T] {
  const [draft, setDraft] = useState(() => ({ key, value: readDraft(key, empty) }));
  // The same form shown for another discussion: bring that one's draft.
  if (draft.key !== key) setDraft({ key, value: readDraft(key, empty) });
  const current = draft.key === key ? draft.value : readDraft(key, empty);
  // A post settles in a callback made before the person typed on: it reads the text as it is now.
  const latest = useRef(current);
  useEffect(() => {
    latest.current = current;
  });
  const update = useCallback(
    (next: T) => {
      latest.current = next;
      setDraft({ key, value: next });
      writeDraft(key, next, empty);
    },
    [key, empty],
  );
  const sent = useCallback(
    (sentValue: T) => {
      const left = afterSent(latest.current, sentValue, empty);
      latest.current = left;
      setDraft({ key, value: left });
      writeDraft(key, left, empty);
      return left;
    },
    [key, empty],
  );
  return [current, update, sent];
}
