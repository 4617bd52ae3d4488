/**
 * Figures derived from a monthly series: the month's own value (当月) from cumulative totals
 * (1–n月累计), the change against the month before (环比) and against the same month a year
 * earlier (同比). Each says how it was derived; one derived from an illustrative figure is
 * illustrative itself.
 */
import type { Measure, PeriodId, Provenance, Series, SeriesPoint, Unit } from '../api/common';
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

/** A change to one decimal, as statistics print it, with its significant digits. */
const changeOf = (value: number, unit: 'percent' | 'pp', provenance: Provenance): Measure => {
  const rounded = Math.round(value * 10) / 10;
  const digits = Math.max(1, Math.abs(rounded).toFixed(1).replace('.', '').replace(/^0+/, '').length);
  return { value: rounded, unit, digits, provenance };
};

/**
 * The change from `then` to `now` of a series in `unit`, as statistics print it: an amount's in
 * percent (`now ÷ then − 1`); a rate's (失业率, 增速, 产销率: a percentage) in percentage points
 * (`now − then`: 同比提高0.3个百分点, not 5.9%); none of a rank or of points, nor from nothing.
 */
function change(
  unit: Unit,
  [now, nowName]: [SeriesPoint, string],
  [then, thenName]: [SeriesPoint, string],
): Measure | null {
  const inputs = [now.provenance, then.provenance];
  if (unit === 'percent')
    return changeOf(now.value - then.value, 'pp', derivedFrom(`${nowName} − ${thenName}`, inputs));
  if (unit === 'pp' || unit === 'rank' || then.value <= 0) return null;
  const formula = `${nowName} ÷ ${thenName} − 1`;
  return changeOf(((now.value - then.value) / then.value) * 100, 'percent', derivedFrom(formula, inputs));
}

/**
 * 环比: the month's own value against the month before's (December's for January), as `change`
 * words it. Null for another kind of period, a missing month, or a month before with nothing to
 * compare with.
 */
export function monthOnMonth(series: Series, period: PeriodId): Measure | null {
  const month = monthOf(period);
  const now = monthValue(series, period);
  const then = month && monthValue(series, monthId(monthBefore(month)));
  if (!now || !then) return null;
  return change(series.unit, [now, `当月 ${period}`], [then, `当月 ${then.period}`]);
}

/**
 * 同比: the period's value against the same period a year earlier (a cumulative total against the
 * same months' total), as `change` words it. Null when that year's value is missing, or is no
 * base for a percentage.
 */
export function yearOnYear(series: Series, period: PeriodId): Measure | null {
  const p = parsePeriod(period);
  const now = pointAt(series, period);
  if (!p || !now) return null;
  const earlier = `${p.year - 1}${period.slice(4)}`;
  const then = pointAt(series, earlier);
  if (!then) return null;
  return change(series.unit, [now, period], [then, earlier]);
}
