import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { sharedSearch } from '../lib/search';
import { useAddressCheck, useAddressNotices } from '../stores/addressNotices';

/**
 * Checks the shared parameters of every address (a page checks its own, see useAddressCheck) and
 * starts the notices afresh on another page.
 */
export function AddressCheck() {
  useAddressCheck(sharedSearch);
  const { pathname } = useLocation();
  useEffect(() => {
    // A page's own check runs first (effects run children first) and has already claimed this path.
    if (useAddressNotices.getState().pathname !== pathname) useAddressNotices.setState({ pathname, ignored: [] });
  }, [pathname]);
  return null;
}
