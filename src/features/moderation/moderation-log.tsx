import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { LogEntry } from '../../api/contract';
import { discussionQueries } from '../../api/discussions';
import { moderationQueries } from '../../api/moderation';
import { ErrorState } from '../../components/error-state';
import { DiscussionSelect } from './discussion-select';
import { LoadingRegion, Skeleton } from '../../components/skeleton';
import { formatDateTime } from '../../lib/dates';
import { plural } from '../../lib/plural';
import { useFilterParams } from '../../components/use-filter-params';
import { paths } from '../../lib/paths';

export const ACTION_LABEL: Record<LogEntry['action'], string> = {
  approve: 'Approved',
  'edit-approve': 'Edited and approved',
  reject: 'Rejected',
  hide: 'Hidden',
  restore: 'Restored',
  'dismiss-flags': 'Dismissed flags',
  feature: 'Featured as extract',
  unfeature: 'Unfeatured',
  create: 'Created discussion',
  'edit-discussion': 'Changed discussion',
  open: 'Reopened discussion',
  close: 'Closed discussion',
  'publish-digest': 'Digest publishing',
  'grant-moderator': 'Made moderator',
  'withdraw-moderator': 'Withdrew moderator role',
  suspend: 'Suspended account',
  'restore-account': 'Restored account',
  'issue-reset-link': 'Issued password reset link',
};

const FILTERS = ['discussion', 'action', 'moderator'] as const;

function target(e: LogEntry): { label: string; to: string } {
  if (e.kind === 'account')
    return { label: `Account: ${e.reason ?? e.targetId}`, to: paths.people() };
  const by = e.entry?.author ? ` by ${e.entry.author}` : '';
  if (e.kind === 'comment') {
    return { label: `Comment${by}`, to: paths.comment(e.discussionSlug, e.targetId) };
  }
  if (e.kind === 'resource') {
    return { label: `Resource${by}`, to: paths.resource(e.discussionSlug, e.targetId) };
  }
  return { label: 'Discussion', to: paths.discussion(e.discussionSlug) };
}

/** Every decision, newest first: who, what, which entry, when and why; filters live in the address. */
export function ModerationLog() {
  const [params, update] = useFilterParams();
  const filters = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) || undefined]));
  const log = useQuery(moderationQueries.log(filters));
  // The moderators to filter by come from the whole log, not the filtered one.
  const everyone = useQuery({
    ...moderationQueries.log(),
    select: (data) => data.moderators,
  });
  const discussions = useQuery(discussionQueries.list());
  const titles = new Map(discussions.data?.discussions.map((d) => [d.slug, d.title]));

  return (
    <>
      <div className="toolbar">
        <DiscussionSelect
          value={filters.discussion}
          onChange={(slug) => update('discussion', slug)}
        />
        <label>
          Action
          <select value={filters.action ?? ''} onChange={(e) => update('action', e.target.value)}>
            <option value="">All actions</option>
            {Object.entries(ACTION_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Moderator
          <select
            value={filters.moderator ?? ''}
            onChange={(e) => update('moderator', e.target.value)}
          >
            <option value="">All moderators</option>
            {everyone.data?.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {log.isPending ? (
        <LoadingRegion label="Loading the log…">
          <Skeleton lines={6} height={10} />
        </LoadingRegion>
      ) : log.isError ? (
        <ErrorState
          error={log.error}
          title="The log could not be loaded"
          onRetry={() => void log.refetch()}
        />
      ) : log.data.entries.length === 0 ? (
        <p className="empty" role="status">
          {Object.values(filters).some(Boolean)
            ? 'No decision matches these filters.'
            : 'No decision yet: approvals, rejections and other decisions will be listed here.'}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="log-table">
            <caption className="visually-hidden">
              {plural(log.data.entries.length, 'decision')}, newest first
            </caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Moderator</th>
                <th scope="col">Action</th>
                <th scope="col">Entry</th>
                <th scope="col">Discussion</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {log.data.entries.map((e) => {
                const { label, to } = target(e);
                return (
                  <tr key={e.id}>
                    <td data-label="When">{formatDateTime(e.at)}</td>
                    <td data-label="Moderator">
                      <bdi>{e.moderator.name}</bdi>
                    </td>
                    <td data-label="Action">{ACTION_LABEL[e.action]}</td>
                    <td data-label="Entry">
                      <span>
                        <Link to={to}>{label}</Link>
                        {e.entry && <span className="log-excerpt">“{e.entry.excerpt}”</span>}
                      </span>
                    </td>
                    <td data-label="Discussion">
                      {titles.get(e.discussionSlug) ?? (e.discussionSlug || '—')}
                    </td>
                    <td data-label="Reason">{e.kind === 'account' ? '—' : (e.reason ?? '—')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
