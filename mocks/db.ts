/**
 * The one live store of the mock backend. In the browser it persists to
 * localStorage so that a person's additions survive a reload; in tests it lives
 * in memory and is reset after each test.
 */
import { addLongThreads, withoutSynthetic } from './scenarios';
import { STORE_VERSION, seedStore, type Store } from './store';

const STORAGE_KEY = 'agora-demo-store';

export interface Persistence {
  load(): string | null;
  save(data: string): void;
  clear(): void;
}

let persistence: Persistence | null = null;
let store: Store = seedStore();
let longThreads = false;

export function getStore(): Store {
  return store;
}

export function resetStore(): void {
  store = seedStore();
  if (longThreads) addLongThreads(store);
  persistence?.clear();
}

export function saveStore(): void {
  persistence?.save(JSON.stringify(longThreads ? withoutSynthetic(store) : store));
}

/** The long-thread scenario: synthetic discussions of 100, 1,000 and 10,000 comments. */
export function enableLongThreads(): void {
  longThreads = true;
  addLongThreads(store);
}

/** Replaces the store wholesale; scenarios and tests use it to start from a given state. */
export function replaceStore(next: Store): void {
  store = next;
}

export function persistTo(p: Persistence): void {
  persistence = p;
  const saved = p.load();
  if (!saved) return;
  try {
    const parsed = JSON.parse(saved) as Store;
    if (parsed.version === STORE_VERSION) store = parsed;
  } catch {
    p.clear();
  }
}

export function localStoragePersistence(): Persistence {
  return {
    load: () => localStorage.getItem(STORAGE_KEY),
    save: (data) => localStorage.setItem(STORAGE_KEY, data),
    clear: () => localStorage.removeItem(STORAGE_KEY),
  };
}
