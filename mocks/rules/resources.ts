import {
  createResourceSchema,
  resourceListQuerySchema,
  type Resource,
  type ResourceListResponse,
} from '../../src/api/contract';
import { newId, type StoredResource } from '../store';
import { initialStatus } from './comments';
import {
  type Ctx,
  RuleError,
  canSee,
  findDiscussion,
  parse,
  requireOpen,
  requireUser,
  toResource,
} from './core';

export function listResources(ctx: Ctx, slug: string, query: unknown): ResourceListResponse {
  const { kind, sort } = parse(resourceListQuerySchema, query);
  findDiscussion(ctx, slug);
  const resources = ctx.store.resources
    .filter((r) => r.discussionSlug === slug && canSee(ctx, r) && (!kind || r.kind === kind))
    .sort((a, b) =>
      sort === 'title'
        ? a.title.localeCompare(b.title, 'en', { sensitivity: 'base' })
        : b.createdAt.localeCompare(a.createdAt),
    )
    .map((r) => toResource(ctx, r));
  return { resources };
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

/** Two addresses that differ only by a trailing slash on the path lead to the same page. */
const sameAddressKey = (href: string) => {
  const url = new URL(href);
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}${url.search}`;
};

export function createResource(ctx: Ctx, slug: string, input: unknown): Resource {
  const user = requireUser(ctx);
  const d = findDiscussion(ctx, slug);
  requireOpen(d);
  const data = parse(createResourceSchema, input);
  const url = normaliseUrl(data.url);

  // A rejected or withdrawn entry does not hold its address; one waiting or published does.
  const key = sameAddressKey(url);
  const existing = ctx.store.resources.find(
    (r) =>
      r.discussionSlug === slug &&
      r.url !== null &&
      (r.status === 'pending' || r.status === 'published' || r.status === 'hidden') &&
      sameAddressKey(r.url) === key,
  );
  if (existing) {
    // Point to it by name only where this person may read it.
    const visible =
      existing.status === 'published' ||
      ctx.viewer?.role === 'moderator' ||
      (existing.status === 'pending' && existing.authorId === user.id);
    throw new RuleError(
      409,
      'duplicate',
      visible
        ? `This address was already shared in this discussion as “${existing.title}”.`
        : 'This address was already shared in this discussion and waits for a moderator.',
      undefined,
      { resourceId: existing.id, visible },
    );
  }

  const resource: StoredResource = {
    id: newId(ctx.store, 'r'),
    discussionSlug: slug,
    url,
    title: data.title,
    kind: data.kind,
    description: data.description,
    authorId: user.id,
    authorName: user.displayName,
    authorOrganisation: user.organisation,
    status: initialStatus(ctx, d, user),
    moderationReason: null,
    original: false,
    createdAt: ctx.now.toISOString(),
  };
  ctx.store.resources.push(resource);
  return toResource(ctx, resource);
}
