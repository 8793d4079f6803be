import {
  createResourceSchema,
  resourceListQuerySchema,
  type EntryStatus,
  type Resource,
  type ResourceListResponse,
} from '../../api/contract';
import { raiseEntry } from './live';
import { bumpPublished } from '../store/entries';
import { findResourceByUrl, insertResource, listResourceRows } from '../store/resources';
import type { ResourceRow } from '../store/schema';
import { initialStatus } from './comments';
import { type Ctx, RuleError, canSee, isModerator, newId, parse, requireUser } from './core';
import { findDiscussion, requireOpen } from './discussions';
import { limit } from './rate-limits';
import { projectResource, projectResources } from './project';
import { checkNewAccountLimits } from './trust';
import { notifyPublished } from './notifications';

export async function listResources(
  ctx: Ctx,
  slug: string,
  query: unknown,
): Promise<ResourceListResponse> {
  const { kind, sort } = parse(resourceListQuerySchema, query);
  await findDiscussion(ctx, slug);
  const rows = (await listResourceRows(ctx.tx, slug, kind)).filter((r) => canSee(ctx, r));
  // A discussion holds a few dozen resources at most: sorting them by title here
  // costs less than an index on a locale-aware collation the dialects do not share.
  if (sort === 'title') {
    rows.sort((a, b) => a.title.localeCompare(b.title, 'en', { sensitivity: 'base' }));
  }
  return { resources: await projectResources(ctx, rows) };
}

const urlRefused = (message: string) =>
  new RuleError(400, 'validation_failed', message, { url: message });

/**
 * An address as it is stored: http or https only, scheme and host lower-cased,
 * default port and #fragment dropped (the URL parser does the first two).
 * Anything else is refused with a message that says what to change.
 */
export function normaliseUrl(input: string): string {
  const text = input.trim();
  if (!/^https?:\/\//i.test(text)) {
    throw urlRefused('Use an address that starts with http:// or https://.');
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw urlRefused('This is not a valid web address. Check it and try again.');
  }
  if (!url.hostname) throw urlRefused('This address has no site name.');
  if (url.username || url.password) {
    throw urlRefused('Leave the user name and password out of the address.');
  }
  url.hash = '';
  return url.href;
}

/** Trailing slashes beyond this many on a stored address are not looked for. */
const MAX_TRAILING_SLASHES = 3;

/**
 * Two addresses that differ only by trailing slashes on the path (or an empty
 * `?`) lead to the same page: the stored spellings of this one, so that the
 * (discussion_slug, url) index finds an earlier entry by exact matches.
 */
function sameAddressSpellings(href: string): string[] {
  const url = new URL(href);
  const base = `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  const searches = url.search === '' ? ['', '?'] : [url.search];
  return Array.from({ length: MAX_TRAILING_SLASHES + 1 }, (_, k) => '/'.repeat(k)).flatMap(
    (slashes) => searches.map((search) => `${base}${slashes}${search}`),
  );
}

/** A rejected or withdrawn entry does not hold its address; one waiting, published or hidden does. */
const HOLDS_ADDRESS: readonly EntryStatus[] = ['pending', 'published', 'hidden'];

function duplicate(ctx: Ctx, existing: ResourceRow, userId: string): RuleError {
  // Point to it by name only where this person may read it.
  const visible =
    existing.status === 'published' ||
    isModerator(ctx) ||
    (existing.status === 'pending' && existing.author_id === userId);
  return new RuleError(
    409,
    'duplicate',
    visible
      ? `This address was already shared in this discussion as “${existing.title}”.`
      : 'This address was already shared in this discussion and waits for a moderator.',
    undefined,
    { resourceId: existing.id, visible },
  );
}

export async function createResource(ctx: Ctx, slug: string, input: unknown): Promise<Resource> {
  const user = requireUser(ctx);
  const d = await findDiscussion(ctx, slug);
  requireOpen(d, ctx.now);
  const data = parse(createResourceSchema, input);
  await limit(ctx, 'share', user.id);
  const url = normaliseUrl(data.url);
  await checkNewAccountLimits(ctx, user, {
    field: 'description',
    text: data.description,
    ownLinks: 1,
  });

  const existing = await findResourceByUrl(ctx.tx, slug, sameAddressSpellings(url), HOLDS_ADDRESS);
  if (existing) throw duplicate(ctx, existing, user.id);

  const row: ResourceRow = {
    id: newId('r'),
    discussion_slug: slug,
    url,
    title: data.title,
    kind: data.kind,
    description: data.description,
    author_id: user.id,
    author_name: user.display_name,
    author_organisation: user.organisation,
    status: await initialStatus(ctx, d, user),
    moderation_reason: null,
    original: 0,
    created_at: ctx.now.toISOString(),
  };
  await insertResource(ctx.tx, row);
  if (row.status === 'published') {
    await bumpPublished(ctx.tx, 'resource', slug, 1);
    await notifyPublished(ctx, { kind: 'resource', row });
  }
  raiseEntry(ctx, 'resource', row, 'posted');
  return projectResource(ctx, row);
}
