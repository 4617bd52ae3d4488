/**
 * Figures derived from a monthly series: the month's own value (当月) from cumulative totals
 * (1–n月累计), the change against the month before (环比) and against the same month a year
 * earlier (同比). Each says how it was derived; one derived from an illustrative figure is
 * illustrative itself.
 */
import type { Measure, PeriodId, Provenance, Series, SeriesPoint } from '../api/common';
import { parsePeriod } from './periods';

interface Month {
  year: number;
  month: number;
}

const monthOf = (id: PeriodId): Month | null => {
  const p = parsePeriod(id);
  return p?.kind === 'ytd' ? { year: p.year, month: p.n } : null;
};
const monthId = ({ year, month }: Month): PeriodId => `${year}M${String(month).padStart(2, '0')}`;
const monthBefore = ({ year, month }: Month): Month =>
  month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };

const pointAt = (series: Series, period: PeriodId): SeriesPoint | null =>
  series.points.find((p) => p.period === period) ?? null;

/** Derived by `formula` from `inputs`: illustrative if any input is. */
function derivedFrom(formula: string, inputs: readonly Provenance[]): Provenance {
  return inputs.some((p) => p.kind === 'illustrative') ? { kind: 'illustrative' } : { kind: 'derived', formula };
}

/**
 * The month's own value (当月) for a monthly period (`YYYYMmm`). Of a cumulative series, the
 * month's total less the month before's; January's is its total, as the sum starts again each
 * year. Of a series of the months' own values, its point. Null for another kind of period or
 * when a total it needs is missing.
 */
export function monthValue(series: Series, period: PeriodId): SeriesPoint | null {
  const month = monthOf(period);
  const total = pointAt(series, period);
  if (!month || !total) return null;
  if (!series.cumulative || month.month === 1) return total;
  const before = pointAt(series, monthId(monthBefore(month)));
  if (!before) return null;
  return {
    period,
    value: total.value - before.value,
    provenance: derivedFrom(`${period} − ${before.period}`, [total.provenance, before.provenance]),
  };
}

/** A change in percent, to one decimal as statistics print it. */
function percentChange(now: SeriesPoint, then: SeriesPoint, formula: string): Measure | null {
  if (then.value <= 0) return null;
  const value = Math.round(((now.value - then.value) / then.value) * 1000) / 10;
  const digits = Math.max(1, Math.abs(value).toFixed(1).replace('.', '').replace(/^0+/, '').length);
  return { value, unit: 'percent', digits, provenance: derivedFrom(formula, [now.provenance, then.provenance]) };
}

/**
 * 环比: the month's own value against the month before's (December's for January), in percent.
 * Null for another kind of period, a missing month, or a month before with nothing to compare with.
 */
export function monthOnMonth(series: Series, period: PeriodId): Measure | null {
  const month = monthOf(period);
  const now = monthValue(series, period);
  const then = month && monthValue(series, monthId(monthBefore(month)));
  if (!now || !then) return null;
  return percentChange(now, then, `当月 ${period} ÷ 当月 ${then.period} − 1`);
}

/**
 * 同比: the period's value against the same period a year earlier, in percent (a cumulative
 * total against the same months' total). Null when that year's value is missing or not positive.
 */
export function yearOnYear(series: Series, period: PeriodId): Measure | null {
  const p = parsePeriod(period);
  const now = pointAt(series, period);
  if (!p || !now) return null;
  const earlier = `${p.year - 1}${period.slice(4)}`;
  const then = pointAt(series, earlier);
  if (!then) return null;
  return percentChange(now, then, `${period} ÷ ${earlier} − 1`);
}
