/**
 * Atom feeds of a discussion and of each campaign: the latest published
 * comments (and, for a discussion, resources), newest first. Only what is
 * published goes in, as its safe HTML; the XML is written by the `feed` package.
 */
import type { Comment, Resource } from '../../api/contract';
import { findLatestPublishedComments } from '../store/feeds';
import { listResourceRows } from '../store/resources';
import type { DiscussionRow } from '../store/schema';
import { getCampaign } from './campaigns';
import type { Ctx } from './core';
import { findDiscussion } from './discussions';
import { projectComments, projectResources } from './project';
import { excerpt } from '../../lib/excerpt';

/** Entries per feed: enough for a reader who checks daily, bounded for the server. */
export const FEED_ENTRIES = 50;

export const ATOM_TYPE = 'application/atom+xml; charset=utf-8';

interface FeedEntry {
  title: string;
  link: string;
  html: string;
  author: string | null;
  published: string;
  updated: string;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** HTML goes into CDATA sections, which one `]]>` would end; as `]]&gt;` it reads the same. */
const cdataSafe = (html: string) => html.replace(/]]>/g, ']]&gt;');

const byline = (a: { name: string; organisation: string | null }) =>
  a.organisation ? `${a.name} (${a.organisation})` : a.name;

/** Hashtag links are the only root-relative ones (participants' links are absolute): made absolute. */
const absolute = (html: string, origin: string) => html.replace(/href="\//g, `href="${origin}/`);

function commentEntry(origin: string, base: string, c: Comment): FeedEntry {
  return {
    title: `${byline(c.author)}${c.parentId ? ', replying' : ''}: ${excerpt(c.body)}`,
    link: `${base}/comments/${encodeURIComponent(c.id)}`,
    html: absolute(c.html, origin),
    author: byline(c.author),
    published: c.createdAt,
    updated: c.editedAt ?? c.createdAt,
  };
}

function resourceEntry(base: string, r: Resource): FeedEntry {
  const address = r.url ? `<p><a href="${escapeHtml(r.url)}">${escapeHtml(r.url)}</a></p>` : '';
  return {
    title: `Resource: ${r.title}`,
    link: `${base}/resources#resource-item-${encodeURIComponent(r.id)}`,
    html: `<p>${escapeHtml(r.description)}</p>${address}`,
    author: r.sharedBy ? byline(r.sharedBy) : null,
    published: r.createdAt,
    updated: r.createdAt,
  };
}

async function atom(
  d: DiscussionRow,
  { title, page, self }: { title: string; page: string; self: string },
  entries: FeedEntry[],
): Promise<string> {
  // Loaded only when a feed is asked for: the in-page backend's bundle stays without it.
  const { Feed } = await import('feed');
  const newest = [...entries]
    .sort((a, b) => b.updated.localeCompare(a.updated))
    .slice(0, FEED_ENTRIES);
  const feed = new Feed({
    id: page,
    title,
    link: page,
    feed: self,
    // Entries without a recorded sharer (the original discussion's resources) are the organiser's.
    author: { name: d.organiser },
    updated: new Date(newest[0]?.updated ?? d.created_at),
    generator: 'Agora',
  });
  for (const e of newest) {
    feed.addItem({
      // Titles are sent as HTML: the text is escaped so that a name reads as written.
      title: escapeHtml(e.title),
      id: e.link,
      link: e.link,
      content: cdataSafe(e.html),
      date: new Date(e.updated),
      published: new Date(e.published),
      ...(e.author ? { author: [{ name: e.author }] } : {}),
    });
  }
  return feed.atom1();
}

const pageOf = (origin: string, slug: string) =>
  `${origin}/discussions/${encodeURIComponent(slug)}`;

export async function discussionFeed(ctx: Ctx, slug: string, origin: string): Promise<string> {
  const d = await findDiscussion(ctx, slug);
  const page = pageOf(origin, slug);
  const comments = await projectComments(
    ctx,
    await findLatestPublishedComments(ctx.tx, slug, FEED_ENTRIES),
  );
  const resourceRows = (await listResourceRows(ctx.tx, slug, undefined))
    .filter((r) => r.status === 'published')
    .slice(0, FEED_ENTRIES);
  const resources = await projectResources(ctx, resourceRows);
  return atom(
    d,
    {
      title: d.title,
      page,
      self: `${origin}/api/discussions/${encodeURIComponent(slug)}/feed.atom`,
    },
    [
      ...comments.map((c) => commentEntry(origin, page, c)),
      ...resources.map((r) => resourceEntry(page, r)),
    ],
  );
}

export async function campaignFeed(
  ctx: Ctx,
  slug: string,
  tag: string,
  origin: string,
): Promise<string> {
  const d = await findDiscussion(ctx, slug);
  const { campaign, comments } = await getCampaign(ctx, slug, tag);
  const page = pageOf(origin, slug);
  const path = `campaigns/${encodeURIComponent(campaign.tag)}`;
  return atom(
    d,
    {
      title: `#${campaign.label} · ${d.title}`,
      page: `${page}/${path}`,
      self: `${origin}/api/discussions/${encodeURIComponent(slug)}/${path}/feed.atom`,
    },
    comments.filter((c) => c.status === 'published').map((c) => commentEntry(origin, page, c)),
  );
}
