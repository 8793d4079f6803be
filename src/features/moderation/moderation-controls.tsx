import { lazy, Suspense } from 'react';
import type { ModeratedEntry } from '../../api/moderation';

// Readers never need the controls, so their code loads only for moderators.
const EntryControls = lazy(() =>
  import('./entry-controls').then((m) => ({ default: m.EntryControls })),
);

/** A moderator's controls on an entry, in the thread and the queue; nothing for anyone else. */
export function ModerationControls(props: ModeratedEntry) {
  if (!props.entry.viewer.canModerate) return null;
  return (
    <Suspense fallback={null}>
      <EntryControls {...props} />
    </Suspense>
  );
}
