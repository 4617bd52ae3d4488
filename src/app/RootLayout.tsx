import { ErrorBoundary } from 'react-error-boundary';
import { Outlet } from 'react-router';
import { DocumentPrefs } from './DocumentPrefs';
import { RouteError } from './RouteError';
import { AddressCheck } from './AddressCheck';

/** URL and preference syncing around every route, and the app-level error boundary. */
export function RootLayout() {
  return (
    <>
      <AddressCheck />
      <DocumentPrefs />
      <ErrorBoundary FallbackComponent={RouteError}>
        <Outlet />
      </ErrorBoundary>
    </>
  );
}
