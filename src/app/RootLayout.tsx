import { ErrorBoundary } from 'react-error-boundary';
import { Outlet } from 'react-router';
import { PageSearchProvider } from '../lib/routeSearch';
import { DocumentPrefs } from './DocumentPrefs';
import { RouteError } from './RouteError';
import { AddressCheck } from './AddressCheck';
import { VersionWatch } from './VersionWatch';

/**
 * The address read once for the page, URL and preference syncing around every route, the data
 * version followed (before the pages, so a wall screen restoring saved answers finds it), and the
 * app-level error boundary.
 */
export function RootLayout() {
  return (
    <PageSearchProvider>
      <AddressCheck />
      <DocumentPrefs />
      <VersionWatch />
      <ErrorBoundary FallbackComponent={RouteError}>
        <Outlet />
      </ErrorBoundary>
    </PageSearchProvider>
  );
}
