import type { QueryClient } from '@tanstack/react-query';
import { type LoaderFunctionArgs, Link, useParams, useSearchParams } from 'react-router';
import { discussionQueries } from '../../api/discussions';
import { searchQueries, searchQueryOf } from '../../api/search';
import { SearchForm } from '../../features/search/search-form';
import { SearchResults } from '../../features/search/search-results';
import { paths } from '../../lib/paths';
import { DiscussionFrame } from './discussion-frame';

/** Starts the search before the page renders; a failure shows on the page, not here. */
export const searchLoader =
  (queryClient: QueryClient) =>
  ({ params, request }: LoaderFunctionArgs) => {
    const slug = params.slug ?? '';
    const query = searchQueryOf(new URL(request.url).searchParams);
    queryClient.query(discussionQueries.detail(slug)).catch(() => undefined);
    if (query) queryClient.infiniteQuery(searchQueries.results(slug, query)).catch(() => undefined);
    return null;
  };

export function SearchRoute() {
  const { slug = '' } = useParams();
  const [params] = useSearchParams();
  const query = searchQueryOf(params);
  return (
    <DiscussionFrame
      slug={slug}
      page={query ? `Search: ${query}` : 'Search'}
      header={(d) => (
        <header className="discussion-header compact">
          <p className="eyebrow">
            <Link to={paths.discussion(slug)}>{d.title}</Link>
          </p>
          <h1>Search this discussion</h1>
        </header>
      )}
    >
      <section className="search-page" aria-labelledby="search-results-heading">
        <SearchForm slug={slug} query={query} />
        <h2 id="search-results-heading" className="visually-hidden">
          Results
        </h2>
        <SearchResults slug={slug} query={query} />
      </section>
    </DiscussionFrame>
  );
}
