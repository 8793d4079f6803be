import { queryOptions } from '@tanstack/react-query';
import type { CampaignDetailResponse, CampaignListResponse } from './contract';
import { discussionQueries } from './discussions';
import { request } from './http';

export const campaignQueries = {
  all: (slug: string) => [...discussionQueries.detail(slug).queryKey, 'campaigns'] as const,
  list: (slug: string) =>
    queryOptions({
      queryKey: campaignQueries.all(slug),
      queryFn: ({ signal }) =>
        request<CampaignListResponse>(`/discussions/${encodeURIComponent(slug)}/campaigns`, {
          signal,
        }),
    }),
  detail: (slug: string, tag: string) =>
    queryOptions({
      queryKey: [...campaignQueries.all(slug), tag] as const,
      queryFn: ({ signal }) =>
        request<CampaignDetailResponse>(
          `/discussions/${encodeURIComponent(slug)}/campaigns/${encodeURIComponent(tag)}`,
          { signal },
        ),
    }),
};
