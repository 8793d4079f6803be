import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useCallback, useState, useSyncExternalStore } from 'react';
import { RouterProvider } from 'react-router';
import { AppLoading } from './layout';
import { createQueryClient } from './query-client';
import { createAppRouter, type RouterOptions } from './router';

interface AppProps {
  queryClient?: QueryClient;
  router?: RouterOptions;
}

export function App({ queryClient, router }: AppProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const [appRouter] = useState(() => createAppRouter(client, router));
  // RouterProvider takes the router's state as it first renders and listens to it from a
  // layout effect: a first navigation that ends in between is never seen, and the page
  // stays blank. That happens when the loaders' reads are answered from the page itself
  // while the first render, a transition, yields. So it renders once that navigation is done.
  const subscribe = useCallback((change: () => void) => appRouter.subscribe(change), [appRouter]);
  const ready = useSyncExternalStore(subscribe, () => appRouter.state.initialized);
  return (
    <QueryClientProvider client={client}>
      {ready ? <RouterProvider router={appRouter} /> : <AppLoading />}
    </QueryClientProvider>
  );
}
