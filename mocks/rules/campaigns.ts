import type {
  Campaign,
  CampaignDetailResponse,
  CampaignListResponse,
} from '../../src/api/contract';
import { hashtagKey } from '../../src/lib/hashtags';
import { threadOrder } from './thread';
import { type Ctx, findDiscussion, notFound, toComment } from './core';

/** Campaigns of a discussion: the seeded ones first, then those comments brought up. */
function campaignsOf(ctx: Ctx, slug: string): Map<string, Campaign> {
  const d = findDiscussion(ctx, slug);
  const campaigns = new Map<string, Campaign>();
  for (const label of d.campaigns) {
    campaigns.set(hashtagKey(label), {
      tag: hashtagKey(label),
      label,
      commentCount: 0,
      original: true,
    });
  }
  for (const c of ctx.store.comments) {
    if (c.discussionSlug !== slug || c.status !== 'published') continue;
    for (const label of c.hashtags) {
      const key = hashtagKey(label);
      const campaign = campaigns.get(key) ?? { tag: key, label, commentCount: 0, original: false };
      campaign.commentCount += 1;
      campaigns.set(key, campaign);
    }
  }
  return campaigns;
}

export function listCampaigns(ctx: Ctx, slug: string): CampaignListResponse {
  const all = [...campaignsOf(ctx, slug).values()];
  const seeded = all.filter((c) => c.original);
  const raised = all
    .filter((c) => !c.original)
    .sort((a, b) => b.commentCount - a.commentCount || a.label.localeCompare(b.label));
  return { campaigns: [...seeded, ...raised] };
}

export function getCampaign(ctx: Ctx, slug: string, tag: string): CampaignDetailResponse {
  const key = hashtagKey(tag);
  const campaign = campaignsOf(ctx, slug).get(key);
  if (!campaign) throw notFound('This campaign');
  const comments = threadOrder(ctx.store.comments.filter((c) => c.discussionSlug === slug))
    .filter((c) => c.status === 'published' && c.hashtags.some((h) => hashtagKey(h) === key))
    .map((c) => toComment(ctx, c));
  return { campaign, comments };
}
