import { QueryClientProvider } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';

interface AppProps {
  queryClient: QueryClient;
  /** The router with the routes inside (BrowserRouter in main.tsx, MemoryRouter in tests). */
  children: ReactNode;
}

/** Providers around the router; main.tsx and the tests pass their own client and router. */
export function App({ queryClient, children }: AppProps) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
