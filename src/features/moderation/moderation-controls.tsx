import type { Comment, Resource } from '../../api/contract';

/** A moderator's controls on an entry, in the thread and the queue. (Issue 4) */
export function ModerationControls(
  _props: { kind: 'comment'; entry: Comment } | { kind: 'resource'; entry: Resource },
) {
  return null;
}
