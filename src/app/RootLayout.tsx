import { ErrorBoundary } from 'react-error-boundary';
import { Outlet } from 'react-router';
import { PageSearchProvider } from '../lib/routeSearch';
import { DocumentPrefs } from './DocumentPrefs';
import { RouteError } from './RouteError';
import { AddressCheck } from './AddressCheck';

/** The address read once for the page, URL and preference syncing around every route, and the app-level error boundary. */
export function RootLayout() {
  return (
    <PageSearchProvider>
      <AddressCheck />
      <DocumentPrefs />
      <ErrorBoundary FallbackComponent={RouteError}>
        <Outlet />
      </ErrorBoundary>
    </PageSearchProvider>
  );
}
