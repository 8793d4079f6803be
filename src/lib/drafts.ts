import { useCallback, useState } from 'react';

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
 * What a person is writing, saved as they type so that a reload, a detour to
 * sign in or a failed post loses nothing. Cleared only after a successful post.
 */
export function useDraft<T>(key: string, empty: T): [T, (value: T) => void, () => void] {
  const [draft, setDraft] = useState(() => ({ key, value: readDraft(key, empty) }));
  // The same form shown for another discussion: bring that one's draft.
  if (draft.key !== key) setDraft({ key, value: readDraft(key, empty) });
  const update = useCallback(
    (next: T) => {
      setDraft({ key, value: next });
      writeDraft(key, next, empty);
    },
    [key, empty],
  );
  const clear = useCallback(() => {
    setDraft({ key, value: empty });
    writeDraft(key, empty, empty);
  }, [key, empty]);
  return [draft.key === key ? draft.value : readDraft(key, empty), update, clear];
}
