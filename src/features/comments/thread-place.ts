import { commentDomId } from './comment-item';

/** Where a reader is in a thread: the comment at the top of the screen, and how far down it sits. */
export interface ThreadPlace {
  id: string;
  top: number;
}

/** Brings a comment a windowed list left out back into the document, near where it belongs. */
export type Reveal = (id: string) => void;

const DOM_PREFIX = commentDomId('');

/** The first comment of `thread` still showing at the top of the screen. */
export function placeIn(thread: Element | null): ThreadPlace | null {
  if (!thread) return null;
  for (const article of thread.querySelectorAll<HTMLElement>(`article[id^="${DOM_PREFIX}"]`)) {
    const { top, bottom } = article.getBoundingClientRect();
    if (bottom > 0) return { id: article.id.slice(DOM_PREFIX.length), top };
  }
  return null;
}

// The places of the history entries of this tab, as long as the thread's pages are kept in memory.
const places = new Map<string, ThreadPlace>();
const KEPT = 50;

function rememberPlace(entry: string, place: ThreadPlace | null): void {
  // A scroll as the page is left finds no thread: the last place seen stands.
  if (!place) return;
  places.delete(entry);
  places.set(entry, place);
  if (places.size > KEPT) places.delete(places.keys().next().value ?? '');
}

/** Notes the place of history entry `entry` whenever the page scrolls, once a frame at most. */
export function followPlace(entry: string, find: () => ThreadPlace | null): () => void {
  let handle = 0;
  const onScroll = () => {
    if (handle) return;
    handle = requestAnimationFrame(() => {
      handle = 0;
      rememberPlace(entry, find());
    });
  };
  window.addEventListener('scroll', onScroll, { passive: true });
  return () => {
    window.removeEventListener('scroll', onScroll);
    cancelAnimationFrame(handle);
  };
}

export const placeOf = (entry: string): ThreadPlace | undefined => places.get(entry);

const STILL_FRAMES = 3;
const MAX_FRAMES = 90;
/** A page that never comes (a stalled network) does not hold the screen for more than ~30 s. */
const GIVE_UP_FRAMES = 1_800;
const PERSON_MOVES = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;
const SCROLLING_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ']);

/**
 * Puts the comment `place.id` at `place.top` from the top of the screen and keeps
 * it there while the comments around it are laid out and measured (and `until`
 * brings more of them), until it has stood still for a few frames (then
 * `onSettled`) or the person scrolls. Returns a way to stop.
 */
export function holdPlace(
  place: ThreadPlace,
  reveal?: Reveal,
  until: Promise<unknown> = Promise.resolve(),
  onSettled?: () => void,
): () => void {
  let frame = 0;
  let total = 0;
  let still = 0;
  let missing = 0;
  let handle = 0;
  let settled = false;
  const done = () => {
    settled = true;
    frame = 0;
  };
  void until.then(done, done);
  let stopped = false;
  const stop = () => {
    stopped = true;
    cancelAnimationFrame(handle);
    for (const name of PERSON_MOVES) window.removeEventListener(name, onMove);
  };
  // The person scrolls on their own: let them. (Tab and typing move nothing.)
  const onMove = (event: Event) => {
    if (!(event instanceof KeyboardEvent) || SCROLLING_KEYS.has(event.key)) stop();
  };
  const step = () => {
    const el = document.getElementById(commentDomId(place.id));
    if (!el) {
      still = 0;
      missing += 1;
      // A windowed list may render it on its own in a frame or two; only then is it brought.
      if (missing >= STILL_FRAMES) reveal?.(place.id);
    } else {
      missing = 0;
      const delta = Math.round(el.getBoundingClientRect().top - place.top);
      if (delta === 0) still += 1;
      else {
        still = 0;
        window.scrollBy(0, delta);
      }
    }
    frame += 1;
    total += 1;
    if ((settled && (still >= STILL_FRAMES || frame >= MAX_FRAMES)) || total >= GIVE_UP_FRAMES) {
      stop();
      onSettled?.();
    } else handle = requestAnimationFrame(step);
  };
  step();
  // From the next frame: the key press that asked for a page may still be on its way up.
  requestAnimationFrame(() => {
    if (stopped) return;
    for (const name of PERSON_MOVES) window.addEventListener(name, onMove, { passive: true });
  });
  return stop;
}

/** Focuses a comment once it is in the document (a windowed list renders it a frame or two later). */
export function focusWhenShown(id: string, frames = 30): void {
  const el = document.getElementById(commentDomId(id));
  if (el) el.focus({ preventScroll: true });
  else if (frames > 0) requestAnimationFrame(() => focusWhenShown(id, frames - 1));
}
