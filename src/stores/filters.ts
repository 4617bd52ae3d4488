import { create } from 'zustand';
import { DEFAULT_PERIOD } from '../api/common';
import type { PeriodId, SectorId } from '../api/common';
import { parseGlobalSearch } from '../lib/searchParams';
import type { IgnoredParam } from '../lib/searchParams';

export interface FiltersState {
  period: PeriodId;
  sector: SectorId | null;
  /** Parameters the last URL carried that could not be used, for the notice. */
  ignored: IgnoredParam[];
}

/** What the current address says, before the API's list of periods is known. */
export function filtersFromLocation(
  search = typeof window === 'undefined' ? '' : window.location.search,
): FiltersState {
  const parsed = parseGlobalSearch(new URLSearchParams(search), { periods: null, defaultPeriod: DEFAULT_PERIOD });
  return { period: parsed.period, sector: parsed.sector, ignored: [] };
}

/**
 * The global filters, mirrored from the URL (the URL is the source of truth: change a
 * filter by changing the URL, see useSetSearch). Starts from the address so the first
 * render already asks for the right data.
 */
export const useFilters = create<FiltersState>()(() => filtersFromLocation());
