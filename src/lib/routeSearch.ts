import { useQuery } from '@tanstack/react-query';
import { createContext, createElement, useCallback, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import { useLocation, useMatch, useSearchParams } from 'react-router';
import { DEFAULT_PERIOD, SectorIdSchema } from '../api/common';
import type { PeriodId, SectorId } from '../api/common';
import { metaOptions } from '../api/meta';
import { patchSearch, readSearch, SHARED_PARAMS, sharedSearch, toQuery } from './search';
import type { SearchContext, SearchResult, SearchSchema } from './search';

interface PageSearch {
  ctx: SearchContext;
  /** The shared parameters in use, as a query string (see useSharedQuery). */
  sharedQuery: string;
}

const PageSearchContext = createContext<PageSearch | null>(null);

/**
 * Reads /meta and the shared parameters of the address once for the whole page (in RootLayout),
 * not once in every link and filter: a page has dozens of links, and each one observing /meta
 * itself cost a tenth of the first render.
 */
export function PageSearchProvider({ children }: { children: ReactNode }) {
  const { data: meta } = useQuery(metaOptions());
  // Keys, so that a new version with the same periods and sectors reads the address the same.
  const periodsKey = meta?.periods.map((p) => p.id).join() ?? null;
  const sectorsKey = meta?.sectors.map((s) => s.id).join() ?? null;
  const defaultPeriod = meta?.defaultPeriod ?? DEFAULT_PERIOD;
  const ctx = useMemo(
    () => ({ periods: periodsKey?.split(',') ?? null, defaultPeriod, sectors: sectorsKey?.split(',') ?? null }),
    [periodsKey, defaultPeriod, sectorsKey],
  );
  const [search] = useSearchParams();
  const key = search.toString();
  const sharedQuery = useMemo(() => {
    const { used } = readSearch(sharedSearch, new URLSearchParams(key), ctx);
    const kept = new URLSearchParams();
    for (const name of SHARED_PARAMS) {
      const value = used[name];
      if (value !== undefined) kept.set(name, value);
    }
    return toQuery(kept);
  }, [key, ctx]);
  const value = useMemo(() => ({ ctx, sharedQuery }), [ctx, sharedQuery]);
  return createElement(PageSearchContext.Provider, { value }, children);
}

function usePageSearch(): PageSearch {
  const value = useContext(PageSearchContext);
  if (!value) throw new Error('the address is read inside PageSearchProvider (RootLayout)');
  return value;
}

/** The periods the API offers (null until /meta answers) and its default period. */
export function useSearchContext(): SearchContext {
  return usePageSearch().ctx;
}

/** The current address read against a route's search schema, in render: never a step behind the address. */
export function useRouteSearch<S extends SearchSchema>(schema: S): SearchResult<S> {
  const [search] = useSearchParams();
  const ctx = useSearchContext();
  const key = search.toString();
  return useMemo(() => readSearch(schema, new URLSearchParams(key), ctx), [schema, key, ctx]);
}

/** The sector a sector page's path names (/sectors/automotive), or null on other pages. */
export function usePathSector(): SectorId | null {
  const parsed = SectorIdSchema.safeParse(useMatch('/sectors/:sectorId')?.params.sectorId);
  return parsed.success ? parsed.data : null;
}

/** The period and sector every page filters by: a sector page's sector is the one its path names. */
export function usePageFilters(): { period: PeriodId; sector: SectorId | null } {
  const { values } = useRouteSearch(sharedSearch);
  const pathSector = usePathSector();
  return { period: values.period, sector: pathSector ?? values.sector };
}

/**
 * Changes query parameters of the current address (null removes one). Filters live in the
 * URL, so every view can be shared and back/forward walks through filter changes. What the page
 * keeps in the history entry (how it came to its period, e.g. a sector page that moved to the
 * nearest period with figures) stays through other changes, such as the language or theme, and
 * goes when the period changes.
 */
export function useSetSearch() {
  const [, setSearchParams] = useSearchParams();
  const state: unknown = useLocation().state;
  return useCallback(
    (patch: Readonly<Record<string, string | null | undefined>>, options: { replace?: boolean } = {}) =>
      setSearchParams((prev) => patchSearch(prev, patch), {
        ...options,
        state: 'period' in patch ? undefined : state,
      }),
    [setSearchParams, state],
  );
}

/**
 * The shared parameters of the current address that are in use (period, sector, lang, theme),
 * as a query string for links to other pages: what a link carries so the view stays shared.
 */
export function useSharedQuery(): string {
  return usePageSearch().sharedQuery;
}
