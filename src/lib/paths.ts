/**
 * The addresses of the app's pages, built in one place so that a route's path
 * and every link to it change together (the routes are in src/app/router.tsx).
 * A lint rule (eslint.config.js) keeps page addresses from being spelled out elsewhere.
 */
import { campaignPath } from './hashtags';

const segment = encodeURIComponent;

export const paths = {
  home: () => '/',
  discussion: (slug: string) => `/discussions/${segment(slug)}`,
  comment: (slug: string, commentId: string) =>
    `/discussions/${segment(slug)}/comments/${segment(commentId)}`,
  resources: (slug: string) => `/discussions/${segment(slug)}/resources`,
  /** A resource in its discussion's list, which scrolls to it. */
  resource: (slug: string, resourceId: string) =>
    `/discussions/${segment(slug)}/resources?entry=${segment(resourceId)}`,
  digest: (slug: string) => `/discussions/${segment(slug)}/digest`,
  editDiscussion: (slug: string) => `/discussions/${segment(slug)}/edit`,
  newDiscussion: () => '/discussions/new',
  campaign: campaignPath,
  search: (slug: string, query: string) =>
    `/discussions/${segment(slug)}/search?${new URLSearchParams({ q: query }).toString()}`,
  moderation: (slug?: string) =>
    slug === undefined ? '/moderation' : `/moderation?discussion=${segment(slug)}`,
  moderationLog: () => '/moderation/log',
  people: () => '/people',
  notifications: () => '/notifications',
  account: () => '/account',
  /** Signing in, then back to `next` (a path on this site) when given. */
  signIn: (next?: string) => (next === undefined ? '/sign-in' : `/sign-in?next=${segment(next)}`),
  join: (next: string) => `/join?next=${segment(next)}`,
  resetPassword: () => '/reset-password',
};

/** The patterns of pages that other parts of the app match the address against. */
export const pagePatterns = {
  /** Any page of one discussion. */
  inDiscussion: '/discussions/:slug/*',
  thread: '/discussions/:slug',
  permalink: '/discussions/:slug/comments/:commentId',
};
