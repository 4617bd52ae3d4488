/**
 * How the overview arranges the API's figures: which tiles go in the headline row, which
 * group each belongs to, what the sector filter does, and the list of every number's source.
 */
import type { LocalizedText, Measure, PeriodId, Provenance, SectorId } from '../../api/common';
import type { Kpi, KpiGroup } from '../../api/kpis';
import { trendOf } from '../../domain/trend';

export interface OverviewLayout {
  /** Tiles of the chosen sector, shown first in their own group; empty without a sector filter. */
  sector: Kpi[];
  /** The most important district-wide figures, shown larger. */
  headline: Kpi[];
  /** The other district-wide figures by group, in the catalog's order; groups without one are left out. */
  groups: { group: KpiGroup; items: Kpi[] }[];
  /** Figures with an annual target and no value yet: one compact row of targets. */
  targets: Kpi[];
  /** Figures with neither a value up to the period nor a target: named in one line, never an empty tile. */
  pending: Kpi[];
}

/** A tile is drawn only for a figure that has a value (its latest up to the period). */
const hasValue = (k: Kpi) => k.value !== null;

/** `groups`: the groups' order (/meta's kpiGroups); a group it does not name comes after them. */
export function arrangeOverview(
  items: readonly Kpi[],
  sector: SectorId | null,
  groups: readonly KpiGroup[],
): OverviewLayout {
  const shown = items.filter((k) => k.sector === null || k.sector === sector);
  const district = shown.filter((k) => k.sector === null && hasValue(k));
  return {
    sector: sector === null ? [] : shown.filter((k) => k.sector === sector && hasValue(k)),
    headline: district.filter((k) => k.headline),
    groups: [...new Set([...groups, ...district.map((k) => k.group)])]
      .map((group) => ({
        group,
        items: district.filter((k) => !k.headline && k.group === group),
      }))
      .filter((g) => g.items.length > 0),
    targets: shown.filter((k) => !hasValue(k) && k.target !== null),
    pending: shown.filter((k) => !hasValue(k) && k.target === null),
  };
}

/**
 * The name of the indicator that reports the period-target completion of `kpi`'s task (完成当期招商
 * 目标任务 for 签约资金), for its tile's verdict; none when that is the figure itself or not among `items`.
 */
export function taskLabel(kpi: Kpi, items: readonly Kpi[]): LocalizedText | undefined {
  const task = kpi.periodTarget?.kpi;
  return task && task !== kpi.id ? items.find((k) => k.id === task)?.label : undefined;
}

/**
 * The layout the overview has at the default period (2023H1) once its figures arrive: the
 * skeleton draws the same number of tiles per group, and keeps the lines of targets and of what
 * is not yet published.
 */
export const SKELETON_LAYOUT: { headline: number; groups: readonly (readonly [KpiGroup, number])[] } = {
  headline: 6,
  groups: [
    ['industry', 2],
    ['attraction', 1],
    ['projects', 1],
    ['private', 1],
    ['sme', 2],
  ],
};

export type SourceRole =
  'value' | 'target' | 'yoy' | 'monthValue' | 'mom' | 'planCompletion' | 'fact' | 'reference' | 'difference' | 'trend';

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
    const own = kpi.valuePeriod ?? kpi.period;
    const add = (role: SourceRole, measure: Measure | null, period = own, factLabel?: Kpi['label']) => {
      if (measure) rows.push({ kpi, role, measure, period, provenance: measure.provenance, factLabel });
    };
    add('value', kpi.value);
    add('monthValue', kpi.monthValue ?? null);
    add('yoy', kpi.yoy);
    add('mom', kpi.mom ?? null);
    add('planCompletion', kpi.planCompletion);
    for (const f of kpi.facts) add('fact', f.value, own, f.label);
    for (const c of kpi.comparisons) {
      add('reference', c.reference);
      add('difference', c.difference);
    }
    if (kpi.target) add('target', kpi.target.value, kpi.target.period);
    const trend = trendOf(kpi.series);
    const points = trend?.kind === 'line' ? trend.series.points : (trend?.points ?? []);
    for (const p of points) {
      if (p.period === kpi.valuePeriod) continue;
      add('trend', { value: p.value, unit: kpi.series?.unit ?? 'cny', provenance: p.provenance }, p.period);
    }
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
