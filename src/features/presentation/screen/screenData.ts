/**
 * What each panel of the one-screen layout shows, chosen from the wall screen's answers: pure
 * functions, so the choices (which figures, which shares, which trend) are tested where they live.
 */
import type { Measure, PeriodId, SectorId, Series, SeriesPoint } from '../../../api/common';
import type { Kpi } from '../../../api/kpis';
import type { SectorFigure } from '../../../api/sectors';
import { isGrowthRate } from '../../../domain/kpi';
import { valuePeriodOf } from '../../../domain/pace';
import { trendOf } from '../../../domain/trend';

/** As many headline figures as the screen's top row holds. */
export const HEADLINE_SLOTS = 6;

/** The figures of the top row: the district's headline figures (and the chosen sector's), those with a value. */
export const headlineFigures = (items: readonly Kpi[]): Kpi[] =>
  items.filter((k) => k.value && (k.headline || k.sector !== null)).slice(0, HEADLINE_SLOTS);

/**
 * The district's annual targets: `progress`, those with a figure of the period itself; `without`,
 * the others. A value of an earlier period (2022's output, the latest up to this one) is no
 * progress towards this year's target.
 */
export function annualTargets(items: readonly Kpi[], period: PeriodId): { progress: Kpi[]; without: Kpi[] } {
  const targets = items.filter((k) => k.sector === null && k.target !== null);
  const current = (k: Kpi) => k.value !== null && valuePeriodOf(k) === period;
  return { progress: targets.filter(current), without: targets.filter((k) => !current(k)) };
}

export interface StructureRow {
  id: SectorId;
  label: SectorFigure['label'];
  value: Measure;
  growth: Measure | null;
  /** Share of the whole the panel says it is of (see `basis`), 0–1; null when there is none to speak of. */
  share: number | null;
  /** The source gives the figure without its period (L42). */
  assumedPeriod: boolean;
}

export interface Structure {
  /** What the shares are of: the figure measured (output, else firms). */
  measure: 'output' | 'firms';
  /**
   * `district`: every row has its reported share of the district (占全区比重); `listed`: shares of
   * the listed sectors' sum, said so on screen; `none`: one sector alone has a figure.
   */
  basis: 'district' | 'listed' | 'none';
  rows: StructureRow[];
  /** The sum of the rows' values, in their unit. */
  total: Measure | null;
}

/**
 * The sectors that have a figure, largest first, with their shares. Output when any sector has
 * it, else firm counts. Reported shares of the district are used when every row has one; else the
 * shares are of the listed sectors' sum (a derived figure, labelled so), never of a district
 * total the data does not give.
 */
export function sectorStructure(items: readonly SectorFigure[]): Structure | null {
  const measure = items.some((s) => s.output) ? 'output' : items.some((s) => s.firms) ? 'firms' : null;
  if (measure === null) return null;
  const withValue = items
    .flatMap((s) => {
      const value = s[measure];
      return value ? [{ s, value }] : [];
    })
    .sort((a, b) => b.value.value - a.value.value);
  const sum = withValue.reduce((acc, { value }) => acc + value.value, 0);
  const basis =
    withValue.every(({ s }) => s.share) && measure === 'output' ? 'district' : withValue.length > 1 ? 'listed' : 'none';
  const rows = withValue.map(({ s, value }): StructureRow => {
    const share =
      basis === 'district' ? (s.share?.value ?? 0) / 100 : basis === 'listed' && sum > 0 ? value.value / sum : null;
    return {
      id: s.id,
      label: s.label,
      value,
      growth: measure === 'output' ? s.growth : null,
      share,
      assumedPeriod: Boolean(value.provenance.assumedPeriod || s.growth?.provenance.assumedPeriod),
    };
  });
  const first = withValue[0]?.value;
  const total: Measure | null = first
    ? { value: sum, unit: first.unit, provenance: { kind: 'derived', formula: 'sum of the listed sectors' } }
    : null;
  return { measure, basis, rows, total };
}

export type ScreenTrend =
  | { kind: 'line'; kpi: Kpi; series: Series }
  | { kind: 'text'; kpi: Kpi; series: Series; points: SeriesPoint[] }
  | { kind: 'changes'; changes: { kpi: Kpi; change: Measure }[] };

/**
 * The trend the screen draws: of the figures in the order given (headline first), the first whose
 * known points make a line; else the first with two known points, in words; else the changes on
 * last year the data gives (同比, and growth rates), which are what it knows of direction; null
 * when it knows none of these.
 */
export function screenTrend(items: readonly Kpi[]): ScreenTrend | null {
  const ordered = [...items.filter((k) => k.headline), ...items.filter((k) => !k.headline)];
  let text: ScreenTrend | null = null;
  for (const kpi of ordered) {
    const trend = trendOf(kpi.series);
    if (trend?.kind === 'line') return { kind: 'line', kpi, series: trend.series };
    if (trend?.kind === 'text' && text === null && kpi.series) {
      text = { kind: 'text', kpi, series: kpi.series, points: trend.points };
    }
  }
  if (text) return text;
  const changes = ordered.flatMap((kpi) => {
    const change = kpi.yoy ?? (isGrowthRate(kpi) ? kpi.value : null);
    return change && change.provenance.kind !== 'illustrative' ? [{ kpi, change }] : [];
  });
  return changes.length > 0 ? { kind: 'changes', changes } : null;
}

/** Where a line of `values` sits on a chart `height` high: cumulative totals from zero, levels from a little below their least. */
export function valueScale(values: readonly number[], cumulative: boolean, height: number) {
  const max = Math.max(...values);
  const min = Math.min(...values);
  const spread = max - min || Math.abs(max) || 1;
  const low = cumulative && min >= 0 ? 0 : min - spread * 0.2;
  const high = max + spread * 0.1;
  return (v: number) => height - ((v - low) / (high - low)) * height;
}

/** `period` is a period of the year's targets (the full year 2023), as /meta lists it. */
export const isTargetPeriod = (periods: readonly { id: PeriodId; kind: string }[] | undefined, period: PeriodId) =>
  periods?.some((p) => p.id === period && p.kind === 'target') ?? false;
