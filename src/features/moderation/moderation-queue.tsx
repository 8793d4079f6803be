import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { AuthorHistory, Comment, EntryKind, QueueItem, Resource } from '../../api/contract';
import {
  isWaiting,
  moderationQueries,
  useDecidedElsewhere,
  type DecidedElsewhere,
  waitingCount,
  type ModeratedEntry,
} from '../../api/moderation';
import { ErrorState } from '../../components/error-state';
import { DiscussionSelect } from './discussion-select';
import { LoadingRegion, Skeleton } from '../../components/skeleton';
import { formatDay } from '../../lib/dates';
import { plural } from '../../lib/plural';
import { useFilterParams } from '../../components/use-filter-params';
import { BatchActions } from './batch-actions';
import { DECIDED_WORDS, EntryControls } from './entry-controls';
import { paths } from '../../lib/paths';

interface ModerationQueueProps {
  /** How the route shows an entry, with the controls below its text. */
  renderComment: (comment: Comment, controls: ReactNode) => ReactNode;
  renderResource: (resource: Resource, controls: ReactNode) => ReactNode;
}

const isKind = (v: string | null): v is EntryKind => v === 'comment' || v === 'resource';

export const moderated = (item: QueueItem): ModeratedEntry | null =>
  item.comment
    ? { kind: 'comment', entry: item.comment }
    : item.resource
      ? { kind: 'resource', entry: item.resource }
      : null;

/** What waits for a moderator, filtered by discussion and kind; the filters live in the address. */
export function ModerationQueue({ renderComment, renderResource }: ModerationQueueProps) {
  const [params, setFilter] = useFilterParams();
  const kindParam = params.get('kind');
  const filters = {
    discussion: params.get('discussion') || undefined,
    kind: isKind(kindParam) ? kindParam : undefined,
  };
  const queue = useInfiniteQuery(moderationQueries.queue(filters));
  const decidedElsewhere = useDecidedElsewhere();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  const update = (name: string, value: string) => {
    setFilter(name, value);
    setSelected(new Set());
  };

  const items = queue.data?.pages.flatMap((page) => page.items) ?? [];
  const waiting = items.filter(isWaiting);
  const stillWaiting = queue.data ? waitingCount(queue.data) : 0;
  // Named once above the list when every entry listed is from it, rather than on each.
  const only = items[0]?.discussion;
  const oneDiscussion =
    only && items.every((i) => i.discussion.slug === only.slug) ? only : undefined;
  const selectable = waiting.filter((i) => i.reason === 'new');
  const chosen = selectable.flatMap((i) => {
    const m = moderated(i);
    return m && selected.has(m.entry.id) ? [m] : [];
  });
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <>
      <div className="toolbar">
        <DiscussionSelect
          value={filters.discussion}
          onChange={(slug) => update('discussion', slug)}
        />
        <label>
          Kind
          <select value={filters.kind ?? ''} onChange={(e) => update('kind', e.target.value)}>
            <option value="">Comments and resources</option>
            <option value="comment">Comments</option>
            <option value="resource">Resources</option>
          </select>
        </label>
        <button
          type="button"
          className="button button-quiet"
          disabled={queue.isFetching}
          onClick={() => void queue.refetch()}
        >
          Refresh the queue
        </button>
      </div>

      {queue.isPending ? (
        <LoadingRegion label="Loading the queue…">
          <Skeleton lines={6} height={12} />
        </LoadingRegion>
      ) : queue.isError && !queue.isFetchNextPageError ? (
        <ErrorState
          error={queue.error}
          title="The queue could not be loaded"
          onRetry={() => void queue.refetch()}
        />
      ) : (
        <>
          <p className="thread-count" role="status">
            {stillWaiting === 0
              ? 'Nothing waits for a decision.'
              : `${plural(stillWaiting, 'item')} waiting`}
          </p>
          {/* Stays while decided items are listed, so that its outcome stays readable. */}
          {items.some((i) => i.reason === 'new') && (
            <BatchActions
              chosen={chosen}
              selectable={selectable.length}
              onSelectAll={(on) =>
                setSelected(
                  new Set(on ? selectable.flatMap((i) => moderated(i)?.entry.id ?? []) : []),
                )
              }
              onDone={() => setSelected(new Set())}
            />
          )}
          {oneDiscussion && (
            <p className="queue-context">
              In <Link to={paths.discussion(oneDiscussion.slug)}>{oneDiscussion.title}</Link>
            </p>
          )}
          {items.length > 0 && (
            <ol className="queue-list">
              {items.map((item) => {
                const m = moderated(item);
                if (!m) return null;
                return (
                  <li key={`${m.kind}-${m.entry.id}`} className="queue-item">
                    <QueueItemHeader
                      item={item}
                      m={m}
                      selectable={item.reason === 'new' && isWaiting(item)}
                      selected={selected.has(m.entry.id)}
                      onSelect={(on) => toggle(m.entry.id, on)}
                      showDiscussion={!oneDiscussion}
                    />
                    <DecidedNote decided={decidedElsewhere[m.entry.id]} />
                    {m.kind === 'comment'
                      ? renderComment(m.entry, <EntryControls {...m} />)
                      : renderResource(m.entry, <EntryControls {...m} />)}
                  </li>
                );
              })}
            </ol>
          )}
          {queue.hasNextPage && (
            <p className="load-more">
              <button
                type="button"
                className="button"
                disabled={queue.isFetchingNextPage}
                onClick={() => void queue.fetchNextPage()}
              >
                {queue.isFetchingNextPage ? 'Loading more entries…' : 'Show more waiting entries'}
              </button>
            </p>
          )}
          {queue.isFetchNextPageError && (
            <p className="notice notice-error" role="alert">
              More entries could not be loaded. Try again.
            </p>
          )}
        </>
      )}
    </>
  );
}

/** "Approved by Ada.": another moderator decided this item while it was on screen. */
function DecidedNote({ decided }: { decided: DecidedElsewhere | undefined }) {
  if (!decided) return null;
  return (
    <p className="notice notice-success">
      {DECIDED_WORDS[decided.action]}
      {decided.by ? (
        <>
          {' by '}
          <bdi className="person-name">{decided.by.name}</bdi>.
        </>
      ) : (
        ' after flags from participants.'
      )}
    </p>
  );
}

const FLAG_WORDS = { spam: 'Spam', abusive: 'Abusive', 'off-topic': 'Off-topic', other: 'Other' };

interface QueueItemHeaderProps {
  item: QueueItem;
  m: ModeratedEntry;
  selectable: boolean;
  selected: boolean;
  onSelect: (on: boolean) => void;
  showDiscussion: boolean;
}

/** What the entry itself does not say: why it is here, where, and its author's record. */
function QueueItemHeader({
  item,
  m,
  selectable,
  selected,
  onSelect,
  showDiscussion,
}: QueueItemHeaderProps) {
  const author = m.kind === 'comment' ? m.entry.author : m.entry.sharedBy;
  const what = `${item.reason === 'new' ? 'New' : 'Flagged'} ${m.kind}`;
  return (
    <div className="queue-item-header">
      <p className="meta">
        {selectable && (
          <label className="choice">
            <input
              type="checkbox"
              checked={selected}
              onChange={(e) => onSelect(e.target.checked)}
            />
            <span className="visually-hidden">
              Select{' '}
              {m.kind === 'comment'
                ? `the comment by ${author?.name ?? 'someone'}`
                : `the resource “${m.entry.title}”`}
            </span>
          </label>
        )}
        <span className={`badge badge-${item.reason}`}>{what}</span>
        {showDiscussion && (
          <span>
            in <Link to={paths.discussion(item.discussion.slug)}>{item.discussion.title}</Link>
          </span>
        )}
        {author?.id && <span>{accountLine(item.authorHistory)}</span>}
      </p>
      {item.flags.length > 0 && (
        <ul className="flag-summary" aria-label="Flags">
          {item.flags.map((f) => (
            <li key={f.reason}>
              <strong>
                {FLAG_WORDS[f.reason]} × {f.count}
              </strong>
              {f.notes.length > 0 && `: ${f.notes.map((n) => `“${n}”`).join(', ')}`}
            </li>
          ))}
        </ul>
      )}
      {item.parent && (
        <blockquote className="queue-parent">
          <p className="hint">
            In reply to <bdi className="person-name">{item.parent.author.name}</bdi>:
          </p>
          <p>{excerpt(item.parent.body)}</p>
        </blockquote>
      )}
    </div>
  );
}

/** "Joined 2 December 2026 · 3 published · 1 rejected", or "New account · joined …" while it is limited. */
function accountLine(h: AuthorHistory): string {
  const joined = h.joinedAt === null ? null : formatDay(h.joinedAt.slice(0, 10));
  const since = h.newAccount
    ? ['New account', ...(joined ? [`joined ${joined}`] : [])]
    : joined
      ? [`Joined ${joined}`]
      : [];
  const counts = [
    [h.published, 'published'],
    [h.rejected, 'rejected'],
    [h.hidden, 'hidden'],
    [h.pending, 'waiting'],
  ] as const;
  const others = counts
    .filter(([n]) => n > 0)
    .map(([n, word]) => `${n.toLocaleString('en')} ${word}`);
  return [...since, ...(others.length > 0 ? others : ['no other entries'])].join(' · ');
}

function excerpt(text: string, max = 240): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
