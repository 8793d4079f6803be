import { useInfiniteQuery } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useMemo, type ReactNode } from 'react';
import { commentQueries } from '../../api/comments';
import type { Comment } from '../../api/contract';
import { ErrorState } from '../../components/error-state';
import { LoadingRegion, Skeleton } from '../../components/skeleton';
import { plural } from '../../lib/plural';
import { CommentItem, commentDomId } from './comment-item';

const WindowedCommentList = lazy(() =>
  import('./windowed-comment-list').then((m) => ({ default: m.WindowedCommentList })),
);
const loadWindowing = () => import('./windowed-comment-list');

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
  const targetLoaded = anchor !== undefined && authors.has(anchor);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = thread;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  // A thread with more pages will need windowing soon: fetch its code ahead.
  useEffect(() => {
    if (hasNextPage) void loadWindowing();
  }, [hasNextPage]);

  useEffect(() => {
    if (!targetLoaded || !anchor) return;
    const el = document.getElementById(commentDomId(anchor));
    el?.scrollIntoView({ block: 'center' });
    el?.focus({ preventScroll: true });
  }, [anchor, targetLoaded]);

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

  const anchorUnavailable = thread.data.pages[0]?.anchorUnavailable === true;
  return (
    <div className="thread">
      {anchorUnavailable && (
        <p className="notice" role="status">
          This comment is not available: it may be waiting for moderation, or withdrawn, or the link
          may be mistyped. Here is the discussion from its first comment.
        </p>
      )}
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
          onClick={() => void thread.fetchPreviousPage()}
        />
      )}
      {comments.length === 0 ? (
        <p className="empty">No comments yet. Be the first to take part.</p>
      ) : comments.length > WINDOW_AFTER ? (
        <Suspense fallback={<PlainList comments={comments} renderComment={renderComment} />}>
          <WindowedCommentList
            comments={comments}
            renderComment={renderComment}
            anchor={anchor}
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
          onClick={() => void thread.fetchNextPage()}
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
