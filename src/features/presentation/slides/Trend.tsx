import type { Series } from '../../../api/common';
import { trendOf } from '../../../domain/trend';
import { formatMonthShort } from '../../../lib/format';
import type { Locale } from '../../../lib/i18n';
import type { PresentationTranslate } from '../messages';

/**
 * A figure's course over the year as a line, with the months it covers. Only known points are drawn, and only from three of them on (domain/trend);
 * otherwise nothing. Plain SVG: the wall screen loads no charting library.
 */
export function Trend({ series, locale, t }: { series: Series | null; locale: Locale; t: PresentationTranslate }) {
  const trend = trendOf(series);
  if (trend?.kind !== 'line') return null;
  const points = trend.series.points;
  const values = points.map((p) => p.value);
  const min = Math.min(0, ...values);
  const span = Math.max(...values) - min || 1;
  const line = points
    .map((p, i) => `${(i / (points.length - 1)) * 100},${40 - ((p.value - min) / span) * 38}`)
    .join(' ');
  const first = points[0];
  const last = points[points.length - 1];
  return (
    <div className="wall-trend">
      <svg className="wall-trend__plot" viewBox="0 0 100 40" preserveAspectRatio="none" aria-hidden="true">
        <polygon className="wall-trend__area" points={`0,40 ${line} 100,40`} />
        <polyline className="wall-trend__line" points={line} vectorEffect="non-scaling-stroke" />
      </svg>
      {first && last && (
        <p className="wall-trend__span">
          {t(trend.series.cumulative ? 'trend.cumulative' : 'trend.monthly', {
            from: formatMonthShort(first.period, locale, false),
            to: formatMonthShort(last.period, locale, false),
          })}
        </p>
      )}
    </div>
  );
}
