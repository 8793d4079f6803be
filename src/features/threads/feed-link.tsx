import { apiUrl } from '../../api/http';

interface FeedLinkProps {
  /** The feed's path under the API, e.g. `/discussions/<slug>/feed.atom`. */
  path: string;
  /** What a feed reader names it when it finds the page's alternate link. */
  title: string;
  /** The visible link's sentence before it. */
  lead: string;
}

/**
 * A page's Atom feed: announced in the document head for feed readers (React
 * hoists the `<link>`, and removes it when the page goes), and linked for people.
 */
export function FeedLink({ path, title, lead }: FeedLinkProps) {
  const href = apiUrl(path).href;
  return (
    <p className="feed-link">
      <link rel="alternate" type="application/atom+xml" title={title} href={href} />
      {lead}{' '}
      <a href={href} type="application/atom+xml">
        Atom feed
      </a>
    </p>
  );
}
