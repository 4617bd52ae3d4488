import { useQueries, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { To } from 'react-router';
import type { Measure, Provenance, SectorId } from '../../api/common';
import { metaOptions } from '../../api/meta';
import type { PeriodInfo, SectorGroup } from '../../api/meta';
import { sectorListOptions } from '../../api/sectors';
import type { SectorFigure } from '../../api/sectors';
import type { CsvCell } from '../../domain/csv';
import { useGlobalSearch } from '../../lib/url';

export const GROUPS: readonly SectorGroup[] = ['leading', 'multipoint'];

/** Leading industries first, then the "many points", each in the API's order. */
export function orderSectors<T extends { group: SectorGroup }>(items: readonly T[]): T[] {
  return GROUPS.flatMap((g) => items.filter((s) => s.group === g));
}

export type FigureKey = 'output' | 'growth' | 'firms' | 'share';

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

/** Where a sector's drill-down lives, keeping the shared parameters and choosing the sector. */
export function useSectorTo(): (id: SectorId) => To {
  const search = useGlobalSearch();
  return useCallback(
    (id: SectorId) => {
      const params = new URLSearchParams(search);
      params.set('sector', id);
      return { pathname: `/sectors/${id}`, search: `?${params.toString()}` };
    },
    [search],
  );
}

const hasFigure = (s: SectorFigure) => s.output !== null || s.growth !== null || s.firms !== null || s.share !== null;

/**
 * The periods (of those the API offers) that have any sector figure, or a figure for one
 * sector, so an empty period can point to the ones that have data.
 */
export function usePeriodsWithFigures(sector: SectorId | null): PeriodInfo[] | null {
  const meta = useQuery(metaOptions());
  const periods = meta.data?.periods ?? [];
  const lists = useQueries({ queries: periods.map((p) => sectorListOptions(p.id)) });
  if (!meta.data || lists.some((q) => !q.data)) return null;
  return periods.filter((_, i) =>
    (lists[i]?.data?.items ?? []).some((s) => (sector === null || s.id === sector) && hasFigure(s)),
  );
}
