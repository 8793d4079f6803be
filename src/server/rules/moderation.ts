/**
 * The moderation state machine: what waits in the queue, the decisions a
 * moderator takes on an entry, and the log of every decision.
 */
import {
  batchDecisionSchema,
  decisionSchema,
  logQuerySchema,
  queueQuerySchema,
  type BatchDecisionResponse,
  type DecisionBody,
  type DecisionResponse,
  type EntryKind,
  type EntryStatus,
  type AuthorHistory,
  type FlagSummary,
  type LogEntry,
  type LogResponse,
  type QueueItem,
  type QueueResponse,
} from '../../api/contract';
import { findCommentRow, replaceTags } from '../store/comments';
import { changeStatus } from '../store/entries';
import {
  closeOpenFlags,
  countOpenFlags,
  countOpenFlagsByReason,
  findOpenFlagNotes,
  findOpenFlagTargets,
} from '../store/flags';
import {
  countOutcomesByAuthor,
  findCommentsIn,
  findDiscussionTitles,
  findCommentGists,
  findLogEntries,
  findResourceGists,
  findLogModerators,
  countPending,
  findPendingComments,
  findPendingResources,
  type PendingStart,
  findResourcesIn,
  insertLogEntry,
  placeInDigest,
  recordModeratorEdit,
  setFeatured,
} from '../store/moderation';
import { findResourceRow } from '../store/resources';
import type { CommentRow, ResourceRow, UserRow } from '../store/schema';
import { findJoinDates } from '../store/trust';
import { type Ctx, RuleError, newId, notFound, parse, requireModerator } from './core';
import { projectComment, projectComments, projectResource, projectResources } from './project';
import { notifyDecision } from './notifications';
import { FROM } from './transitions';
import { isNewAccount } from './trust';
import { raiseEntry } from './live';

type Entry = { kind: 'comment'; row: CommentRow } | { kind: 'resource'; row: ResourceRow };
type Decision = Extract<DecisionBody, object> & { expectedStatus: EntryStatus };

async function findEntry(ctx: Ctx, kind: EntryKind, id: string): Promise<Entry> {
  if (kind === 'comment') {
    const row = await findCommentRow(ctx.tx, id);
    if (!row || row.status === 'withdrawn') throw notFound('This comment');
    return { kind, row };
  }
  const row = await findResourceRow(ctx.tx, id);
  if (!row || row.status === 'withdrawn') throw notFound('This resource');
  return { kind, row };
}

async function project(ctx: Ctx, entry: Entry): Promise<DecisionResponse> {
  return entry.kind === 'comment'
    ? { comment: await projectComment(ctx, entry.row), resource: null }
    : { comment: null, resource: await projectResource(ctx, entry.row) };
}

const STATUS_WORD: Record<EntryStatus, string> = {
  pending: 'waiting for a decision',
  published: 'published',
  rejected: 'rejected',
  hidden: 'hidden',
  withdrawn: 'withdrawn',
};

const nounOf = (kind: EntryKind) => (kind === 'comment' ? 'comment' : 'resource');
const decidedFirst = (kind: EntryKind, status: EntryStatus) =>
  `Another moderator decided first: this ${nounOf(kind)} is now ${STATUS_WORD[status]}.`;

/** What the moderator read: an author's edit changes it (resources are not edited). */
const editedMeanwhile = (kind: EntryKind) =>
  `The author changed this ${nounOf(kind)} after you read it: read it again before deciding.`;

const versionOf = (entry: Entry) =>
  entry.kind === 'comment' ? (entry.row.edited_at ?? entry.row.created_at) : entry.row.created_at;

/** The entry is no longer as the moderator saw it: say so, with its current state. */
async function conflict(ctx: Ctx, entry: Entry, message: string): Promise<RuleError> {
  return new RuleError(409, 'conflict', message, undefined, { ...(await project(ctx, entry)) });
}

/**
 * A guarded write found the entry changed since it was read (another decision
 * in between): read it again and refuse with what it is now.
 */
async function changedMeanwhile(ctx: Ctx, d: Decision, otherwise: string): Promise<RuleError> {
  const now = await findEntry(ctx, d.kind, d.id);
  const message =
    now.row.status === d.expectedStatus ? otherwise : decidedFirst(d.kind, now.row.status);
  return conflict(ctx, now, message);
}

export async function appendLog(
  ctx: Ctx,
  moderator: UserRow,
  entry: Omit<LogEntry, 'id' | 'at' | 'moderator' | 'entry'>,
): Promise<void> {
  await insertLogEntry(ctx.tx, {
    id: newId('log'),
    at: ctx.now.toISOString(),
    moderator_id: moderator.id,
    moderator_name: moderator.display_name,
    action: entry.action,
    kind: entry.kind,
    target_id: entry.targetId,
    discussion_slug: entry.discussionSlug,
    reason: entry.reason,
  });
}

function commentOnly(entry: Entry, message: string): CommentRow {
  if (entry.kind !== 'comment') throw new RuleError(400, 'bad_request', message);
  return entry.row;
}

/**
 * Everything a decision may refuse for is checked before it writes, and its
 * first write is the guarded one (the status the moderator saw, or the flags
 * still open, or the featured mark): a refused decision leaves nothing behind,
 * which lets a batch go on after it within the request's one transaction.
 */
async function apply(ctx: Ctx, moderator: UserRow, d: Decision, entry: Entry): Promise<void> {
  const move = async (to: EntryStatus, reason: string | null) => {
    // Guarded by the version read above too: an edit committed since is not published unread.
    const version = versionOf(entry);
    if (!(await changeStatus(ctx.tx, d.kind, d.id, d.expectedStatus, to, reason, version))) {
      throw await changedMeanwhile(ctx, d, editedMeanwhile(d.kind));
    }
  };
  const noFlags = `This ${nounOf(d.kind)} has no open flags any more.`;
  switch (d.action) {
    case 'approve':
      return move('published', null);
    case 'edit-approve': {
      const c = commentOnly(entry, 'Only comments can be edited before approval.');
      const body = d.body ?? c.body;
      const rendered = ctx.cook(body, c.discussion_slug);
      await move('published', null);
      await recordModeratorEdit(ctx.tx, c.id, {
        body,
        html: rendered.html,
        hashtags: rendered.hashtags,
        editedAt: ctx.now.toISOString(),
        editedBy: moderator.display_name,
      });
      return replaceTags(ctx.tx, c.id, c.discussion_slug, rendered.hashtags);
    }
    case 'reject':
    case 'hide':
      await move(d.action === 'reject' ? 'rejected' : 'hidden', d.reason ?? null);
      await closeOpenFlags(ctx.tx, d.kind, d.id);
      return;
    case 'restore':
      await move('published', null);
      await closeOpenFlags(ctx.tx, d.kind, d.id);
      return;
    case 'dismiss-flags':
      if ((await countOpenFlags(ctx.tx, d.kind, d.id)) === 0) {
        throw await conflict(ctx, entry, noFlags);
      }
      // Hidden with open flags means the flags hid it; unfounded flags bring it back.
      // A published entry stays so, but the guarded write still checks nobody moved it.
      await move('published', null);
      if ((await closeOpenFlags(ctx.tx, d.kind, d.id)) === 0) {
        throw await changedMeanwhile(ctx, d, noFlags);
      }
      return;
    case 'feature':
    case 'unfeature': {
      const c = commentOnly(entry, 'Only comments can be featured as extracts.');
      const feature = d.action === 'feature';
      const already = feature
        ? 'Another moderator already featured this comment.'
        : 'This comment is not featured any more.';
      if ((c.featured === 1) === feature) throw await conflict(ctx, entry, already);
      if (!(await setFeatured(ctx.tx, c.id, feature, d.expectedStatus))) {
        throw await changedMeanwhile(ctx, d, already);
      }
      return placeInDigest(ctx.tx, c.discussion_slug, c.id, feature);
    }
  }
}

export async function decide(ctx: Ctx, input: unknown): Promise<DecisionResponse> {
  const moderator = requireModerator(ctx);
  const d = parse(decisionSchema, input);
  const entry = await findEntry(ctx, d.kind, d.id);
  const { status } = entry.row;
  if (status !== d.expectedStatus) {
    throw await conflict(ctx, entry, decidedFirst(d.kind, status));
  }
  if (d.expectedVersion !== undefined && d.expectedVersion !== versionOf(entry)) {
    throw await conflict(ctx, entry, editedMeanwhile(d.kind));
  }
  if (!FROM[d.action].includes(status)) {
    throw await conflict(
      ctx,
      entry,
      `This ${nounOf(d.kind)} is ${STATUS_WORD[status]}, so that decision does not apply.`,
    );
  }
  await apply(ctx, moderator, d, entry);
  await appendLog(ctx, moderator, {
    action: d.action,
    kind: d.kind,
    targetId: d.id,
    discussionSlug: entry.row.discussion_slug,
    reason: d.reason ?? null,
  });
  await notifyDecision(ctx, moderator.id, d.action, entry, d.reason ?? null);
  const after = await findEntry(ctx, d.kind, d.id);
  raiseEntry(ctx, after.kind, after.row, 'decided', {
    action: d.action,
    by: moderator,
    was: status,
  });
  return project(ctx, after);
}

/**
 * Each decision of a batch stands alone: one refused does not undo the others.
 * A refused decision has written nothing (see `apply`); a refusal of the whole
 * batch rolls back the request's transaction.
 */
export async function decideBatch(ctx: Ctx, input: unknown): Promise<BatchDecisionResponse> {
  requireModerator(ctx);
  const { decisions } = parse(batchDecisionSchema, input);
  const results: BatchDecisionResponse['results'] = [];
  for (const decision of decisions) {
    try {
      results.push({ ok: true, ...(await decide(ctx, decision)) });
    } catch (error) {
      if (!(error instanceof RuleError)) throw error;
      const id =
        typeof decision === 'object' && decision !== null && 'id' in decision
          ? String(decision.id)
          : '';
      results.push({
        ok: false,
        id,
        error: {
          code: error.code,
          message: error.message,
          ...(error.fields ? { fields: error.fields } : {}),
          ...(error.details ? { details: error.details } : {}),
        },
      });
    }
  }
  return { results };
}

interface Waiting {
  entry: Entry;
  reason: 'new' | 'flagged';
  /** New entries wait since they were posted; flagged ones since their first open flag. */
  since: string;
}

/** Entries of one kind that wait: new ones, and published or hidden ones with open flags. */
/**
 * New entries of one kind from the cursor's place on, at most `limit`: read by
 * keyset from the index on status and time, so a page costs the same however
 * many wait.
 */
async function newOf(
  ctx: Ctx,
  kind: EntryKind,
  slug: string | undefined,
  after: QueuePlace | null,
  limit: number,
): Promise<Waiting[]> {
  let start: PendingStart | null = null;
  if (after) {
    const [, since, afterKind, id] = after;
    const order = kind.localeCompare(afterKind);
    start = { since, atSince: order > 0 ? 'all' : order < 0 ? 'none' : { after: id } };
  }
  const entries: Entry[] =
    kind === 'comment'
      ? (await findPendingComments(ctx.tx, slug, start, limit)).map((row) => ({ kind, row }))
      : (await findPendingResources(ctx.tx, slug, start, limit)).map((row) => ({ kind, row }));
  return entries.map((entry) => ({ entry, reason: 'new', since: entry.row.created_at }));
}

/** Published or hidden entries of one kind with open flags, since their first open flag. */
async function flaggedOf(ctx: Ctx, kind: EntryKind, slug: string | undefined): Promise<Waiting[]> {
  const flagged = new Map(
    (await findOpenFlagTargets(ctx.tx, kind)).map((t) => [t.target_id, t.since]),
  );
  const filter = { statuses: ['published', 'hidden'] as EntryStatus[], slug };
  const ids = [...flagged.keys()];
  const decided: Entry[] =
    kind === 'comment'
      ? (await findCommentsIn(ctx.tx, ids, filter)).map((row) => ({ kind, row }))
      : (await findResourcesIn(ctx.tx, ids, filter)).map((row) => ({ kind, row }));
  return decided.map((entry) => ({
    entry,
    reason: 'flagged',
    since: flagged.get(entry.row.id) ?? '',
  }));
}

/** Open flags by reason for the page's entries, the most frequent reason first. */
async function flagSummaries(
  ctx: Ctx,
  kind: EntryKind,
  ids: string[],
): Promise<Map<string, FlagSummary[]>> {
  const groups = await countOpenFlagsByReason(ctx.tx, kind, ids);
  const notes = await findOpenFlagNotes(ctx.tx, kind, ids);
  groups.sort((a, b) => b.count - a.count || a.first.localeCompare(b.first));
  const summaries = new Map<string, FlagSummary[]>();
  for (const g of groups) {
    const list = summaries.get(g.target_id) ?? [];
    list.push({
      reason: g.reason,
      count: g.count,
      notes: notes
        .filter((n) => n.target_id === g.target_id && n.reason === g.reason)
        .map((n) => n.note),
    });
    summaries.set(g.target_id, list);
  }
  return summaries;
}

type Counted = 'published' | 'rejected' | 'hidden' | 'pending';
const counted = (s: EntryStatus): s is Counted => s !== 'withdrawn';
const NO_HISTORY: AuthorHistory = {
  joinedAt: null,
  newAccount: false,
  published: 0,
  rejected: 0,
  hidden: 0,
  pending: 0,
};

/** Each author's account age and entries by outcome, for the page's authors at once. */
async function authorHistories(ctx: Ctx, entries: Entry[]): Promise<Map<string, AuthorHistory>> {
  const authors = [...new Set(entries.flatMap((e) => (e.row.author_id ? [e.row.author_id] : [])))];
  const accounts = await findJoinDates(ctx.tx, authors);
  const histories = new Map<string, AuthorHistory>(
    accounts.map((u) => [u.id, { ...NO_HISTORY, joinedAt: u.created_at }]),
  );
  for (const o of await countOutcomesByAuthor(ctx.tx, authors)) {
    const h = o.author_id === null ? undefined : histories.get(o.author_id);
    if (h && counted(o.status)) h[o.status] += o.count;
  }
  for (const u of accounts) {
    const h = histories.get(u.id);
    if (h) h.newAccount = isNewAccount(u, h.published > 0, ctx.now);
  }
  return histories;
}

/** The author's account and other entries, not counting the entry in question. */
function historyOf(histories: Map<string, AuthorHistory>, entry: Entry): AuthorHistory {
  const { author_id: author, status } = entry.row;
  const history = { ...NO_HISTORY, ...(author && histories.get(author)) };
  if (counted(status)) history[status] -= 1;
  return history;
}

/** Where an item stands in the queue's order: new before flagged, then oldest first. */
type QueuePlace = [reason: 0 | 1, since: string, kind: string, id: string];

const placeOf = (w: Waiting): QueuePlace => [
  w.reason === 'new' ? 0 : 1,
  w.since,
  w.entry.kind,
  w.entry.row.id,
];

function comparePlaces(a: QueuePlace, b: QueuePlace): number {
  return (
    a[0] - b[0] || a[1].localeCompare(b[1]) || a[2].localeCompare(b[2]) || a[3].localeCompare(b[3])
  );
}

const badQueueCursor = () =>
  new RuleError(400, 'bad_request', 'The cursor is not valid.', { cursor: 'Not a cursor.' });

/** A cursor is the place of the last item shown: decisions taken meanwhile move no page. */
function encodePlace(place: QueuePlace): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(place))));
}

function decodePlace(cursor: string): QueuePlace {
  let value: unknown;
  try {
    value = JSON.parse(
      new TextDecoder().decode(Uint8Array.from(atob(cursor), (c) => c.charCodeAt(0))),
    );
  } catch {
    throw badQueueCursor();
  }
  const ok =
    Array.isArray(value) &&
    value.length === 4 &&
    (value[0] === 0 || value[0] === 1) &&
    value.slice(1).every((part) => typeof part === 'string' && part.length <= 64);
  if (!ok) throw badQueueCursor();
  return value as QueuePlace;
}

export async function getQueue(ctx: Ctx, query: unknown): Promise<QueueResponse> {
  requireModerator(ctx);
  const { discussion, kind, cursor, limit } = parse(queueQuerySchema, query);
  const slug = discussion || undefined;
  const kinds: EntryKind[] = kind ? [kind] : ['comment', 'resource'];
  const after = cursor === undefined ? null : decodePlace(cursor);
  // New entries come before flagged ones: each kind's next ones (one more than the
  // page, to know whether another page follows), then every flagged one, which are few.
  const candidates: Waiting[] = [];
  for (const k of kinds) {
    if (!after || after[0] === 0) candidates.push(...(await newOf(ctx, k, slug, after, limit + 1)));
  }
  let flaggedTotal = 0;
  for (const k of kinds) {
    const flagged = await flaggedOf(ctx, k, slug);
    flaggedTotal += flagged.length;
    candidates.push(...flagged);
  }
  const next = candidates
    .filter((w) => !after || comparePlaces(placeOf(w), after) > 0)
    .sort((a, b) => comparePlaces(placeOf(a), placeOf(b)));
  const waiting = next.slice(0, limit);
  const last = waiting.at(-1);
  const nextCursor = next.length > limit && last ? encodePlace(placeOf(last)) : null;
  let total = flaggedTotal;
  for (const k of kinds)
    total += await countPending(ctx.tx, k === 'comment' ? 'comments' : 'resources', slug);

  const entries = waiting.map((w) => w.entry);
  const commentRows = entries.flatMap((e) => (e.kind === 'comment' ? [e.row] : []));
  const resourceRows = entries.flatMap((e) => (e.kind === 'resource' ? [e.row] : []));
  const parentIds = [...new Set(commentRows.flatMap((c) => (c.parent_id ? [c.parent_id] : [])))];
  const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  const comments = byId(await projectComments(ctx, commentRows));
  const resources = byId(await projectResources(ctx, resourceRows));
  const parents = byId(await projectComments(ctx, await findCommentsIn(ctx.tx, parentIds)));
  const flags = {
    comment: await flagSummaries(
      ctx,
      'comment',
      commentRows.map((c) => c.id),
    ),
    resource: await flagSummaries(
      ctx,
      'resource',
      resourceRows.map((r) => r.id),
    ),
  };
  const histories = await authorHistories(ctx, entries);
  const slugs = [...new Set(entries.map((e) => e.row.discussion_slug))];
  const titles = new Map((await findDiscussionTitles(ctx.tx, slugs)).map((d) => [d.slug, d.title]));

  const items = waiting.map(({ entry, reason }): QueueItem => {
    const { row } = entry;
    return {
      kind: entry.kind,
      reason,
      discussion: {
        slug: row.discussion_slug,
        title: titles.get(row.discussion_slug) ?? row.discussion_slug,
      },
      comment: entry.kind === 'comment' ? (comments.get(row.id) ?? null) : null,
      resource: entry.kind === 'resource' ? (resources.get(row.id) ?? null) : null,
      parent:
        entry.kind === 'comment' && entry.row.parent_id
          ? (parents.get(entry.row.parent_id) ?? null)
          : null,
      flags: flags[entry.kind].get(row.id) ?? [],
      authorHistory: historyOf(histories, entry),
    };
  });
  return { items, total, nextCursor };
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** The words of the renderer's safe HTML, as a reader sees them, without the Markdown marks. */
const textOf = (html: string) =>
  html.replace(/<[^>]*>/g, ' ').replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);

/** The start of a text on one line, cut at a word near 80 characters. */
function excerptOf(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= 80) return line;
  const cut = line.slice(0, 80);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : 80)}…`;
}

export async function getLog(ctx: Ctx, query: unknown): Promise<LogResponse> {
  requireModerator(ctx);
  const filter = parse(logQuerySchema, query);
  const rows = await findLogEntries(ctx.tx, filter);
  const idsOf = (kind: string) => [
    ...new Set(rows.filter((e) => e.kind === kind).map((e) => e.target_id)),
  ];
  const gists = new Map<string, LogEntry['entry']>();
  for (const c of await findCommentGists(ctx.tx, idsOf('comment'))) {
    gists.set(`comment ${c.id}`, { author: c.author_name, excerpt: excerptOf(textOf(c.html)) });
  }
  for (const r of await findResourceGists(ctx.tx, idsOf('resource'))) {
    gists.set(`resource ${r.id}`, { author: r.author_name, excerpt: excerptOf(r.title) });
  }
  const entries = rows.map((e): LogEntry => ({
    id: e.id,
    at: e.at,
    moderator: { id: e.moderator_id, name: e.moderator_name },
    action: e.action,
    kind: e.kind,
    targetId: e.target_id,
    discussionSlug: e.discussion_slug,
    reason: e.reason,
    entry: gists.get(`${e.kind} ${e.target_id}`) ?? null,
  }));
  const moderators = (await findLogModerators(ctx.tx))
    .map((m) => ({ id: m.moderator_id, name: m.moderator_name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { entries, moderators };
}
