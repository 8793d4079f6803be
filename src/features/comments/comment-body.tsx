import type { MouseEvent } from 'react';
import { useNavigate } from 'react-router';

/**
 * Shows the backend's safe HTML of a comment. Hashtag links stay inside the app
 * (client-side navigation); other links open in a new tab as rendered.
 */
export function CommentBody({ html }: { html: string }) {
  const navigate = useNavigate();
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey) return;
    const link = (event.target as Element).closest('a[data-hashtag]');
    const href = link?.getAttribute('href');
    if (href) {
      event.preventDefault();
      void navigate(href);
    }
  };
  return (
    // The click handler only catches clicks on links inside, which are keyboard reachable themselves.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions
    <div className="prose" onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />
  );
}
