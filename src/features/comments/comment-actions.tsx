import type { Comment } from '../../api/contract';

/** Participant actions on a comment: reply, edit and withdraw while pending, flag. (Issue 3) */
export function CommentActions(_props: { comment: Comment }) {
  return null;
}
