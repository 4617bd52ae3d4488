import { QueryErrorResetBoundary } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { ErrorPanel } from './ErrorPanel';

interface PanelBoundaryProps {
  /** What the panel shows, for the error message. */
  what: string;
  children: ReactNode;
}

/**
 * Contains a render failure to one panel: the rest of the page, the header and the
 * filters keep working, and "retry" re-renders the panel and refetches its queries.
 */
export function PanelBoundary({ what, children }: PanelBoundaryProps) {
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <ErrorBoundary
          onReset={reset}
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
