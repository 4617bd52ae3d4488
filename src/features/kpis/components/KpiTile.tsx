import { memo, Suspense, useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Measure, PeriodId } from '../../../api/common';
import type { Kpi } from '../../../api/kpis';
import type { PeriodInfo } from '../../../api/meta';
import { ProvenanceBadge } from '../../../components/ProvenanceBadge';
import { formatMeasure, formatMeasureParts, formatMonthShort, formatPeriod, formatShare } from '../../../lib/format';
import { localized } from '../../../lib/i18n';
import { lazyComponent } from '../../../lib/lazyComponent';
import type { Locale } from '../../../lib/i18n';
import { comparisonText, paceVerdict, planCompletionText, yoyText } from '../../../lib/kpiWording';
import { paceOf } from '../../../domain/pace';
import { patchSearch } from '../../../lib/search';
import { useLocale, useT } from '../../../stores/prefs';
import { useQueuedMount } from '../../../lib/useQueuedMount';
import { kpiMessages } from '../messages';
import { illustrativePeriods } from '../model';

/** The tile's element id, so other parts of the page can link to it. */
export const kpiTileId = (id: string) => `kpi-${id}`;

// The sparkline's code is fetched when a tile with a trend renders; it is drawn in its turn, one per task.
const Sparkline = lazyComponent(() => import('./Sparkline').then((m) => m.default));

export const SPARK_SIZE = { normal: { width: 176, height: 36 }, large: { width: 176, height: 44 } } as const;

interface KpiTileProps {
  kpi: Kpi;
  large?: boolean;
  /** A short tag naming the tile's group (in the headline row, where tiles leave their group). */
  tag?: string;
  periods: readonly PeriodInfo[];
}

function periodLabel(id: PeriodId, periods: readonly PeriodInfo[], locale: Locale) {
  return formatPeriod(id, locale, { target: periods.some((p) => p.id === id && p.kind === 'target') });
}

function Value({ measure, large }: { measure: Measure; large: boolean }) {
  const locale = useLocale();
  return (
    <p className={`kpi-tile__value${large ? ' kpi-tile__value--large' : ''}`}>
      {formatMeasureParts(measure, locale).map((part, i) => (
        <span key={i} className={part.kind === 'number' ? 'kpi-tile__number' : 'kpi-tile__unit'}>
          {part.text}
        </span>
      ))}
    </p>
  );
}

function YoyBadge({ yoy }: { yoy: Measure }) {
  const locale = useLocale();
  const direction = yoy.value > 0 ? 'up' : yoy.value < 0 ? 'down' : 'flat';
  const arrow = { up: '▲', down: '▼', flat: '▶' }[direction];
  return (
    <span className={`kpi-badge kpi-badge--${direction}`}>
      <span aria-hidden="true">{arrow}</span> {yoyText(yoy, locale)}
    </span>
  );
}

function Target({ kpi, periods }: { kpi: Kpi; periods: readonly PeriodInfo[] }) {
  const t = useT(kpiMessages);
  const locale = useLocale();
  const labelId = useId();
  const target = kpi.target;
  if (!target) return null;
  const pace = paceOf(kpi.value, target, kpi.period);
  const targetText = t(target.kind === 'level' ? 'tile.target.level' : 'tile.target', {
    period: periodLabel(target.period, periods, locale),
    value: formatMeasure(target.value, locale),
  });
  const verdict = paceVerdict(pace, target.kind, locale);
  return (
    <div className="kpi-target">
      <p className="kpi-target__text" id={labelId}>
        {targetText}
      </p>
      {pace.progress !== null && pace.elapsed !== null && (
        <div
          className="kpi-progress"
          role="progressbar"
          aria-labelledby={labelId}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(pace.progress * 1000) / 10}
          aria-valuetext={t('tile.progress', {
            progress: formatShare(pace.progress, locale),
            elapsed: formatShare(pace.elapsed, locale),
          })}
        >
          <span className="kpi-progress__fill" style={{ width: `${Math.min(100, pace.progress * 100)}%` }} />
          <span className="kpi-progress__marker" style={{ left: `${pace.elapsed * 100}%` }} />
        </div>
      )}
      {pace.progress !== null && pace.elapsed !== null && (
        <p className="kpi-target__numbers" aria-hidden="true">
          {t('tile.progress.short', {
            progress: formatShare(pace.progress, locale),
            elapsed: formatShare(pace.elapsed, locale),
          })}
        </p>
      )}
      {verdict && <p className={`kpi-pace kpi-pace--${pace.kind}`}>{verdict}</p>}
    </div>
  );
}

function NoData({ kpi, periods }: { kpi: Kpi; periods: readonly PeriodInfo[] }) {
  const t = useT(kpiMessages);
  const locale = useLocale();
  const [search] = useSearchParams();
  const others = kpi.availablePeriods.filter((p) => p !== kpi.period);
  return (
    <div className="kpi-tile__nodata">
      <p className="kpi-tile__nodata-text">{t('noData')}</p>
      {others.length > 0 ? (
        <p className="kpi-tile__nodata-links">
          {t('noData.available')}{' '}
          {others.map((p, i) => (
            <span key={p}>
              {i > 0 && ' · '}
              <Link to={{ pathname: '/', search: `?${patchSearch(search, { period: p }).toString()}` }}>
                {periodLabel(p, periods, locale)}
              </Link>
            </span>
          ))}
        </p>
      ) : (
        !kpi.target && <p className="kpi-tile__nodata-links">{t('noData.none')}</p>
      )}
    </div>
  );
}

function Trend({ kpi, large }: { kpi: Kpi; large: boolean }) {
  const t = useT(kpiMessages);
  const locale = useLocale();
  const mounted = useQueuedMount(Sparkline.load) === 'ready';
  const series = kpi.series;
  if (!series || series.points.length < 2) return null;
  const size = large ? SPARK_SIZE.large : SPARK_SIZE.normal;
  const placeholder = <span className="kpi-trend__placeholder" style={size} />;
  const illustrative = illustrativePeriods(series);
  const first = illustrative[0];
  const last = illustrative[illustrative.length - 1];
  const months =
    first === undefined || last === undefined
      ? ''
      : first === last
        ? formatMonthShort(first, locale, false)
        : `${formatMonthShort(first, locale, false)}–${formatMonthShort(last, locale, false)}`;
  const description = t('trend.label', {
    label: localized(kpi.label, locale),
    points: series.points
      .map(
        (p) =>
          `${formatMonthShort(p.period, locale, series.cumulative)} ${formatMeasure({ value: p.value, unit: series.unit, provenance: p.provenance }, locale)}`,
      )
      .join(locale === 'zh-CN' ? '，' : ', '),
  });
  return (
    <div className="kpi-trend">
      <div className="kpi-trend__chart" role="img" aria-label={description} style={size}>
        {mounted ? (
          <Suspense fallback={placeholder}>
            <Sparkline.Component series={series} width={size.width} height={size.height} />
          </Suspense>
        ) : (
          placeholder
        )}
      </div>
      <p className="kpi-trend__note">
        {illustrative.length > 0 ? t('trend.illustrative', { months }) : t('trend.reported')}
      </p>
    </div>
  );
}

/** Tall: the tile draws a progress bar or a trend line under its figures. */
export function tileSize(kpi: Kpi): 'tall' | 'short' {
  if (!kpi.value) return 'short';
  const trend = (kpi.series?.points.length ?? 0) >= 2;
  const progress = kpi.target?.kind === 'cumulative' && paceOf(kpi.value, kpi.target, kpi.period).progress !== null;
  return trend || progress ? 'tall' : 'short';
}

/**
 * One headline figure: value, period, change, target and pace, comparisons, trend and provenance.
 * Memoised: the page re-renders as its queries settle, a tile only when its figure or language changes.
 */
export const KpiTile = memo(function KpiTile({ kpi, large = false, tag, periods }: KpiTileProps) {
  const t = useT(kpiMessages);
  const locale = useLocale();
  const titleId = useId();
  const provenance = kpi.value?.provenance ?? kpi.target?.value.provenance;
  const comparisons = kpi.comparisons.map((c) => comparisonText(c, locale)).filter((s): s is string => s !== null);
  return (
    <article
      id={kpiTileId(kpi.id)}
      tabIndex={-1}
      className={`kpi-tile${large ? ' kpi-tile--large' : ''}`}
      // A target's progress or a trend makes a tile tall (two grid rows); the grid packs short ones beside it.
      data-size={tileSize(kpi)}
      aria-labelledby={titleId}
    >
      <header className="kpi-tile__head">
        {tag && <span className="kpi-tile__tag">{tag}</span>}
        <h3 className="kpi-tile__label" id={titleId}>
          {localized(kpi.label, locale)}
        </h3>
      </header>
      {kpi.value ? <Value measure={kpi.value} large={large} /> : <NoData kpi={kpi} periods={periods} />}
      <p className="kpi-tile__meta">
        <span className="kpi-tile__period">
          {t('tile.period', { period: periodLabel(kpi.period, periods, locale) })}
        </span>
        {provenance && <ProvenanceBadge provenance={provenance} />}
      </p>
      {kpi.value && (kpi.yoy || kpi.planCompletion) && (
        <p className="kpi-tile__changes">
          {kpi.yoy && <YoyBadge yoy={kpi.yoy} />}
          {kpi.planCompletion && (
            <span className="kpi-tile__plan">{planCompletionText(kpi.planCompletion, locale)}</span>
          )}
        </p>
      )}
      {kpi.value && comparisons.length > 0 && (
        <ul className="kpi-tile__comparisons">
          {comparisons.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
      {kpi.value && kpi.facts.length > 0 && (
        <dl className="kpi-tile__facts">
          {kpi.facts.map((f) => (
            <div key={f.label.en}>
              <dt>{localized(f.label, locale)}</dt>
              <dd>
                {formatMeasure(f.value, locale)}{' '}
                {/* Each figure shows its own line: a fact may come from another line than the tile's value. */}
                <ProvenanceBadge provenance={f.value.provenance} compact />
              </dd>
            </div>
          ))}
        </dl>
      )}
      <Target kpi={kpi} periods={periods} />
      {kpi.value && <Trend kpi={kpi} large={large} />}
    </article>
  );
});
