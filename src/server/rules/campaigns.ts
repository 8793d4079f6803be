// Not ported yet from mocks/rules: the helper porting this domain replaces this file.
import type { CampaignDetailResponse, CampaignListResponse } from '../../api/contract';
import type { Ctx } from './core';

export function listCampaigns(_ctx: Ctx, _slug: string): Promise<CampaignListResponse> {
  throw new Error('not ported yet');
}
export function getCampaign(
  _ctx: Ctx,
  _slug: string,
  _tag: string,
): Promise<CampaignDetailResponse> {
  throw new Error('not ported yet');
}
