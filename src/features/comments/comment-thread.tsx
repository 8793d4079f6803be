import { useInfiniteQuery } from '@tanstack/react-query';
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useLocation } from 'react-router';
import { commentQueries, type ThreadPage } from '../../api/comments';
import type { Comment } from '../../api/contract';
import { ErrorState } from '../../components/error-state';
import { LoadingRegion, Skeleton } from '../../components/skeleton';
import { plural } from '../../lib/plural';
import { CommentItem, commentDomId } from './comment-item';
import { NewCommentsNotice } from './new-comments-notice';
import {
  focusWhenShown,
  holdPlace,
  placeIn,
  placeOf,
  followPlace,
  type Reveal,
} from './thread-place';

type Windowed = typeof import('./windowed-comment-list').WindowedCommentList;
// Once its code is here, the windowed list renders at once, not first as a plain list of everything.
let windowedLoaded: Windowed | undefined;
const loadWindowing = () =>
  import('./windowed-comment-list').then((m) => {
    windowedLoaded = m.WindowedCommentList;
    return m;
  });
const WindowedCommentList = lazy(() =>
  loadWindowing().then((m) => ({ default: m.WindowedCommentList })),
);

/** Past this many loaded comments, only those near the viewport stay in the document. */
const WINDOW_AFTER = 60;

/** Where focus goes when the comment that had it leaves the thread. */
export const THREAD_COUNT_ID = 'thread-count';
/** The composer's text field, reachable from the top of a long thread. */
export const COMPOSER_TEXTAREA_ID = 'comment-composer-body';

interface CommentThreadProps {
  slug: string;
  /** A permalinked comment: the thread opens at it, scrolls to it and highlights it. */
  anchor?: string | undefined;
  /** Controls under each comment, composed by the route: reply, edit, flag, moderate. */
  actions?: (comment: Comment) => ReactNode;
}

export function CommentThread({ slug, anchor, actions }: CommentThreadProps) {
  const thread = useInfiniteQuery(commentQueries.thread(slug, anchor));
  const comments = useMemo(
    () => thread.data?.pages.flatMap((p) => p.comments) ?? [],
    [thread.data],
  );
  const authors = useMemo(() => new Map(comments.map((c) => [c.id, c.author.name])), [comments]);
  const total = thread.data?.pages[0]?.total ?? 0;
  const anchorUnavailable = thread.data?.pages[0]?.anchorUnavailable === true;
  const targetLoaded = anchor !== undefined && authors.has(anchor);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = thread;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  // Back to this page of the history, the reader finds the comment they were reading where it was.
  const entry = useLocation().key;
  const [returning] = useState(() => placeOf(entry));
  const container = useRef<HTMLDivElement>(null);
  const reveal = useRef<Reveal | null>(null);
  // Noted as the reader scrolls: by the time the page is left, what was above the thread is gone.
  useEffect(() => followPlace(entry, () => placeIn(container.current)), [entry]);
  const loaded = thread.data !== undefined;
  useEffect(() => {
    if (returning && loaded) return holdPlace(returning, (id) => reveal.current?.(id));
  }, [returning, loaded]);

  // The first comment a "Show more" or "Show earlier" brought, kept in the document for the focus.
  const [arrived, setArrived] = useState<string | null>(null);
  /** Loads a page while the comment being read stays put, then focuses the page's nearest comment. */
  const showPage = (
    fetched: Promise<{ data?: { pages: ThreadPage[] } | undefined }>,
    edge: 'first' | 'last',
  ) => {
    const place = placeIn(container.current);
    let newId: string | undefined;
    // Below what was read, the new comment is then shown, the page moving no more than
    // needed, and kept in view while the comments around it are laid out and measured.
    const showNew = (frames = 30) => {
      if (edge !== 'last' || !newId) return;
      const el = document.getElementById(commentDomId(newId));
      if (el) {
        const { top, bottom } = el.getBoundingClientRect();
        if (bottom <= 0 || top >= window.innerHeight) el.scrollIntoView({ block: 'nearest' });
      }
      if (frames > 0) requestAnimationFrame(() => showNew(frames - 1));
    };
    if (place) holdPlace(place, (id) => reveal.current?.(id), fetched, showNew);
    void fetched.then(({ data }) => {
      const page = edge === 'last' ? data?.pages.at(-1) : data?.pages[0];
      newId = edge === 'last' ? page?.comments[0]?.id : page?.comments.at(-1)?.id;
      if (!newId) return;
      setArrived(newId);
      focusWhenShown(newId);
      // With no comment on screen to hold, nothing waits for the page to settle.
      if (!place) showNew();
    });
  };

  // A thread with more pages will need windowing soon: fetch its code ahead.
  useEffect(() => {
    if (hasNextPage) void loadWindowing();
  }, [hasNextPage]);

  useEffect(() => {
    if (!targetLoaded || !anchor || returning) return;
    const el = document.getElementById(commentDomId(anchor));
    el?.scrollIntoView({ block: 'center' });
    el?.focus({ preventScroll: true });
  }, [anchor, targetLoaded, returning]);

  const renderComment = (c: Comment) => (
    <CommentItem
      comment={c}
      parentAuthor={c.parentId ? authors.get(c.parentId) : undefined}
      isTarget={c.id === anchor}
    >
      {actions?.(c)}
    </CommentItem>
  );

  if (thread.isPending) {
    return (
      <LoadingRegion label="Loading comments…">
        {[0, 1, 2].map((i) => (
          <div key={i} className="comment">
            <Skeleton lines={4} height={8} />
          </div>
        ))}
      </LoadingRegion>
    );
  }
  if (!thread.data) {
    return (
      <ErrorState
        error={thread.error}
        title="The comments could not be loaded"
        onRetry={() => void thread.refetch()}
      />
    );
  }

  const WindowedList = windowedLoaded ?? WindowedCommentList;
  return (
    <div className="thread" ref={container}>
      {anchorUnavailable && (
        <p className="notice" role="status">
          This comment is not available: it may be waiting for moderation, or withdrawn, or the link
          may be mistyped. Here is the discussion from its first comment.
        </p>
      )}
      <NewCommentsNotice slug={slug} />
      <p id={THREAD_COUNT_ID} className="thread-count" tabIndex={-1}>
        {plural(total, 'comment')}
        {thread.hasNextPage && (
          <>
            {' · '}
            <a href={`#${COMPOSER_TEXTAREA_ID}`}>Skip to the comment form</a>
          </>
        )}
      </p>
      {thread.hasPreviousPage && (
        <LoadMore
          label="Show earlier comments"
          pending={thread.isFetchingPreviousPage}
          onClick={() => showPage(thread.fetchPreviousPage(), 'first')}
        />
      )}
      {comments.length === 0 ? (
        <p className="empty">No comments yet. Be the first to take part.</p>
      ) : comments.length > WINDOW_AFTER ? (
        <Suspense fallback={<PlainList comments={comments} renderComment={renderComment} />}>
          <WindowedList
            comments={comments}
            renderComment={renderComment}
            anchor={anchor}
            scrollToAnchor={!returning}
            keep={arrived}
            revealRef={reveal}
            onNearEnd={loadMore}
          />
        </Suspense>
      ) : (
        <PlainList comments={comments} renderComment={renderComment} />
      )}
      {thread.isFetchNextPageError && (
        <ErrorState error={thread.error} title="More comments could not be loaded" />
      )}
      {thread.hasNextPage && (
        <LoadMore
          label="Show more comments"
          pending={thread.isFetchingNextPage}
          onClick={() => showPage(thread.fetchNextPage(), 'last')}
        />
      )}
    </div>
  );
}

function LoadMore({
  label,
  pending,
  onClick,
}: {
  label: string;
  pending: boolean;
  onClick: () => void;
}) {
  return (
    <p className="load-more">
      <button type="button" className="button button-quiet" onClick={onClick} disabled={pending}>
        {pending ? 'Loading…' : label}
      </button>
    </p>
  );
}

function PlainList({
  comments,
  renderComment,
}: {
  comments: Comment[];
  renderComment: (c: Comment) => ReactNode;
}) {
  return (
    <ol className="comment-list">
      {comments.map((c) => (
        <li key={c.id} className={`depth-${Math.min(c.depth, 2)}`}>
          {renderComment(c)}
        </li>
      ))}
    </ol>
  );
}
