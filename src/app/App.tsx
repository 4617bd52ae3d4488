import { QueryClientProvider } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { startFrom } from '../api/versions';
import { forgetOnSignOut } from './forgetOnSignOut';

interface AppProps {
  queryClient: QueryClient;
  /** The router with the routes inside (BrowserRouter in main.tsx, MemoryRouter in tests). */
  children: ReactNode;
  /**
   * The data version of the figures the page was rendered with on the server, which the page
   * then shows (null: none). Set after the version watch below has started (effects run children
   * first), before any answer can come back.
   */
  version?: string | null;
}

/**
 * Providers around the router, and the figures forgotten when the reader is signed out; main.tsx
 * and the tests pass their own client and router.
 */
export function App({ queryClient, children, version = null }: AppProps) {
  useEffect(() => forgetOnSignOut(queryClient), [queryClient]);
  useEffect(() => {
    if (version !== null) startFrom(version);
  }, [version]);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
