import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Comment, FLAG_HIDE_REASON as CONTRACT_HIDE_REASON } from '../../api/contract';
import { formatDateTime } from '../../lib/dates';
import { RoleBadge } from '../../components/author-name';
import { UserHtml } from '../../components/user-html';
import { paths } from '../../lib/paths';

/** Participants' flags hid it, not a moderator; restated so zod stays out of this bundle. */
const FLAG_HIDE_REASON: typeof CONTRACT_HIDE_REASON =
  'Hidden pending review after reports from participants';

interface CommentItemProps {
  comment: Comment;
  /** The author of the comment this one replies to, when it is loaded. */
  parentAuthor?: string | undefined;
  isTarget?: boolean;
  /** Actions a feature adds below the text: reply, edit, flag, moderate. */
  children?: ReactNode;
}

export const commentDomId = (id: string) => `comment-${id}`;
export const commentPath = (c: Pick<Comment, 'discussionSlug' | 'id'>) =>
  paths.comment(c.discussionSlug, c.id);

const STATUS_NOTE: Partial<Record<Comment['status'], string>> = {
  pending: 'Awaiting moderation — only you and the moderators see it.',
  rejected: 'Rejected by a moderator',
  withdrawn: 'Withdrawn',
};

export function CommentItem({
  comment: c,
  parentAuthor,
  isTarget = false,
  children,
}: CommentItemProps) {
  const headingId = `${commentDomId(c.id)}-author`;
  const hidden = c.status === 'hidden';
  return (
    <article
      id={commentDomId(c.id)}
      className={`comment status-${c.status}${isTarget ? ' is-target' : ''}`}
      aria-labelledby={headingId}
      tabIndex={-1}
    >
      <header className="comment-header">
        <div className="comment-byline">
          <h3 id={headingId} className="comment-author">
            <bdi className="person-name">{c.author.name}</bdi>
          </h3>
          <RoleBadge role={c.author.role} />
          {c.author.organisation && (
            <span className="organisation">
              <bdi className="person-name">{c.author.organisation}</bdi>
            </span>
          )}
        </div>
        <p className="comment-meta">
          {parentAuthor && (
            <span>
              In reply to <bdi className="person-name">{parentAuthor}</bdi>
            </span>
          )}
          <Link
            to={commentPath(c)}
            className="permalink"
            aria-label={`Permalink to the comment by ${c.author.name}`}
          >
            {c.original
              ? 'From the original discussion, February 2015'
              : formatDateTime(c.createdAt)}
          </Link>
          {c.editedAt && <span>edited</span>}
          {c.featured && <span className="badge badge-featured">Extract</span>}
        </p>
      </header>
      {STATUS_NOTE[c.status] && (
        <p className={`entry-status entry-status-${c.status}`}>
          {/* The author reads who sees their waiting comment; a moderator, only that it waits. */}
          {c.status === 'pending' && !c.viewer.canWithdraw
            ? 'Awaiting moderation.'
            : STATUS_NOTE[c.status]}
          {c.status === 'rejected' && (c.moderationReason ? `: ${c.moderationReason}` : '.')}
        </p>
      )}
      {hidden ? (
        <p className="removed">
          {c.moderationReason === FLAG_HIDE_REASON
            ? `${FLAG_HIDE_REASON}.`
            : `Removed by a moderator: ${c.moderationReason ?? 'no reason given'}`}
        </p>
      ) : null}
      {c.html && <UserHtml html={c.html} />}
      {children}
    </article>
  );
}
