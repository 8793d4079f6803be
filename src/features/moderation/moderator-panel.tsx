import { lazy, Suspense } from 'react';
import type { Discussion } from '../../api/contract';
import { useSession } from '../../api/session';

// Readers never need these tools, so their code loads only for moderators.
const DiscussionTools = lazy(() =>
  import('./discussion-tools').then((m) => ({ default: m.DiscussionTools })),
);

/** The discussion page's moderator tools; nothing for anyone else. */
export function ModeratorPanel({ discussion }: { discussion: Discussion }) {
  const { data } = useSession();
  if (data?.user?.role !== 'moderator') return null;
  return (
    <Suspense fallback={null}>
      <DiscussionTools discussion={discussion} />
    </Suspense>
  );
}
