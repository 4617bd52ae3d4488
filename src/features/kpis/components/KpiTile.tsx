import { memo, Suspense, useId } from 'react';
import type { LocalizedText, Measure, PeriodId } from '../../../api/common';
import type { Kpi } from '../../../api/kpis';
import type { PeriodInfo } from '../../../api/meta';
import { AppLink } from '../../../components/AppLink';
import { ChangeMarker } from '../../../components/ChangeMarker';
import { MeasureText, TextWithFigures } from '../../../components/FigureText';
import { ProvenanceBadge } from '../../../components/ProvenanceBadge';
import { formatMeasure, formatPeriod, formatSeriesPoints, formatShare } from '../../../lib/format';
import { localized } from '../../../lib/i18n';
import { lazyComponent } from '../../../lib/lazyComponent';
import type { Locale } from '../../../lib/i18n';
import { changeText, comparisonText, monthValueText, paceText, planCompletionText } from '../../../lib/kpiWording';
import { paceOf, scheduleVerdict, valuePeriodOf } from '../../../domain/pace';
import { useLocale, useT } from '../../../stores/prefs';
import { useQueuedMount } from '../../../lib/useQueuedMount';
import { kpiMessages } from '../messages';
import { trendOf } from '../../../domain/trend';
import { isGrowthRate, targetWording } from '../../../domain/kpi';
import './KpiTile.css';

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
  /** The indicator that reports the period-target completion of this figure's task, when it is another one. */
  taskLabel?: LocalizedText;
}

function periodLabel(id: PeriodId, periods: readonly PeriodInfo[], locale: Locale) {
  return formatPeriod(id, locale, { target: periods.some((p) => p.id === id && p.kind === 'target') });
}

function Value({ measure, large, change }: { measure: Measure; large: boolean; change: boolean }) {
  return (
    <p className={`kpi-tile__value${large ? ' kpi-tile__value--large' : ''}`}>
      <MeasureText measure={measure} parts before={change && <ChangeMarker change={measure.value} />} />
    </p>
  );
}

/** A change (同比, 环比) with its direction marked in shape as well as colour. */
function ChangeBadge({
  kind,
  change,
  lowerIsBetter,
}: {
  kind: 'yoy' | 'mom';
  change: Measure;
  lowerIsBetter: boolean;
}) {
  const locale = useLocale();
  const direction = change.value > 0 ? 'up' : change.value < 0 ? 'down' : 'flat';
  return (
    <span className={`kpi-badge kpi-badge--${direction}${lowerIsBetter ? ' kpi-badge--inverse' : ''}`}>
      <ChangeMarker change={change.value} lowerIsBetter={lowerIsBetter} />
      <TextWithFigures text={changeText(kind, change, locale)} />
    </span>
  );
}

/** The message saying a target, by how it is worded. */
const TARGET_KEYS = { total: 'tile.target', rate: 'tile.target.level', cap: 'tile.target.cap' } as const;

/**
 * The annual target, the share of it reached against the share of the year gone (序时进度), and
 * the verdict: the period-target completion the source reports for the figure's task where there
 * is one (序时进度 is then context only), else the pace.
 */
function Target({ kpi, periods, taskLabel }: { kpi: Kpi; periods: readonly PeriodInfo[]; taskLabel?: LocalizedText }) {
  const t = useT(kpiMessages);
  const locale = useLocale();
  const labelId = useId();
  const target = kpi.target;
  if (!target) return null;
  // Judged at the end of the value's own period, not of the period asked for.
  const pace = paceOf(kpi.value, target, valuePeriodOf(kpi), kpi.direction);
  const schedule = scheduleVerdict(kpi);
  const targetText = t(TARGET_KEYS[targetWording(kpi, target)], {
    period: periodLabel(target.period, periods, locale),
    value: formatMeasure(target.value, locale),
  });
  const reported = schedule.kind === 'periodTargetMet' || schedule.kind === 'periodTargetMissed';
  const verdict = reported
    ? schedule.completionKpi && schedule.completion && taskLabel
      ? t(schedule.kind === 'periodTargetMet' ? 'tile.task.met' : 'tile.task.missed', {
          task: localized(taskLabel, locale),
          value: formatMeasure(schedule.completion, locale),
        })
      : null
    : paceText(pace, target.kind, locale);
  return (
    <div className="kpi-target">
      <p className="kpi-target__text" id={labelId}>
        <TextWithFigures text={targetText} />
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
          <TextWithFigures
            text={t('tile.progress.short', {
              progress: formatShare(pace.progress, locale),
              elapsed: formatShare(pace.elapsed, locale),
            })}
          />
        </p>
      )}
      {verdict && (
        <p className={`kpi-pace kpi-pace--${reported ? schedule.kind : pace.kind}`}>
          <TextWithFigures text={verdict} />
        </p>
      )}
    </div>
  );
}

/** The trend from known points only: a line from three points on, in words below that. */
function Trend({ kpi, large }: { kpi: Kpi; large: boolean }) {
  const t = useT(kpiMessages);
  const locale = useLocale();
  const mounted = useQueuedMount(Sparkline.load) === 'ready';
  const trend = trendOf(kpi.series);
  if (!trend || !kpi.series) return null;
  if (trend.kind === 'text') {
    return (
      <p className="kpi-trend__text">
        <TextWithFigures text={t('trend.text', { points: formatSeriesPoints(trend.points, kpi.series, locale) })} />
      </p>
    );
  }
  const { series } = trend;
  const size = large ? SPARK_SIZE.large : SPARK_SIZE.normal;
  const placeholder = <span className="kpi-trend__placeholder" style={size} />;
  const description = t('trend.label', {
    label: localized(kpi.label, locale),
    points: formatSeriesPoints(series.points, series, locale),
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
    </div>
  );
}

/** Tall: the tile draws a progress bar or a trend line under its figures. */
export function tileSize(kpi: Kpi): 'tall' | 'short' {
  if (!kpi.value) return 'short';
  const trend = trendOf(kpi.series)?.kind === 'line';
  const progress =
    kpi.target?.kind === 'cumulative' && paceOf(kpi.value, kpi.target, valuePeriodOf(kpi)).progress !== null;
  return trend || progress ? 'tall' : 'short';
}

/**
 * One figure: its latest value up to the chosen period (with that value's own period when it is
 * another), change, target and pace, comparisons, trend and provenance. Only a figure with a value
 * has a tile; the overview lists the others in words.
 * Memoised: the page re-renders as its queries settle, a tile only when its figure or language changes.
 */
export const KpiTile = memo(function KpiTile({ kpi, large = false, tag, periods, taskLabel }: KpiTileProps) {
  const t = useT(kpiMessages);
  const locale = useLocale();
  const titleId = useId();
  const provenance = kpi.value?.provenance ?? kpi.target?.value.provenance;
  const comparisons = kpi.comparisons.map((c) => comparisonText(c, locale)).filter((s): s is string => s !== null);
  // January's own value is its total: said once, as the value.
  const monthValue = kpi.monthValue && kpi.monthValue.value !== kpi.value?.value ? kpi.monthValue : null;
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
      {kpi.value && <Value measure={kpi.value} large={large} change={isGrowthRate(kpi)} />}
      <p className="kpi-tile__meta">
        {kpi.valuePeriod && kpi.valuePeriod !== kpi.period && (
          <span className="kpi-tile__period">
            {t('tile.valuePeriod', { period: periodLabel(kpi.valuePeriod, periods, locale) })}
          </span>
        )}
        {provenance && <ProvenanceBadge provenance={provenance} />}
        {/* The indicator over all its months and the same months of other years, on a page of its own. */}
        <AppLink to={`/indicators/${encodeURIComponent(kpi.id)}`} className="kpi-tile__history">
          {t('tile.history')} <span className="visually-hidden">{localized(kpi.label, locale)}</span>
        </AppLink>
      </p>
      {kpi.value && (kpi.yoy || kpi.mom || kpi.planCompletion || monthValue) && (
        <p className="kpi-tile__changes">
          {monthValue && (
            <span className="kpi-tile__plan">
              <TextWithFigures text={monthValueText(monthValue, locale)} />
            </span>
          )}
          {kpi.yoy && <ChangeBadge kind="yoy" change={kpi.yoy} lowerIsBetter={kpi.direction === 'lower'} />}
          {kpi.mom && <ChangeBadge kind="mom" change={kpi.mom} lowerIsBetter={kpi.direction === 'lower'} />}
          {kpi.planCompletion && (
            <span className="kpi-tile__plan">
              <TextWithFigures text={planCompletionText(kpi.planCompletion, locale)} />
            </span>
          )}
        </p>
      )}
      {kpi.value && comparisons.length > 0 && (
        <ul className="kpi-tile__comparisons">
          {comparisons.map((text) => (
            <li key={text}>
              <TextWithFigures text={text} />
            </li>
          ))}
        </ul>
      )}
      {kpi.value && kpi.facts.length > 0 && (
        <dl className="kpi-tile__facts">
          {kpi.facts.map((f) => (
            <div key={f.label.en}>
              <dt>
                <TextWithFigures text={localized(f.label, locale)} />
              </dt>
              <dd>
                <MeasureText measure={f.value} />{' '}
                {/* Each figure shows its own line: a fact may come from another line than the tile's value. */}
                <ProvenanceBadge provenance={f.value.provenance} compact />
              </dd>
            </div>
          ))}
        </dl>
      )}
      <Target kpi={kpi} periods={periods} taskLabel={taskLabel} />
      {kpi.value && <Trend kpi={kpi} large={large} />}
    </article>
  );
});
