import { useLocation } from 'react-router';

const ORIGIN = 'https://agora.invalid';

/**
 * Where to go after signing in: a path on this site only ("/..." but not
 * "//host" or anything the URL parser reads as another origin); "/" otherwise.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  try {
    const url = new URL(next, ORIGIN);
    return url.origin === ORIGIN ? `${url.pathname}${url.search}${url.hash}` : '/';
  } catch {
    return '/';
  }
}

export const signInPath = (next: string) => `/sign-in?next=${encodeURIComponent(next)}`;
export const joinPath = (next: string) => `/join?next=${encodeURIComponent(next)}`;

/** The current address, to come back to after signing in. */
export function useHere(): string {
  const { pathname, search, hash } = useLocation();
  return `${pathname}${search}${hash}`;
}
