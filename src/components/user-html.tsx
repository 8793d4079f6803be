import type { MouseEvent } from 'react';
import { useNavigate } from 'react-router';

interface UserHtmlProps {
  /** Safe HTML that the backend rendered from a participant's Markdown. */
  html: string;
  as?: 'div' | 'blockquote';
  className?: string;
}

/**
 * Shows participants' text as the backend rendered it. Hashtag links lead to
 * their campaign inside the app; other links open in a new tab as rendered.
 */
export function UserHtml({ html, as: Tag = 'div', className = 'prose' }: UserHtmlProps) {
  const navigate = useNavigate();
  const onClick = (event: MouseEvent<HTMLElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey) return;
    const href = (event.target as Element).closest('a[data-hashtag]')?.getAttribute('href');
    if (href) {
      event.preventDefault();
      void navigate(href);
    }
  };
  return (
    // Clicks are caught only on the links inside, which are keyboard reachable themselves.
    <Tag className={className} onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />
  );
}
