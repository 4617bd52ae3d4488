import { QueryClientProvider } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { forgetOnSignOut } from './forgetOnSignOut';

interface AppProps {
  queryClient: QueryClient;
  /** The router with the routes inside (BrowserRouter in main.tsx, MemoryRouter in tests). */
  children: ReactNode;
}

/**
 * Providers around the router, and the figures forgotten when the reader is signed out; main.tsx
 * and the tests pass their own client and router.
 */
export function App({ queryClient, children }: AppProps) {
  useEffect(() => forgetOnSignOut(queryClient), [queryClient]);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
