/**
 * Where the sector pages lead: a sector's own page (keeping the shared parameters), and, when the
 * chosen period has no figures, the periods that have them.
 */
import { useQueries, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import type { To } from 'react-router';
import { PeriodIdSchema } from '../../api/common';
import type { Measure, PeriodId, SectorId } from '../../api/common';
import { metaOptions } from '../../api/meta';
import type { PeriodInfo, SectorInfo } from '../../api/meta';
import { sectorListOptions } from '../../api/sectors';
import { nearestPeriod } from '../../domain/periods';
import { ALL_FIGURES, hasFigure } from '../../domain/sectorFigures';
import type { FigureKey } from '../../domain/sectorFigures';
import { useSharedQuery } from '../../lib/routeSearch';
import { patchSearch, toQuery } from '../../lib/search';

/** Where a sector's drill-down lives, keeping the shared parameters; the path names the sector. */
export function useSectorTo(): (id: SectorId) => To {
  const search = useSharedQuery();
  return useCallback(
    (id: SectorId) => ({
      pathname: `/sectors/${id}`,
      search: toQuery(patchSearch(new URLSearchParams(search), { sector: null })),
    }),
    [search],
  );
}

/**
 * The periods (of those the API offers) that have any sector figure, or a figure for one
 * sector (of `keys`, by default any), so an empty period can point to the ones that have data.
 * Null while unknown (or not `enabled`).
 */
export function usePeriodsWithFigures(
  sector: SectorId | null,
  { keys = ALL_FIGURES, enabled = true }: { keys?: readonly FigureKey[]; enabled?: boolean } = {},
): PeriodInfo[] | null {
  const meta = useQuery(metaOptions());
  const periods = meta.data?.periods ?? [];
  const lists = useQueries({ queries: periods.map((p) => ({ ...sectorListOptions(p.id), enabled })) });
  if (!enabled || !meta.data || lists.some((q) => !q.data)) return null;
  return periods.filter((_, i) =>
    (lists[i]?.data?.items ?? []).some((s) => (sector === null || s.id === sector) && hasFigure(s, keys)),
  );
}

/**
 * For each sector figure, the periods (of those the API offers) in which some sector has it: where
 * a period without a figure points to. Null while unknown.
 */
export function usePeriodsByFigure(): Record<FigureKey, PeriodInfo[]> | null {
  const meta = useQuery(metaOptions());
  const periods = meta.data?.periods ?? [];
  const lists = useQueries({ queries: periods.map((p) => sectorListOptions(p.id)) });
  if (!meta.data || lists.some((q) => !q.data)) return null;
  const having = (key: FigureKey) =>
    periods.filter((_, i) => (lists[i]?.data?.items ?? []).some((s) => hasFigure(s, [key])));
  return { output: having('output'), growth: having('growth'), firms: having('firms'), share: having('share') };
}

/**
 * The sectors (of those the API lists) that have any figure in any period, in the API's order:
 * where a sector the source gives no figures for points instead. Null while unknown.
 */
export function useSectorsWithFigures(): SectorInfo[] | null {
  const meta = useQuery(metaOptions());
  const periods = meta.data?.periods ?? [];
  const lists = useQueries({ queries: periods.map((p) => sectorListOptions(p.id)) });
  if (!meta.data || lists.some((q) => !q.data)) return null;
  return meta.data.sectors.filter((s) =>
    lists.some((q) => q.data?.items.some((item) => item.id === s.id && hasFigure(item))),
  );
}

/** What the address's history entry says when a page shows another period than the default one. */
interface FallbackState {
  fallbackFrom: PeriodId;
}
const fallbackFrom = (state: unknown, shown: PeriodId): PeriodId | null => {
  const from = (state as Partial<FallbackState> | null)?.fallbackFrom;
  return typeof from === 'string' && PeriodIdSchema.safeParse(from).success && from !== shown ? from : null;
};

/**
 * A first view never shows empty charts: when the address names no period and the default one has
 * no figures (for the sector, or for any sector), the page moves to the period nearest it that
 * has them, writing it into the address (replacing the entry, so back still leaves the page);
 * `from` is then the period the reader had, for the one line that says so. A period the address
 * names is always shown as asked, empty or not. `deciding`: the page should hold its place (not
 * say "nothing") while the other periods are being looked at, or until the address names the one
 * moved to; `reserve`: the notice's line should. `shown`: the period moved to as soon as a render
 * knows it (the address follows), else `period`, so a page that renders `shown` (on the server
 * too, where no effect runs) has its figures in that very render.
 */
export function useNearestPeriodWithFigures(
  sector: SectorId | null,
  period: PeriodId,
  chosenHasFigures: boolean | undefined,
  keys: readonly FigureKey[] = ALL_FIGURES,
): { from: PeriodId | null; deciding: boolean; reserve: boolean; shown: PeriodId } {
  const [search] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const explicit = search.get('period') !== null;
  const looking = chosenHasFigures === false && !explicit;
  const withFigures = usePeriodsWithFigures(sector, { keys, enabled: looking });
  const target =
    looking && withFigures
      ? nearestPeriod(
          period,
          withFigures.map((p) => p.id),
        )
      : null;
  useEffect(() => {
    if (!target) return;
    const next = new URLSearchParams(search);
    next.set('period', target);
    const state: FallbackState = { fallbackFrom: period };
    void navigate({ search: `?${next.toString()}` }, { replace: true, state });
  }, [target, period, search, navigate]);
  const deciding = looking && (withFigures === null || target !== null);
  return {
    from: explicit ? fallbackFrom(location.state, period) : null,
    deciding,
    // Until it is known whether the page moves, the line that would say so keeps its place.
    reserve: (!explicit && (chosenHasFigures === undefined || deciding)) || target !== null,
    shown: target ?? period,
  };
}

/**
 * For figures the period lacks: the same figure of the sector in the period nearest it that has
 * one (Jan–Jul has no firm count; the report's count "目前" is under the period to its date).
 */
export function useFigureElsewhere(
  sector: SectorId,
  period: PeriodId,
  enabled: boolean,
): (key: FigureKey) => { period: PeriodId; measure: Measure } | null {
  const meta = useQuery(metaOptions());
  const periods = meta.data?.periods ?? [];
  const lists = useQueries({ queries: periods.map((p) => ({ ...sectorListOptions(p.id), enabled })) });
  return (key) => {
    const found = new Map<PeriodId, Measure>();
    periods.forEach((p, i) => {
      const measure = lists[i]?.data?.items.find((s) => s.id === sector)?.[key];
      if (measure && p.id !== period) found.set(p.id, measure);
    });
    const nearest = nearestPeriod(period, [...found.keys()]);
    const measure = nearest ? found.get(nearest) : undefined;
    return nearest && measure ? { period: nearest, measure } : null;
  };
}
