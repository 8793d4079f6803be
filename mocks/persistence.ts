/**
 * Where the demo keeps its database between visits: the SQLite file's bytes in
 * localStorage, with a version number that tells a tab another one has written.
 */
const DATA_KEY = 'agora-demo-database';
const VERSION_KEY = 'agora-demo-database-version';

/** Where a tab keeps the scenario it asked for (`?scenario=long-threads`) while it lives. */
export const SCENARIO_KEY = 'agora-scenario';

/**
 * Whether this browser's demo may differ from the seeded one that the demo build's
 * page answers come from (src/server/demo-page-answers.ts): it saved a database of its
 * own, or this tab asked for a scenario.
 */
export function ownsDemoData(): boolean {
  return (
    localStorage.getItem(DATA_KEY) !== null ||
    sessionStorage.getItem(SCENARIO_KEY) !== null ||
    new URLSearchParams(window.location.search).has('scenario')
  );
}

export function savedVersion(): number {
  return Number(localStorage.getItem(VERSION_KEY) ?? '0');
}

export function loadSaved(): Uint8Array | null {
  const text = localStorage.getItem(DATA_KEY);
  if (!text) return null;
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    localStorage.removeItem(DATA_KEY);
    return null;
  }
}

/** Saves the bytes and returns the new version. */
export function saveDatabase(bytes: Uint8Array): number {
  let text = '';
  // In slices: one call with every byte as an argument overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  const version = savedVersion() + 1;
  localStorage.setItem(DATA_KEY, btoa(text));
  localStorage.setItem(VERSION_KEY, String(version));
  return version;
}
