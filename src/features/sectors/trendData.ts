/** What a sector's trend chart draws (TrendPlot.tsx) and lists (TrendChart.tsx): one point per month. */
import type { Series } from '../../api/common';
import { formatMeasure, formatMoney, formatMonthShort } from '../../lib/format';
import type { Locale } from '../../lib/i18n';

export interface TrendPoint {
  name: string;
  /** Every point, drawn as the dashed line (the illustrative shape of the year). */
  all: number;
  /** Reported points only, drawn as filled dots. */
  reported: number | null;
  illustrative: boolean;
  label: string;
}

export function trendPoints(series: Series | null, locale: Locale): TrendPoint[] {
  return (series?.points ?? []).map((p) => {
    const m = { value: p.value, unit: series?.unit ?? 'cny', provenance: p.provenance } as const;
    return {
      name: formatMonthShort(p.period, locale, series?.cumulative ?? true),
      all: p.value,
      reported: p.provenance.kind === 'illustrative' ? null : p.value,
      illustrative: p.provenance.kind === 'illustrative',
      label: m.unit === 'cny' ? formatMoney(m.value, locale) : formatMeasure(m, locale),
    };
  });
}
