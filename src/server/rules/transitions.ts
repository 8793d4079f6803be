/**
 * The entries' state machine, in one place: which statuses each moderation
 * action may start from, and which actions a moderator is offered on an entry
 * as it stands. The backend sends the offer with each entry; the UI shows it.
 */
import type { EntryKind, EntryStatus, ModerationAction } from '../../api/contract';

/** Which statuses each action may start from; any other is refused with a 409. */
export const FROM: Record<ModerationAction, EntryStatus[]> = {
  approve: ['pending'],
  'edit-approve': ['pending'],
  reject: ['pending', 'published', 'hidden'],
  hide: ['published'],
  restore: ['hidden'],
  'dismiss-flags': ['published', 'hidden'],
  feature: ['published'],
  unfeature: ['published', 'hidden', 'rejected'],
};

/**
 * What a moderator is offered, in the order the controls show it. A subset of
 * FROM: rejecting a published entry is offered only once someone flagged it, and
 * an entry under flags is decided on the flags before it can be featured.
 */
export function offeredActions(
  kind: EntryKind,
  e: { status: EntryStatus; featured?: boolean },
  flagCount: number,
): ModerationAction[] {
  const flagged = flagCount > 0;
  const offer: ModerationAction[] = [];
  switch (e.status) {
    case 'pending':
      offer.push('approve');
      if (kind === 'comment') offer.push('edit-approve');
      offer.push('reject');
      break;
    case 'published':
      if (flagged) offer.push('dismiss-flags');
      offer.push('hide');
      if (flagged) offer.push('reject');
      if (kind === 'comment' && !flagged) offer.push(e.featured ? 'unfeature' : 'feature');
      break;
    case 'hidden':
      offer.push('restore', 'reject');
      break;
    case 'rejected':
    case 'withdrawn':
      break;
  }
  return offer.filter((action) => FROM[action].includes(e.status));
}
