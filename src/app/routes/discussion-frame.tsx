import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, NavLink, useMatch } from 'react-router';
import type { Discussion } from '../../api/contract';
import { discussionQueries } from '../../api/discussions';
import { ApiError } from '../../api/http';
import { useSession } from '../../api/session';
import { useDocumentTitle } from '../../components/document-title';
import { ErrorState } from '../../components/error-state';
import { LoadingRegion, Skeleton } from '../../components/skeleton';
import { pagePatterns, paths } from '../../lib/paths';

interface DiscussionFrameProps {
  slug: string;
  /** The page's own name, for the document title: "Resources", a campaign… */
  page?: string;
  /** What the page shows above its content once the discussion is known. */
  header: (discussion: Discussion) => ReactNode;
  children: ReactNode | ((discussion: Discussion) => ReactNode);
}

/**
 * What every page of a discussion shares: loading it, its not-found and error
 * states, the heading, and the tabs between its pages.
 */
export function DiscussionFrame({ slug, page, header, children }: DiscussionFrameProps) {
  const { data, isPending, isError, error, refetch } = useQuery(discussionQueries.detail(slug));
  // Moderators prepare a digest before publishing it, so they reach it unpublished too.
  const isModerator = useSession().data?.user?.role === 'moderator';
  // A permalink shows the comments too, so their tab stays current there.
  const onThread = useMatch(pagePatterns.thread);
  const onPermalink = useMatch(pagePatterns.permalink);
  const onComments = onThread !== null || onPermalink !== null;
  useDocumentTitle(
    isError && error instanceof ApiError && error.status === 404
      ? 'Discussion not found'
      : data
        ? [page, data.title].filter(Boolean).join(' · ')
        : undefined,
  );

  if (isPending) {
    return (
      <LoadingRegion label="Loading the discussion…">
        <h1 className="visually-hidden">Loading the discussion</h1>
        <Skeleton lines={5} height={14} />
      </LoadingRegion>
    );
  }
  if (isError) {
    if (error instanceof ApiError && error.status === 404) {
      return (
        <div className="page-message">
          <h1>Discussion not found</h1>
          <p>There is no discussion at this address. It may have been mistyped or removed.</p>
          <p>
            <Link to={paths.home()}>See all discussions</Link>
          </p>
        </div>
      );
    }
    return (
      <>
        <h1>Discussion</h1>
        <ErrorState
          error={error}
          title="The discussion could not be loaded"
          onRetry={() => void refetch()}
        />
      </>
    );
  }

  return (
    <>
      {header(data)}
      <nav className="tabs" aria-label="This discussion">
        <Link to={paths.discussion(slug)} aria-current={onComments ? 'page' : undefined}>
          Comments
        </Link>
        <NavLink to={paths.resources(slug)}>Resources</NavLink>
        {(data.digestPublished || isModerator) && (
          <NavLink to={paths.digest(slug)}>Digest of extracts</NavLink>
        )}
      </nav>
      {typeof children === 'function' ? children(data) : children}
    </>
  );
}
