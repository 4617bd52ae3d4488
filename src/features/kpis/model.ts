/**
 * How the overview arranges the API's figures: which tiles go in the headline row, which
 * group each belongs to, what the sector filter does, and the list of every number's source.
 */
import type { Measure, PeriodId, Provenance, SectorId, Series } from '../../api/common';
import { KPI_GROUPS } from '../../api/kpis';
import type { Kpi, KpiGroup } from '../../api/kpis';

export interface OverviewLayout {
  /** Tiles of the chosen sector, shown first in their own group; empty without a sector filter. */
  sector: Kpi[];
  /** The most important district-wide figures, shown larger. */
  headline: Kpi[];
  /** The other district-wide figures by group, in the report's order. */
  groups: { group: KpiGroup; items: Kpi[] }[];
}

export function arrangeOverview(items: readonly Kpi[], sector: SectorId | null): OverviewLayout {
  const district = items.filter((k) => k.sector === null);
  return {
    sector: sector === null ? [] : items.filter((k) => k.sector === sector),
    headline: district.filter((k) => k.headline),
    groups: KPI_GROUPS.map((group) => ({
      group,
      items: district.filter((k) => !k.headline && k.group === group),
    })).filter((g) => g.items.length > 0),
  };
}

/**
 * The layout the overview has once its figures arrive (the API always lists every district
 * figure, with or without a value): the skeleton draws the same number of tiles per group.
 */
export const SKELETON_LAYOUT: { headline: number; groups: readonly (readonly [KpiGroup, number])[] } = {
  headline: 6,
  groups: [
    ['industry', 4],
    ['attraction', 1],
    ['projects', 1],
    ['private', 2],
    ['sme', 4],
  ],
};

/** Months of a series whose points are illustrative, e.g. [2023M01 … 2023M05]. */
export function illustrativePeriods(series: Series): PeriodId[] {
  return series.points.filter((p) => p.provenance.kind === 'illustrative').map((p) => p.period);
}

export type SourceRole = 'value' | 'target' | 'yoy' | 'planCompletion' | 'fact' | 'reference' | 'difference';

export interface SourceRow {
  kpi: Kpi;
  role: SourceRole;
  /** For facts: the fact's own label. */
  factLabel?: Kpi['label'];
  measure: Measure;
  period: PeriodId;
  provenance: Provenance;
}

/** Every number the overview prints, with its provenance, in tile order. */
export function sourceRows(items: readonly Kpi[]): SourceRow[] {
  const rows: SourceRow[] = [];
  for (const kpi of items) {
    const add = (role: SourceRole, measure: Measure | null, period = kpi.period, factLabel?: Kpi['label']) => {
      if (measure) rows.push({ kpi, role, measure, period, provenance: measure.provenance, factLabel });
    };
    add('value', kpi.value);
    add('yoy', kpi.yoy);
    add('planCompletion', kpi.planCompletion);
    for (const f of kpi.facts) add('fact', f.value, kpi.period, f.label);
    for (const c of kpi.comparisons) {
      add('reference', c.reference);
      add('difference', c.difference);
    }
    if (kpi.target) add('target', kpi.target.value, kpi.target.period);
  }
  return rows;
}

/** The distinct report lines behind the figures shown, for the printed footer: L32, L52, L56-L58 … */
export function sourceLines(items: readonly Kpi[]): string[] {
  const lines = new Set<string>();
  for (const row of sourceRows(items)) if (row.provenance.source) lines.add(row.provenance.source);
  const first = (s: string) => Number(/\d+/.exec(s)?.[0] ?? 0);
  return [...lines].sort((a, b) => first(a) - first(b));
}
