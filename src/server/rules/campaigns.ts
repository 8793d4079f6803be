/** Campaigns of a discussion: the seeded ones first, then those its published comments brought up. */
import type { Campaign, CampaignDetailResponse, CampaignListResponse } from '../../api/contract';
import { hashtagKey } from '../../lib/hashtags';
import { type TagCount, countPublishedTags, findPublishedWithTag } from '../store/campaigns';
import type { DiscussionRow } from '../store/schema';
import { type Ctx, notFound } from './core';
import { findDiscussion } from './discussions';
import { projectComments } from './project';

/** The seeded campaigns in their order, then the counted ones, each with its count. */
function campaignsOf(d: DiscussionRow, counts: TagCount[]): Map<string, Campaign> {
  const campaigns = new Map<string, Campaign>();
  for (const label of JSON.parse(d.campaigns) as string[]) {
    const tag = hashtagKey(label);
    campaigns.set(tag, { tag, label, commentCount: 0, original: true });
  }
  for (const { tag, label, count } of counts) {
    const campaign = campaigns.get(tag) ?? { tag, label, commentCount: 0, original: false };
    campaign.commentCount += count;
    campaigns.set(tag, campaign);
  }
  return campaigns;
}

export async function listCampaigns(ctx: Ctx, slug: string): Promise<CampaignListResponse> {
  const d = await findDiscussion(ctx, slug);
  const all = [...campaignsOf(d, await countPublishedTags(ctx.tx, slug)).values()];
  const seeded = all.filter((c) => c.original);
  const raised = all
    .filter((c) => !c.original)
    .sort((a, b) => b.commentCount - a.commentCount || a.label.localeCompare(b.label));
  return { campaigns: [...seeded, ...raised] };
}

export async function getCampaign(
  ctx: Ctx,
  slug: string,
  tag: string,
): Promise<CampaignDetailResponse> {
  const d = await findDiscussion(ctx, slug);
  const key = hashtagKey(tag);
  const campaign = campaignsOf(d, await countPublishedTags(ctx.tx, slug, key)).get(key);
  if (!campaign) throw notFound('This campaign');
  const rows = await findPublishedWithTag(ctx.tx, slug, key);
  return { campaign, comments: await projectComments(ctx, rows) };
}
