/**
 * The digest of extracts: featured comments in the order moderators chose, an
 * editorial introduction, the campaigns mentioned and a selection of resources.
 * Readers see it once it is published; moderators always.
 */
import { updateDigestSchema, type Digest } from '../../api/contract';
import { hashtagKey } from '../../lib/hashtags';
import { featuredCommentIds, findExtractRows } from '../store/digest';
import { updateDiscussionRow } from '../store/discussions';
import { findPublishedResources } from '../store/resources';
import type { DiscussionRow } from '../store/schema';
import { listCampaigns } from './campaigns';
import { type Ctx, RuleError, isModerator, notFound, parse, requireModerator } from './core';
import { findDiscussion } from './discussions';
import { appendLog } from './moderation';
import { projectComments, projectResources } from './project';

const ids = (json: string) => JSON.parse(json) as string[];

/** Rows in the order of `order`, leaving out ids that found none. */
function inOrder<T extends { id: string }>(order: string[], rows: T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return order.flatMap((id) => byId.get(id) ?? []);
}

async function toDigest(ctx: Ctx, d: DiscussionRow): Promise<Digest> {
  const order = ids(d.digest_order);
  const resourceIds = ids(d.digest_resource_ids);
  const extracts = await projectComments(
    ctx,
    inOrder(order, await findExtractRows(ctx.tx, d.slug, order)),
  );
  const resources = await projectResources(
    ctx,
    inOrder(resourceIds, await findPublishedResources(ctx.tx, d.slug, resourceIds)),
  );
  const quoted = new Set(extracts.flatMap((c) => c.hashtags.map(hashtagKey)));
  const campaigns = (await listCampaigns(ctx, d.slug)).campaigns.filter(
    (c) => c.original || quoted.has(c.tag),
  );
  return {
    discussionSlug: d.slug,
    published: d.digest_published === 1,
    editorial: d.digest_editorial,
    extracts,
    resources,
    campaigns,
  };
}

export async function getDigest(ctx: Ctx, slug: string): Promise<Digest> {
  const d = await findDiscussion(ctx, slug);
  // An unpublished digest does not exist for readers, as a draft would not.
  if (d.digest_published !== 1 && !isModerator(ctx)) throw notFound('This digest');
  return toDigest(ctx, d);
}

const refused = (field: 'order' | 'resourceIds', message: string) =>
  new RuleError(400, 'validation_failed', message, { [field]: message });

export async function updateDigest(ctx: Ctx, slug: string, input: unknown): Promise<Digest> {
  const moderator = requireModerator(ctx);
  const data = parse(updateDigestSchema, input);
  const d = await findDiscussion(ctx, slug);
  // Only what this request changes is written, so that the digest's other lists stay as they are.
  const changes: Partial<DiscussionRow> = {};

  if (data.order) {
    const chosen = data.order;
    const current = ids(d.digest_order);
    const featured = await featuredCommentIds(ctx.tx, slug, [...new Set([...chosen, ...current])]);
    if (chosen.some((id) => !featured.has(id)) || new Set(chosen).size !== chosen.length) {
      throw refused('order', 'Order only the featured comments, once each.');
    }
    // Comments featured meanwhile by someone else keep their place at the end.
    const rest = current.filter((id) => !chosen.includes(id) && featured.has(id));
    changes.digest_order = JSON.stringify([...chosen, ...rest]);
  }

  if (data.resourceIds) {
    const chosen = [...new Set(data.resourceIds)];
    const found = await findPublishedResources(ctx.tx, slug, chosen);
    if (found.length !== chosen.length) {
      throw refused('resourceIds', 'Choose published resources of this discussion.');
    }
    changes.digest_resource_ids = JSON.stringify(chosen);
  }

  if (data.editorial !== undefined) changes.digest_editorial = data.editorial;

  const published = data.published === undefined ? d.digest_published : data.published ? 1 : 0;
  if (published !== d.digest_published) {
    changes.digest_published = published;
    await appendLog(ctx, moderator, {
      action: 'publish-digest',
      kind: 'discussion',
      targetId: slug,
      discussionSlug: slug,
      reason: published === 1 ? 'Published the digest.' : 'Unpublished the digest.',
    });
  }

  if (Object.keys(changes).length > 0) await updateDiscussionRow(ctx.tx, slug, changes);
  return toDigest(ctx, { ...d, ...changes });
}
