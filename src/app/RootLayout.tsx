import { Outlet } from 'react-router';
import { DocumentPrefs } from './DocumentPrefs';
import { UrlStateSync } from './UrlStateSync';

export function RootLayout() {
  return (
    <>
      <UrlStateSync />
      <DocumentPrefs />
      <Outlet />
    </>
  );
}
