import { useLocation } from 'react-router';

const ORIGIN = 'https://agora.invalid';

/** Control characters (the URL parser drops tabs and newlines, joining what they split) and backslashes (read as slashes). */
const unsafe = (text: string) =>
  Array.from(text).some((c) => c === '\\' || c <= '\u001f' || c === '\u007f');

/**
 * Where to go after signing in: a path on this site only, "/" otherwise. The
 * path is the one the URL parser reads (dot segments resolved), and is refused
 * when it, or its %-decoded spelling, could be taken for another host: it must
 * start with one slash, never two, and hold no backslash or control character.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next?.startsWith('/') || unsafe(next)) return '/';
  try {
    const url = new URL(next, ORIGIN);
    const path = `${url.pathname}${url.search}${url.hash}`;
    const decoded = decodeURIComponent(url.pathname);
    if (url.origin !== ORIGIN || path.startsWith('//') || decoded.startsWith('//')) return '/';
    return unsafe(decoded) ? '/' : path;
  } catch {
    return '/';
  }
}

/** The current address, to come back to after signing in. */
export function useHere(): string {
  const { pathname, search, hash } = useLocation();
  return `${pathname}${search}${hash}`;
}
