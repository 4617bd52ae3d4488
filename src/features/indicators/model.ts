/**
 * What the indicator page draws and lists, from its history (/kpis/{id}/history): the trend over
 * every period, and the same months of each year side by side.
 */
import type { Measure, PeriodId } from '../../api/common';
import type { KpiHistory, KpiHistoryPoint } from '../../api/history';
import { parsePeriod, periodEndDate } from '../../domain/periods';
import { MIN_TREND_POINTS } from '../../domain/trend';

/** A value is drawn only when it is known: an illustrative one is listed, never drawn. */
const known = (m: Measure | null): number | null => (m && m.provenance.kind !== 'illustrative' ? m.value : null);

export interface TrendDatum {
  period: PeriodId;
  /** The value as published (a running total for 累计 figures). */
  value: number | null;
  /** The month's own value (当月), derived. */
  month: number | null;
}

export interface Trend {
  data: TrendDatum[];
  /** Whether the month's own value is drawn beside the running total. */
  hasMonth: boolean;
  /** Too few known values to draw a line (a table and a sentence say them). */
  few: boolean;
}

export function trendOf(history: KpiHistory): Trend {
  const data = history.points.map((p) => ({ period: p.period, value: known(p.value), month: known(p.monthValue) }));
  const drawn = data.filter((d) => d.value !== null).length;
  return { data, hasMonth: data.some((d) => d.month !== null), few: drawn < MIN_TREND_POINTS };
}

/** A month's point of one year, with its 同比. */
export interface SameMonthCell {
  point: KpiHistoryPoint;
  /** Drawn: the value when it is known. */
  drawn: number | null;
}

export interface SameMonths {
  years: number[];
  /** Months 1–12 that any year has, in order, each with its cells by year. */
  months: { month: number; byYear: Map<number, SameMonthCell> }[];
  /** Fewer than two years share a month: nothing to compare. */
  single: boolean;
}

/**
 * The monthly points (1–n月, YYYYMmm) by month and year: December's total and January's, which
 * starts the sum again, sit in rows of their own. A month a year lacks stays empty.
 */
export function sameMonthsOf(history: KpiHistory): SameMonths {
  const years = new Set<number>();
  const byMonth = new Map<number, Map<number, SameMonthCell>>();
  for (const point of history.points) {
    const p = parsePeriod(point.period);
    if (p?.kind !== 'ytd') continue;
    years.add(p.year);
    const row = byMonth.get(p.n) ?? new Map<number, SameMonthCell>();
    row.set(p.year, { point, drawn: known(point.value) });
    byMonth.set(p.n, row);
  }
  const months = [...byMonth.entries()].sort(([a], [b]) => a - b).map(([month, byYear]) => ({ month, byYear }));
  return {
    years: [...years].sort((a, b) => a - b),
    months,
    single: !months.some((m) => m.byYear.size > 1),
  };
}

/**
 * The point the address's period picks: that period, else the latest point ending before it
 * (the figure a release prints as its latest for the period); null when none is that early.
 */
export function pickedPoint(history: KpiHistory, period: PeriodId | null): PeriodId | null {
  if (period === null) return null;
  const limit = periodEndDate(period);
  if (limit === null) return null;
  if (history.points.some((p) => p.period === period)) return period;
  const earlier = history.points.filter((p) => (periodEndDate(p.period) ?? '') <= limit);
  return earlier.at(-1)?.period ?? null;
}
