import { useInfiniteQuery } from '@tanstack/react-query';
import { Fragment, useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { SearchHit } from '../../api/contract';
import { searchQueries } from '../../api/search';
import { RoleBadge } from '../../components/author-name';
import { ErrorState } from '../../components/error-state';
import { LoadingRegion, Skeleton } from '../../components/skeleton';
import { formatDateTime } from '../../lib/dates';
import { paths } from '../../lib/paths';
import { plural } from '../../lib/plural';

const quoted = (query: string) => `“${query}”`;

function HitItem({
  slug,
  hit,
  focusRef,
}: {
  slug: string;
  hit: SearchHit;
  focusRef?: React.Ref<HTMLAnchorElement>;
}) {
  const bylineId = `search-hit-${hit.id}`;
  return (
    <li className="search-hit">
      <h3 className="search-hit-author" id={bylineId}>
        <bdi className="person-name">{hit.author.name}</bdi>
        <RoleBadge role={hit.author.role} />
      </h3>
      <p className="comment-meta">
        {hit.author.organisation && (
          <span className="organisation">
            <bdi className="person-name">{hit.author.organisation}</bdi>
          </span>
        )}
        <span>
          {hit.original
            ? 'From the original discussion, February 2015'
            : formatDateTime(hit.createdAt)}
        </span>
      </p>
      <p className="search-hit-excerpt">
        {/* The words found are the link: they name the comment it opens in the thread. */}
        <Link ref={focusRef} to={paths.comment(slug, hit.id)} aria-describedby={bylineId}>
          {hit.excerpt.map((part, i) =>
            part.match ? (
              <mark key={i}>{part.text}</mark>
            ) : (
              <Fragment key={i}>{part.text}</Fragment>
            ),
          )}
        </Link>
      </p>
    </li>
  );
}

/**
 * The published comments that hold the words, newest first, each linking to
 * its place in the thread; more on request, focus going to the first of them.
 */
export function SearchResults({ slug, query }: { slug: string; query: string }) {
  const results = useInfiniteQuery({
    ...searchQueries.results(slug, query),
    enabled: query !== '',
  });
  const firstNew = useRef<HTMLAnchorElement>(null);
  const pages = results.data?.pages.length ?? 0;
  const asked = useRef(pages);
  useEffect(() => {
    if (pages > asked.current) firstNew.current?.focus();
    asked.current = pages;
  }, [pages]);

  if (query === '') {
    return <p className="search-summary">Type the words to search for.</p>;
  }
  const { data } = results;
  if (!data) {
    return results.isError ? (
      <ErrorState
        error={results.error}
        title="The search could not be done"
        onRetry={() => void results.refetch()}
      />
    ) : (
      <LoadingRegion label={`Searching for ${quoted(query)}…`}>
        <Skeleton lines={4} height={10} />
      </LoadingRegion>
    );
  }

  const total = data.pages[0]?.total ?? 0;
  const firstOfLast = data.pages[data.pages.length - 1]?.hits[0]?.id;
  const hits = data.pages.flatMap((p) => p.hits);
  return (
    <>
      <p className="search-summary" role="status">
        {total === 0
          ? `No comment matches ${quoted(query)}.`
          : `${plural(total, 'comment')} ${total === 1 ? 'matches' : 'match'} ${quoted(query)}`}
      </p>
      {total === 0 && (
        <p>Try fewer words, or the start of a word: each word you type must be in a comment.</p>
      )}
      {hits.length > 0 && (
        <ol className="search-hits" aria-label={`Comments that match ${quoted(query)}`}>
          {hits.map((hit) => (
            <HitItem
              key={hit.id}
              slug={slug}
              hit={hit}
              focusRef={pages > 1 && hit.id === firstOfLast ? firstNew : undefined}
            />
          ))}
        </ol>
      )}
      {results.hasNextPage && (
        <button
          type="button"
          className="button"
          disabled={results.isFetchingNextPage}
          onClick={() => void results.fetchNextPage()}
        >
          {results.isFetchingNextPage ? 'Loading more results…' : 'Show more results'}
        </button>
      )}
      {results.isFetchNextPageError && (
        <ErrorState
          error={results.error}
          title="More results could not be loaded"
          onRetry={() => void results.fetchNextPage()}
        />
      )}
    </>
  );
}
