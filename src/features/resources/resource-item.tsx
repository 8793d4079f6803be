import type { ReactNode } from 'react';
import type {
  FLAG_HIDE_REASON as CONTRACT_HIDE_REASON,
  Resource,
  ResourceKind,
} from '../../api/contract';
import { AuthorName } from '../../components/author-name';

/** Participants' flags hid it, not a moderator; restated so zod stays out of this bundle. */
const FLAG_HIDE_REASON: typeof CONTRACT_HIDE_REASON =
  'Hidden pending review after reports from participants';

export const KIND_LABEL: Record<ResourceKind, string> = {
  course: 'Course',
  talk: 'Talk',
  report: 'Report',
  tool: 'Tool',
  article: 'Article',
  other: 'Other',
};

const STATUS_NOTE: Partial<Record<Resource['status'], string>> = {
  pending: 'Awaiting moderation — only you and the moderators see it.',
  rejected: 'Rejected by a moderator',
};

export const resourceDomId = (id: string) => `resource-item-${id}`;

export function ResourceItem({
  resource: r,
  isTarget = false,
  children,
}: {
  resource: Resource;
  /** The entry someone was pointed to, e.g. the one a duplicate address already names. */
  isTarget?: boolean;
  children?: ReactNode;
}) {
  if (r.status === 'hidden' && !r.viewer.canModerate) {
    return (
      <article className="resource status-hidden" aria-label="Removed resource">
        <p className="removed">
          {r.moderationReason === FLAG_HIDE_REASON
            ? `${FLAG_HIDE_REASON}.`
            : `Removed by a moderator: ${r.moderationReason ?? 'no reason given'}`}
        </p>
      </article>
    );
  }
  return (
    <article
      id={resourceDomId(r.id)}
      className={`resource status-${r.status}${isTarget ? ' is-target' : ''}`}
      aria-labelledby={`resource-${r.id}`}
      tabIndex={-1}
    >
      <p className="resource-kind">
        <span className={`badge badge-kind-${r.kind}`}>{KIND_LABEL[r.kind]}</span>
      </p>
      <h3 id={`resource-${r.id}`} className="resource-title">
        {r.url ? (
          <a href={r.url} rel="nofollow ugc noopener" target="_blank">
            {r.title}
          </a>
        ) : (
          r.title
        )}
      </h3>
      {r.description && <p className="resource-description">{r.description}</p>}
      <p className="meta">
        {!r.url && <span>No address was recorded in the original discussion.</span>}
        <span>
          {r.sharedBy ? (
            <>
              Shared by <AuthorName author={r.sharedBy} />
              {r.sharedBy.organisation && (
                <>
                  {' · '}
                  <bdi className="person-name">{r.sharedBy.organisation}</bdi>
                </>
              )}
            </>
          ) : (
            'Shared during the original discussion; who shared it was not recorded.'
          )}
        </span>
      </p>
      {STATUS_NOTE[r.status] && (
        <p className={`entry-status entry-status-${r.status}`}>
          {r.status === 'pending' && !r.viewer.canWithdraw
            ? 'Awaiting moderation.'
            : STATUS_NOTE[r.status]}
          {r.status === 'rejected' && (r.moderationReason ? `: ${r.moderationReason}` : '.')}
        </p>
      )}
      {children}
    </article>
  );
}
