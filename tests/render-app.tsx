import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../src/app/app';

/** The real app, providers and routes, at a URL, with a fresh query client that does not retry. */
export function renderApp(url = '/') {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } },
  });
  const user = userEvent.setup();
  const view = render(<App queryClient={queryClient} router={{ initialEntries: [url] }} />);
  return { ...view, user, queryClient };
}
