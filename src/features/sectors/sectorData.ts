import { useQueries, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import type { To } from 'react-router';
import { PeriodIdSchema } from '../../api/common';
import type { Measure, PeriodId, Provenance, SectorId } from '../../api/common';
import { metaOptions } from '../../api/meta';
import type { PeriodInfo, SectorGroup } from '../../api/meta';
import { sectorListOptions } from '../../api/sectors';
import type { CsvCell } from '../../domain/csv';
import { nearestPeriod } from '../../domain/periods';
import { ALL_FIGURES, hasFigure } from '../../domain/sectorFigures';
import type { FigureKey } from '../../domain/sectorFigures';
import { useSharedQuery } from '../../lib/routeSearch';

export const GROUPS: readonly SectorGroup[] = ['leading', 'multipoint'];

/** Leading industries first, then the "many points", each in the API's order. */
export function orderSectors<T extends { group: SectorGroup }>(items: readonly T[]): T[] {
  return GROUPS.flatMap((g) => items.filter((s) => s.group === g));
}

/** A measure in the unit the tables and CSV use: money in 亿元, percent in points, counts as is. */
export function csvValue(m: Measure): number {
  const v = m.unit === 'cny' ? m.value / 1e8 : m.value;
  return Number(v.toPrecision(m.digits ?? 8));
}

/** Where a value comes from, for a CSV cell: L38, the formula, or "illustrative". */
export function provenanceCell(p: Provenance, illustrativeWord: string): CsvCell {
  if (p.kind === 'reported') return p.source ?? '';
  if (p.kind === 'derived') return p.formula ?? '';
  return illustrativeWord;
}

/** Report lines behind the given provenances, as numbers in order: ["36", "38–40"]. */
export function sourceLines(provenances: readonly (Provenance | null | undefined)[]): string[] {
  const sources = new Set<string>();
  for (const p of provenances) if (p?.kind === 'reported' && p.source) sources.add(p.source);
  return [...sources]
    .sort((a, b) => parseInt(a.slice(1), 10) - parseInt(b.slice(1), 10))
    .map((s) => s.replaceAll('L', '').replace('-', '–'));
}

/**
 * The rest of the district's output when one sector's share is reported (2022: electronics
 * 59.9 % → others 40.1 %). Derived, with its formula, never passed off as reported.
 */
export function remainderShare(share: Measure): Measure {
  const decimals = Math.max(0, (share.digits ?? 3) - Math.floor(Math.log10(Math.abs(share.value) || 1)) - 1);
  const factor = 10 ** decimals;
  const value = Math.round((100 - share.value) * factor) / factor;
  const source = share.provenance.source ? ` (${share.provenance.source})` : '';
  return {
    value,
    unit: 'percent',
    digits: Math.max(1, Math.floor(Math.log10(Math.abs(value) || 1)) + 1 + decimals),
    provenance: { kind: 'derived', formula: `100% − ${String(share.value)}%${source}` },
  };
}

/** Where a sector's drill-down lives, keeping the shared parameters; the path names the sector. */
export function useSectorTo(): (id: SectorId) => To {
  const search = useSharedQuery();
  return useCallback(
    (id: SectorId) => {
      const params = new URLSearchParams(search);
      params.delete('sector');
      const s = params.toString();
      return { pathname: `/sectors/${id}`, search: s ? `?${s}` : '' };
    },
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
 * say "nothing") while the other periods are being looked at; `reserve`: the notice's line should.
 */
export function useNearestPeriodWithFigures(
  sector: SectorId | null,
  period: PeriodId,
  chosenHasFigures: boolean | undefined,
  keys: readonly FigureKey[] = ALL_FIGURES,
): { from: PeriodId | null; deciding: boolean; reserve: boolean } {
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
