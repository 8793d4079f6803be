/** The header's link to the queue with its count, for moderators only. (Issue 4) */
export function ModerationNavLink() {
  return null;
}
