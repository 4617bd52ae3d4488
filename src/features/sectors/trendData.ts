/** What a sector's trend chart draws (TrendPlot.tsx) and lists (TrendChart.tsx): one point per known month. */
import type { Series, SeriesPoint } from '../../api/common';
import { formatMeasure, formatMoney, formatMonthShort } from '../../lib/format';
import type { Locale } from '../../lib/i18n';

export interface TrendPoint {
  name: string;
  value: number;
  label: string;
}

/** The points of a trend line, all of them known (the caller leaves illustrative ones out). */
export function trendPoints(series: Series, points: readonly SeriesPoint[], locale: Locale): TrendPoint[] {
  return points.map((p) => {
    const m = { value: p.value, unit: series.unit, provenance: p.provenance } as const;
    return {
      name: formatMonthShort(p.period, locale, series.cumulative),
      value: p.value,
      label: m.unit === 'cny' ? formatMoney(m.value, locale) : formatMeasure(m, locale),
    };
  });
}
