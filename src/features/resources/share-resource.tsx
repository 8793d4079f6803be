import type { Discussion } from '../../api/contract';

/** "Share a resource" form. (Issue 3) */
export function ShareResource(_props: { discussion: Discussion }) {
  return null;
}
