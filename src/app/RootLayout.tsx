import { ErrorBoundary } from 'react-error-boundary';
import { Outlet } from 'react-router';
import { DocumentPrefs } from './DocumentPrefs';
import { RouteError } from './RouteError';
import { UrlStateSync } from './UrlStateSync';

/** URL and preference syncing around every route, and the app-level error boundary. */
export function RootLayout() {
  return (
    <>
      <UrlStateSync />
      <DocumentPrefs />
      <ErrorBoundary FallbackComponent={RouteError}>
        <Outlet />
      </ErrorBoundary>
    </>
  );
}
