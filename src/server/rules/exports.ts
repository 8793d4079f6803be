/**
 * A discussion for its organisers: every entry with its status (all but those
 * their authors withdrew), as one CSV file per kind or one JSON document.
 * Moderators only; the CSV is safe to open in a spreadsheet (src/lib/csv.ts).
 */
import type {
  DiscussionExport,
  ExportCampaign,
  ExportComment,
  ExportResource,
} from '../../api/contract';
import { toCsv } from '../../lib/csv';
import { hashtagKey } from '../../lib/hashtags';
import { findThreadPage } from '../store/comments';
import { listResourceRows } from '../store/resources';
import type { CommentRow } from '../store/schema';
import { listCampaigns } from './campaigns';
import { type Ctx, requireModerator } from './core';
import { findDiscussion } from './discussions';
import { toDiscussion } from './project';

/** More than any discussion holds: an export is the whole of it. */
const ALL = 1_000_000;

export const CSV_TYPE = 'text/csv; charset=utf-8';

export const EXPORT_FILES = ['comments', 'resources', 'campaigns'] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];

function exportComment(c: CommentRow): ExportComment {
  return {
    id: c.id,
    parentId: c.parent_id,
    depth: c.depth,
    author: { name: c.author_name, organisation: c.author_organisation },
    status: c.status,
    moderationReason: c.moderation_reason,
    createdAt: c.created_at,
    editedAt: c.edited_at,
    body: c.body,
    campaigns: JSON.parse(c.hashtags) as string[],
  };
}

/** Everything of the discussion, in thread order for comments and oldest first for resources. */
export async function exportDiscussion(ctx: Ctx, slug: string): Promise<DiscussionExport> {
  requireModerator(ctx);
  const d = await findDiscussion(ctx, slug);
  // A moderator reads every entry but the withdrawn ones, as in the thread.
  const rows = await findThreadPage(ctx.tx, slug, { id: null, moderator: true }, null, ALL);
  const resourceRows = (await listResourceRows(ctx.tx, slug, undefined))
    .filter((r) => r.status !== 'withdrawn')
    .reverse();
  const resources: ExportResource[] = resourceRows.map((r) => ({
    id: r.id,
    title: r.title,
    url: r.url,
    kind: r.kind,
    description: r.description,
    author:
      r.author_name === null ? null : { name: r.author_name, organisation: r.author_organisation },
    status: r.status,
    moderationReason: r.moderation_reason,
    createdAt: r.created_at,
  }));

  const firstMention = new Map<string, string>();
  for (const c of rows) {
    if (c.status !== 'published') continue;
    for (const label of JSON.parse(c.hashtags) as string[]) {
      const seen = firstMention.get(hashtagKey(label));
      if (seen === undefined || c.created_at < seen)
        firstMention.set(hashtagKey(label), c.created_at);
    }
  }
  const campaigns: ExportCampaign[] = (await listCampaigns(ctx, slug)).campaigns.map((c) => ({
    label: c.label,
    commentCount: c.commentCount,
    firstMentionedAt: firstMention.get(c.tag) ?? null,
  }));

  return {
    exportedAt: ctx.now.toISOString(),
    discussion: toDiscussion(d),
    comments: rows.map(exportComment),
    resources,
    campaigns,
  };
}

export async function exportCsv(ctx: Ctx, slug: string, file: ExportFile): Promise<string> {
  const all = await exportDiscussion(ctx, slug);
  if (file === 'comments') {
    return toCsv(
      [
        'id',
        'parent id',
        'thread depth',
        'author',
        'organisation',
        'status',
        'created',
        'edited',
        'published text',
        'campaigns',
      ],
      all.comments.map((c) => [
        c.id,
        c.parentId,
        c.depth,
        c.author.name,
        c.author.organisation,
        c.status,
        c.createdAt,
        c.editedAt,
        c.body,
        c.campaigns.map((t) => `#${t}`).join(' '),
      ]),
    );
  }
  if (file === 'resources') {
    return toCsv(
      ['id', 'title', 'url', 'kind', 'description', 'author', 'organisation', 'status', 'created'],
      all.resources.map((r) => [
        r.id,
        r.title,
        r.url,
        r.kind,
        r.description,
        r.author?.name ?? null,
        r.author?.organisation ?? null,
        r.status,
        r.createdAt,
      ]),
    );
  }
  return toCsv(
    ['label', 'comments count', 'first mentioned'],
    all.campaigns.map((c) => [c.label, c.commentCount, c.firstMentionedAt]),
  );
}
