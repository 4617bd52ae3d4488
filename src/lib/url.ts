import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { GLOBAL_PARAMS, patchSearch } from './searchParams';

/**
 * Changes query parameters of the current address (null removes one). Filters live in the
 * URL, so every view can be shared and back/forward walks through filter changes.
 */
export function useSetSearch() {
  const [, setSearchParams] = useSearchParams();
  return useCallback(
    (patch: Readonly<Record<string, string | null | undefined>>, options: { replace?: boolean } = {}) =>
      setSearchParams((prev) => patchSearch(prev, patch), options),
    [setSearchParams],
  );
}

/** The current address's shared parameters (period, sector, lang, theme), to carry them across links. */
export function useGlobalSearch(): string {
  const [search] = useSearchParams();
  const kept = new URLSearchParams();
  for (const key of GLOBAL_PARAMS) {
    for (const value of search.getAll(key)) kept.append(key, value);
  }
  const s = kept.toString();
  return s ? `?${s}` : '';
}
