import { QueryErrorResetBoundary } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { ErrorPanel } from './ErrorPanel';

interface PanelBoundaryProps {
  /** What the panel shows, for the error message. */
  what: string;
  children: ReactNode;
  /** Values whose change clears the error (e.g. the route), so moving on recovers by itself. */
  resetKeys?: unknown[];
}

/**
 * Contains a render failure to one panel: the rest of the page, the header and the
 * filters keep working, and "retry" re-renders the panel and refetches its queries.
 */
export function PanelBoundary({ what, children, resetKeys }: PanelBoundaryProps) {
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <ErrorBoundary
          onReset={reset}
          resetKeys={resetKeys}
          fallbackRender={({ error, resetErrorBoundary }) => (
            <ErrorPanel what={what} error={error} onRetry={resetErrorBoundary} />
          )}
        >
          {children}
        </ErrorBoundary>
      )}
    </QueryErrorResetBoundary>
  );
}
