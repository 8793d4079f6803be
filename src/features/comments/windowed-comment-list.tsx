import { defaultRangeExtractor, useWindowVirtualizer, type Range } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react';
import type { Comment } from '../../api/contract';
import { commentDomId } from './comment-item';
import type { Reveal } from './thread-place';

interface WindowedCommentListProps {
  comments: Comment[];
  /** Renders one comment; the list only decides which ones are in the document. */
  renderComment: (comment: Comment) => ReactNode;
  /** A permalinked comment, kept in the document and brought into view once. */
  anchor?: string | undefined;
  /** False when the reader comes back to a place of their own instead. */
  scrollToAnchor?: boolean;
  /** Another comment to keep in the document: one about to take the focus. */
  keep?: string | null;
  /** Set to a function that brings a comment into the document, wherever the reader is. */
  revealRef?: RefObject<Reveal | null>;
  /** Called when the reader nears the end of what is loaded. */
  onNearEnd: () => void;
}

const GAP_PX = 12;
const NEAR_END = 8;

/**
 * A long thread keeps only the comments near the viewport in the document, so
 * that reading thousands of comments costs the same as reading fifty. The comment
 * holding focus (a reply being written, say) and the permalinked one always stay.
 */
export function WindowedCommentList({
  comments,
  renderComment,
  anchor,
  scrollToAnchor = true,
  keep = null,
  revealRef,
  onNearEnd,
}: WindowedCommentListProps) {
  const list = useRef<HTMLOListElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const [focusedId, setFocusedId] = useState<string | null>(null);

  useLayoutEffect(() => {
    const measure = () => {
      if (list.current) {
        setScrollMargin(list.current.getBoundingClientRect().top + window.scrollY);
      }
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, []);

  const pinned = [focusedId, anchor, keep]
    .map((id) => (id ? comments.findIndex((c) => c.id === id) : -1))
    .filter((i) => i >= 0);
  const pinnedKey = pinned.join(',');

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = new Set(defaultRangeExtractor(range));
      for (const i of pinnedKey ? pinnedKey.split(',').map(Number) : []) indexes.add(i);
      return [...indexes].sort((a, b) => a - b);
    },
    [pinnedKey],
  );

  const virtualizer = useWindowVirtualizer({
    count: comments.length,
    estimateSize: () => 220,
    overscan: 4,
    gap: GAP_PX,
    scrollMargin,
    getItemKey: (index) => comments[index]?.id ?? index,
    rangeExtractor,
  });

  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (lastIndex >= comments.length - NEAR_END) onNearEnd();
  }, [lastIndex, comments.length, onNearEnd]);

  const anchorIndex = anchor ? comments.findIndex((c) => c.id === anchor) : -1;
  const scrolledToAnchor = useRef(!scrollToAnchor);
  useEffect(() => {
    if (anchorIndex < 0 || scrolledToAnchor.current) return;
    scrolledToAnchor.current = true;
    virtualizer.scrollToIndex(anchorIndex, { align: 'center' });
    document.getElementById(commentDomId(comments[anchorIndex]?.id ?? ''))?.focus({
      preventScroll: true,
    });
  }, [anchorIndex, comments, virtualizer]);

  useEffect(() => {
    if (!revealRef) return;
    revealRef.current = (id) => {
      const index = comments.findIndex((c) => c.id === id);
      if (index >= 0) virtualizer.scrollToIndex(index, { align: 'start' });
    };
    return () => {
      revealRef.current = null;
    };
  }, [revealRef, comments, virtualizer]);

  return (
    <ol
      ref={list}
      className="comment-list is-windowed"
      style={{ height: virtualizer.getTotalSize() }}
      onFocus={(event) => {
        const item = (event.target as Element).closest<HTMLElement>('[data-comment-id]');
        setFocusedId(item?.dataset.commentId ?? null);
      }}
    >
      {items.map((item) => {
        const c = comments[item.index];
        if (!c) return null;
        return (
          <li
            key={item.key}
            ref={virtualizer.measureElement}
            data-index={item.index}
            data-comment-id={c.id}
            className={`depth-${Math.min(c.depth, 2)}`}
            style={{ transform: `translateY(${item.start - scrollMargin}px)` }}
          >
            {renderComment(c)}
          </li>
        );
      })}
    </ol>
  );
}
