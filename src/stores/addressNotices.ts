import { useEffect } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { create } from 'zustand';
import { useRouteSearch } from '../lib/routeSearch';
import { sharedSearch, withoutIgnored } from '../lib/search';
import type { IgnoredParam, SearchSchema } from '../lib/search';

interface AddressNotices {
  /** The page the values were ignored on: moving to another page starts afresh. */
  pathname: string | null;
  ignored: IgnoredParam[];
}

/**
 * What the address carried that could not be used. The address itself is corrected as soon as it
 * has been read (so later edits and shared links do not carry the bad values on), which is why
 * this list lives here and not in the address: the notice keeps saying what was dropped.
 */
export const useAddressNotices = create<AddressNotices>()(() => ({ pathname: null, ignored: [] }));

export const dismissAddressNotices = () => useAddressNotices.setState({ ignored: [] });

/** Adds values ignored on `pathname` to the notices, once each. */
export function reportIgnored(pathname: string, ignored: readonly IgnoredParam[]) {
  useAddressNotices.setState((s) => {
    const kept = s.pathname === pathname ? s.ignored : [];
    const fresh = ignored.filter((i) => !kept.some((k) => k.param === i.param && k.value === i.value));
    return { pathname, ignored: [...kept, ...fresh] };
  });
}

/**
 * Reads the address against `schema` and, when it holds values that cannot be used, reports them
 * and removes them from the address (replacing the history entry, so back still works). Mounted
 * once per schema: the app's layout checks the shared parameters, a page its own.
 */
export function useAddressCheck(schema: SearchSchema) {
  const result = useRouteSearch(schema);
  const sharedClean = useRouteSearch(sharedSearch).ignored.length === 0;
  const [, setSearch] = useSearchParams();
  const { pathname } = useLocation();
  useEffect(() => {
    if (result.ignored.length === 0) return;
    reportIgnored(pathname, result.ignored);
    // Two corrections made from the same address would undo each other: the layout corrects the
    // shared parameters first, a page its own once those are clean (the next render).
    if (schema !== sharedSearch && !sharedClean) return;
    setSearch((prev) => withoutIgnored(prev, result), { replace: true });
  }, [schema, result, sharedClean, pathname, setSearch]);
}
