/**
 * The digest of extracts: featured comments in the order moderators chose, an
 * editorial introduction, the campaigns mentioned and a selection of resources.
 * Readers see it once it is published; moderators always.
 */
import { updateDigestSchema, type Digest } from '../../src/api/contract';
import { hashtagKey } from '../../src/lib/hashtags';
import type { StoredComment, StoredDiscussion, StoredResource } from '../store';
import { listCampaigns } from './campaigns';
import {
  type Ctx,
  RuleError,
  findDiscussion,
  notFound,
  parse,
  requireModerator,
  toComment,
  toResource,
} from './core';
import { appendLog } from './moderation';

const isModerator = (ctx: Ctx) => ctx.viewer?.role === 'moderator';

function toDigest(ctx: Ctx, d: StoredDiscussion): Digest {
  const extracts = d.digest.order
    .map((id) => ctx.store.comments.find((c) => c.id === id))
    .filter((c): c is StoredComment => c !== undefined && c.featured && c.status === 'published')
    .map((c) => toComment(ctx, c));
  const resources = d.digest.resourceIds
    .map((id) => ctx.store.resources.find((r) => r.id === id))
    .filter((r): r is StoredResource => r !== undefined && r.status === 'published')
    .map((r) => toResource(ctx, r));
  const quoted = new Set(extracts.flatMap((c) => c.hashtags.map(hashtagKey)));
  const campaigns = listCampaigns(ctx, d.slug).campaigns.filter(
    (c) => c.original || quoted.has(c.tag),
  );
  return {
    discussionSlug: d.slug,
    published: d.digest.published,
    editorial: d.digest.editorial,
    extracts,
    resources,
    campaigns,
  };
}

export function getDigest(ctx: Ctx, slug: string): Digest {
  const d = findDiscussion(ctx, slug);
  // An unpublished digest does not exist for readers, as a draft would not.
  if (!d.digest.published && !isModerator(ctx)) throw notFound('This digest');
  return toDigest(ctx, d);
}

export function updateDigest(ctx: Ctx, slug: string, input: unknown): Digest {
  const moderator = requireModerator(ctx);
  const data = parse(updateDigestSchema, input);
  const d = findDiscussion(ctx, slug);
  const { digest } = d;

  if (data.order) {
    const featured = new Set(
      ctx.store.comments.filter((c) => c.discussionSlug === slug && c.featured).map((c) => c.id),
    );
    const unknown = data.order.find((id) => !featured.has(id));
    if (unknown !== undefined || new Set(data.order).size !== data.order.length) {
      throw new RuleError(
        400,
        'validation_failed',
        'Order only the featured comments, once each.',
        {
          order: 'Order only the featured comments, once each.',
        },
      );
    }
    // Comments featured meanwhile by someone else keep their place at the end.
    const rest = digest.order.filter((id) => !data.order?.includes(id) && featured.has(id));
    digest.order = [...data.order, ...rest];
  }

  if (data.resourceIds) {
    const published = new Set(
      ctx.store.resources
        .filter((r) => r.discussionSlug === slug && r.status === 'published')
        .map((r) => r.id),
    );
    if (data.resourceIds.some((id) => !published.has(id))) {
      throw new RuleError(
        400,
        'validation_failed',
        'Choose published resources of this discussion.',
        {
          resourceIds: 'Choose published resources of this discussion.',
        },
      );
    }
    digest.resourceIds = [...new Set(data.resourceIds)];
  }

  if (data.editorial !== undefined) digest.editorial = data.editorial;

  if (data.published !== undefined && data.published !== digest.published) {
    digest.published = data.published;
    appendLog(ctx, moderator, {
      action: 'publish-digest',
      kind: 'discussion',
      targetId: slug,
      discussionSlug: slug,
      reason: data.published ? 'Published the digest.' : 'Unpublished the digest.',
    });
  }
  return toDigest(ctx, d);
}
