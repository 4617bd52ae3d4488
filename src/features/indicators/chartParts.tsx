/** What both of the indicator page's charts share: the value axis, the cells of their tables and the plot's slot. */
import { Suspense } from 'react';
import type { Measure, PeriodId, Unit } from '../../api/common';
import type { KpiHistory } from '../../api/history';
import type { ChartRenderArgs } from '../../components/ChartFrame';
import { MeasureText } from '../../components/FigureText';
import { formatMeasure, formatPeriod } from '../../lib/format';
import type { Locale, Translate } from '../../lib/i18n';
import { lazyComponent } from '../../lib/lazyComponent';
import { formatNumber } from '../../lib/numberParts';
import { useQueuedMount } from '../../lib/useQueuedMount';
import type { LinesPlotProps } from './LinesPlot';
import type { IndicatorMessageKey } from './messages';

const LinesPlot = lazyComponent(() => import('./LinesPlot').then((m) => m.LinesPlot));

/** The value axis: money counted in 亿元 / 万元 (¥B / ¥M) named once in the unit line, any other unit on each tick. */
export function valueScale(unit: Unit, values: readonly number[], locale: Locale) {
  const top = Math.max(0, ...values.map(Math.abs));
  if (unit !== 'cny') {
    const provenance = { kind: 'derived', formula: 'axis' } as const;
    return { label: undefined, tick: (v: number) => formatMeasure({ value: v, unit, provenance }, locale) };
  }
  const large = locale === 'zh-CN' ? { label: '亿元', per: 1e8 } : { label: '¥B', per: 1e9 };
  const small = locale === 'zh-CN' ? { label: '万元', per: 1e4 } : { label: '¥M', per: 1e6 };
  const { label, per } = top >= large.per ? large : small;
  return { label, tick: (v: number) => formatNumber(v / per, locale, { maximumFractionDigits: 2 }) };
}

/** What each of the page's charts is given. */
export interface IndicatorChartProps {
  history: KpiHistory;
  /** The period the address picks, marked on the chart and in the table. */
  picked: PeriodId | null;
}

/** The periods a chart covers: 2023年1月至2024年1–3月累计, or the one period. */
export function spanText(history: KpiHistory, locale: Locale, t: Translate<IndicatorMessageKey>): string {
  const first = history.points[0]?.period;
  const last = history.points.at(-1)?.period;
  if (!first || !last) return '';
  return first === last
    ? formatPeriod(first, locale)
    : t('span', { first: formatPeriod(first, locale), last: formatPeriod(last, locale) });
}

/** What a CSV header adds for money, whose cells are in 亿元 in both languages. */
export const csvMoney = (unit: Unit, locale: Locale) =>
  unit !== 'cny' ? '' : locale === 'zh-CN' ? '（亿元）' : ' (¥100M)';

/**
 * The CSV header's unit of a column of changes (同比, 环比): percentage points where they are (a
 * rate's, as `changes` holds them), else percent.
 */
export const csvChange = (changes: readonly (Measure | null | undefined)[], locale: Locale) =>
  changes.find(Boolean)?.unit === 'pp' ? (locale === 'zh-CN' ? ' (个百分点)' : ' (pp)') : ' (%)';

/** A measure in the unit the CSV uses: money in 亿元, anything else as is. */
export const csvNumber = (m: Measure | null) =>
  m === null ? null : m.unit === 'cny' ? Number((m.value / 1e8).toPrecision(10)) : m.value;

/** A table cell: the figure, or a dash. */
export function FigureCell({
  measure,
  signed = false,
  none,
}: {
  measure: Measure | null;
  signed?: boolean;
  none: string;
}) {
  return measure ? <MeasureText measure={measure} signed={signed} /> : <span>{none}</span>;
}

/**
 * Where a chart's drawing goes: its final size until it is its turn and the plot's code has
 * loaded, so the page's figures and tables paint first and nothing moves when the lines arrive.
 */
export function PlotSlot(props: LinesPlotProps) {
  const state = useQueuedMount(LinesPlot.load);
  const placeholder = <div style={{ width: props.args.width, height: props.args.height }} />;
  return state === 'ready' ? (
    <Suspense fallback={placeholder}>
      <LinesPlot.Component {...props} />
    </Suspense>
  ) : (
    placeholder
  );
}

export type { ChartRenderArgs };
