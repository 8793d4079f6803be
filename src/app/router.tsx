import type { QueryClient } from '@tanstack/react-query';
import {
  createBrowserRouter,
  createMemoryRouter,
  type LoaderFunctionArgs,
  type RouteObject,
} from 'react-router';
import { campaignQueries } from '../api/campaigns';
import { commentQueries } from '../api/comments';
import { digestQueries } from '../api/digest';
import { discussionQueries } from '../api/discussions';
import { resourceQueries } from '../api/resources';
import { sessionQueries } from '../api/session';
import { Layout } from './layout';
import { RouteError } from './route-error';
import { CampaignRoute } from './routes/campaign';
import { DiscussionRoute } from './routes/discussion';
import { HomeRoute } from './routes/home';
import { NotFoundRoute } from './routes/not-found';
import { ResourcesRoute } from './routes/resources';

export interface RouterOptions {
  /** Tests render the app at a URL in memory. */
  initialEntries?: string[];
}

const slugOf = ({ params }: LoaderFunctionArgs) => params.slug ?? '';

/** A page shows its own error state for a failed query; the loader only starts the work. */
const warm = (pending: Promise<unknown>) => {
  pending.catch(() => undefined);
};

/**
 * Loaders start every query a page needs before it renders, without waiting for
 * them: the page shows its placeholders at once and fills in as data arrives.
 */
export function appRoutes(queryClient: QueryClient): RouteObject[] {
  const discussionLoader = (args: LoaderFunctionArgs) => {
    const slug = slugOf(args);
    warm(queryClient.query(discussionQueries.detail(slug)));
    warm(queryClient.infiniteQuery(commentQueries.thread(slug, args.params.commentId)));
    warm(queryClient.query(resourceQueries.list(slug)));
    warm(queryClient.query(campaignQueries.list(slug)));
    return null;
  };

  return [
    {
      element: <Layout />,
      errorElement: <RouteError />,
      loader: () => {
        warm(queryClient.query(sessionQueries.current()));
        return null;
      },
      children: [
        {
          errorElement: <RouteError />,
          children: [
            {
              index: true,
              element: <HomeRoute />,
              loader: () => {
                warm(queryClient.query(discussionQueries.list()));
                return null;
              },
            },
            { path: 'discussions/:slug', element: <DiscussionRoute />, loader: discussionLoader },
            {
              path: 'discussions/:slug/comments/:commentId',
              element: <DiscussionRoute />,
              loader: discussionLoader,
            },
            {
              path: 'discussions/:slug/resources',
              element: <ResourcesRoute />,
              loader: (args) => {
                warm(queryClient.query(discussionQueries.detail(slugOf(args))));
                return null;
              },
            },
            {
              path: 'discussions/:slug/campaigns/:tag',
              element: <CampaignRoute />,
              loader: (args) => {
                const slug = slugOf(args);
                warm(queryClient.query(discussionQueries.detail(slug)));
                warm(queryClient.query(campaignQueries.detail(slug, args.params.tag ?? '')));
                return null;
              },
            },
            // Pages a reader never opens load only when used.
            {
              path: 'sign-in',
              lazy: () => import('./routes/sign-in').then((m) => ({ Component: m.SignInRoute })),
            },
            {
              path: 'join',
              lazy: () => import('./routes/join').then((m) => ({ Component: m.JoinRoute })),
            },
            {
              path: 'moderation',
              lazy: () =>
                import('./routes/moderation').then((m) => ({ Component: m.ModerationRoute })),
            },
            {
              path: 'moderation/log',
              lazy: () =>
                import('./routes/moderation-log').then((m) => ({
                  Component: m.ModerationLogRoute,
                })),
            },
            {
              path: 'people',
              lazy: () => import('./routes/people').then((m) => ({ Component: m.PeopleRoute })),
            },
            {
              path: 'notifications',
              lazy: () =>
                import('./routes/notifications').then((m) => ({
                  Component: m.NotificationsRoute,
                })),
            },
            // The moderation log's account entries link here.
            {
              path: 'account',
              lazy: () => import('./routes/account').then((m) => ({ Component: m.AccountRoute })),
            },
            {
              path: 'reset-password/:token?',
              lazy: () =>
                import('./routes/reset-password').then((m) => ({
                  Component: m.ResetPasswordRoute,
                })),
            },
            {
              path: 'discussions/new',
              lazy: () =>
                import('./routes/discussion-new').then((m) => ({
                  Component: m.DiscussionNewRoute,
                })),
            },
            {
              path: 'discussions/:slug/edit',
              lazy: () =>
                import('./routes/discussion-edit').then((m) => ({
                  Component: m.DiscussionEditRoute,
                })),
            },
            {
              path: 'discussions/:slug/search',
              // The loader comes with the page, which a reader opens only to search.
              lazy: () =>
                import('./routes/search').then((m) => ({
                  Component: m.SearchRoute,
                  loader: m.searchLoader(queryClient),
                })),
            },
            {
              path: 'discussions/:slug/digest',
              loader: (args) => {
                const slug = slugOf(args);
                warm(queryClient.query(discussionQueries.detail(slug)));
                warm(queryClient.query(digestQueries.detail(slug)));
                return null;
              },
              lazy: () => import('./routes/digest').then((m) => ({ Component: m.DigestRoute })),
            },
            { path: '*', element: <NotFoundRoute /> },
          ],
        },
      ],
    },
  ];
}

export type AppRouter = ReturnType<typeof createBrowserRouter>;

export function createAppRouter(queryClient: QueryClient, options: RouterOptions = {}): AppRouter {
  const routes = appRoutes(queryClient);
  return options.initialEntries
    ? createMemoryRouter(routes, { initialEntries: options.initialEntries })
    : createBrowserRouter(routes);
}

/**
 * Resolves once the router's first navigation is done: the first page has its code (a
 * lazy route's chunk) and can render. The demo starts its in-page backend after that
 * (src/main.tsx).
 */
export function firstNavigationDone(router: AppRouter): Promise<void> {
  return new Promise((resolve) => {
    if (router.state.initialized) {
      resolve();
      return;
    }
    const stop = router.subscribe((state) => {
      if (!state.initialized) return;
      stop();
      resolve();
    });
  });
}
