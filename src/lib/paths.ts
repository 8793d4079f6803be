/**
 * The addresses of the app's pages, built in one place so that a route's path
 * and every link to it change together (the routes are in src/app/router.tsx).
 */
import { campaignPath } from './hashtags';

const segment = encodeURIComponent;

export const paths = {
  home: () => '/',
  discussion: (slug: string) => `/discussions/${segment(slug)}`,
  comment: (slug: string, commentId: string) =>
    `/discussions/${segment(slug)}/comments/${segment(commentId)}`,
  resources: (slug: string) => `/discussions/${segment(slug)}/resources`,
  digest: (slug: string) => `/discussions/${segment(slug)}/digest`,
  editDiscussion: (slug: string) => `/discussions/${segment(slug)}/edit`,
  campaign: campaignPath,
  search: (slug: string, query: string) =>
    `/discussions/${segment(slug)}/search?${new URLSearchParams({ q: query }).toString()}`,
  moderation: (slug?: string) =>
    slug === undefined ? '/moderation' : `/moderation?discussion=${segment(slug)}`,
  signIn: (next: string) => `/sign-in?next=${segment(next)}`,
};
