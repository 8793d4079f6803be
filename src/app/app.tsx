import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { startTransition, useEffect, useState } from 'react';
import { RouterProvider } from 'react-router';
import { AppLoading } from './layout';
import { createQueryClient } from './query-client';
import { type AppRouter, createAppRouter, firstNavigationDone, type RouterOptions } from './router';

interface AppProps {
  queryClient?: QueryClient;
  router?: RouterOptions;
  /**
   * A router made before the first render, with `queryClient` (src/main.tsx). A first
   * render that is a transition may be thrown away and begun again, and each beginning
   * would make another client and router, the first of which took the page's answers.
   */
  appRouter?: AppRouter;
}

export function App({ queryClient, router, appRouter: made }: AppProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const [appRouter] = useState(() => made ?? createAppRouter(client, router));
  // RouterProvider takes the router's state as it first renders and listens to it from a
  // layout effect: a first navigation that ends in between is never seen, and the page
  // stays blank. That happens when the loaders' reads are answered from the page itself
  // while the first render, a transition, yields. So it renders once that navigation is
  // done, and nothing changes the router's state by itself after that. The page it then
  // renders is a transition too: it yields to the browser every few milliseconds, rather
  // than holding the main thread for the whole tree.
  const [ready, setReady] = useState(() => appRouter.state.initialized);
  useEffect(() => {
    if (ready) return;
    let mounted = true;
    void firstNavigationDone(appRouter).then(() => {
      if (mounted) startTransition(() => setReady(true));
    });
    return () => {
      mounted = false;
    };
  }, [appRouter, ready]);
  return (
    <QueryClientProvider client={client}>
      {ready ? <RouterProvider router={appRouter} /> : <AppLoading />}
    </QueryClientProvider>
  );
}
