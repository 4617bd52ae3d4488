import type { Series } from '../../../api/common';
import { ChangeMarker } from '../../../components/ChangeMarker';
import { formatMeasure, formatMonthShort, formatSeriesPoints } from '../../../lib/format';
import { localized } from '../../../lib/i18n';
import type { Locale } from '../../../lib/i18n';
import type { ScreenTranslate } from './messages';
import { valueScale } from './screenData';
import type { ScreenTrend } from './screenData';

/** The chart's drawing box, in canvas units (it is scaled with the canvas). */
const WIDTH = 640;
const HEIGHT = 170;
const PAD = { left: 12, right: 12, top: 44, bottom: 36 };
/** At most this many month labels under the line; the others are left out evenly. */
const MAX_LABELS = 8;

/** A line of the known points only (never an illustrative one), with its first and last values written at them. */
function Line({ series, label, locale }: { series: Series; label: string; locale: Locale }) {
  const { points, unit, cumulative } = series;
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const y = valueScale(
    points.map((p) => p.value),
    cumulative,
    innerH,
  );
  const x = (i: number) => PAD.left + (points.length === 1 ? innerW / 2 : (i / (points.length - 1)) * innerW);
  const at = points.map((p, i) => ({ p, x: x(i), y: PAD.top + y(p.value) }));
  const path = at.map((a, i) => `${i === 0 ? 'M' : 'L'}${a.x.toFixed(1)},${a.y.toFixed(1)}`).join(' ');
  const base = PAD.top + innerH;
  const step = Math.ceil(points.length / MAX_LABELS);
  const valueOf = (i: number) => {
    const point = points[i];
    return point ? formatMeasure({ value: point.value, unit, provenance: point.provenance }, locale) : '';
  };
  const last = at.length - 1;
  return (
    <svg
      className="screen-trend__chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`${label}: ${formatSeriesPoints(points, series, locale)}`}
    >
      <line className="screen-trend__axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={base} y2={base} />
      <path className="screen-trend__area" d={`${path} L${at[last]?.x ?? 0},${base} L${at[0]?.x ?? 0},${base} Z`} />
      <path className="screen-trend__line" d={path} />
      {at.map((a, i) => (
        <g key={a.p.period}>
          <circle className="screen-trend__dot" cx={a.x} cy={a.y} r={6} />
          {(i % step === 0 || i === last) && (
            <text
              className="screen-trend__month"
              x={a.x}
              y={HEIGHT - 8}
              // The first and last labels stay inside the chart's width.
              textAnchor={i === 0 && last > 0 ? 'start' : i === last && last > 0 ? 'end' : 'middle'}
            >
              {formatMonthShort(a.p.period, locale, cumulative)}
            </text>
          )}
        </g>
      ))}
      {last > 0 && (
        <text className="screen-trend__value" x={at[0]?.x} y={(at[0]?.y ?? 0) - 26} textAnchor="start">
          {valueOf(0)}
        </text>
      )}
      <text
        className="screen-trend__value screen-trend__value--last"
        x={at[last]?.x}
        y={(at[last]?.y ?? 0) - 14}
        textAnchor="end"
      >
        {valueOf(last)}
      </text>
    </svg>
  );
}

/**
 * The trend of a headline figure from its known points; with too few, the points in words; with
 * no monthly points at all, the changes on a year earlier the data gives, each with its ▲/▼.
 */
export function TrendPanel({ trend, locale, t }: { trend: ScreenTrend | null; locale: Locale; t: ScreenTranslate }) {
  if (trend === null) return <p className="screen-note screen-note--alone">{t('trend.none')}</p>;
  if (trend.kind === 'changes') {
    return (
      <div className="screen-trend">
        <p className="screen-trend__what">{t('trend.changes')}</p>
        <ul className="screen-changes">
          {trend.changes.slice(0, 4).map(({ kpi, change }) => (
            <li key={kpi.id} className="screen-changes__item">
              <span className="screen-changes__label">{localized(kpi.label, locale)}</span>
              <span className="screen-changes__value">
                <ChangeMarker change={change.value} />
                {formatMeasure(change, locale, { signed: true })}
              </span>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const label = t(trend.series.cumulative ? 'trend.cumulative' : 'trend.level', {
    label: localized(trend.kpi.label, locale),
  });
  return (
    <div className="screen-trend">
      <p className="screen-trend__what">{label}</p>
      {trend.kind === 'line' ? (
        <Line series={trend.series} label={label} locale={locale} />
      ) : (
        <>
          <p className="screen-trend__points">{formatSeriesPoints(trend.points, trend.series, locale)}</p>
          <p className="screen-note">{t('trend.twoPoints')}</p>
        </>
      )}
    </div>
  );
}
