import type { Discussion } from '../../api/contract';

/** The composer under the thread. (Issue 3) */
export function CommentComposer(_props: { discussion: Discussion }) {
  return null;
}
