import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { useRouteSearch } from '../lib/routeSearch';
import { sharedSearch } from '../lib/search';
import { useAddressCheck, useAddressNotices } from '../stores/addressNotices';
import { usePrefs } from '../stores/prefs';

/**
 * Checks the shared parameters of every address (a page checks its own, see useAddressCheck),
 * starts the notices afresh on another page, and remembers a language or theme the address asks
 * for, so the next visit without them looks the same.
 */
export function AddressCheck() {
  useAddressCheck(sharedSearch);
  const { pathname } = useLocation();
  const { lang, theme } = useRouteSearch(sharedSearch).values;
  useEffect(() => {
    // A page's own check runs first (effects run children first) and has already claimed this path.
    if (useAddressNotices.getState().pathname !== pathname) useAddressNotices.setState({ pathname, ignored: [] });
  }, [pathname]);
  useEffect(() => {
    if (lang) usePrefs.setState({ locale: lang });
  }, [lang]);
  useEffect(() => {
    if (theme) usePrefs.setState({ theme });
  }, [theme]);
  return null;
}
