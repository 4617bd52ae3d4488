import type { PeriodId } from '../../api/common';
import { ChartFrame } from '../../components/ChartFrame';
import type { ChartLegendGroup, ChartRow } from '../../components/ChartFrame';
import { ProvenanceBadge, useProvenanceText } from '../../components/ProvenanceBadge';
import { formatPeriod, formatSeriesPeriod } from '../../lib/format';
import { localized, pluralKey } from '../../lib/i18n';
import { useLocale, useResolvedTheme, useT } from '../../stores/prefs';
import { csvChange, csvMoney, csvNumber, FigureCell, PlotSlot, spanText, valueScale } from './chartParts';
import type { IndicatorChartProps } from './chartParts';
import { indicatorMessages } from './messages';
import { trendOf } from './model';
import { TREND_COLORS } from './palette';

/**
 * The indicator over every period it has: the value as published (a running total for 累计
 * figures) and, for running totals, the month's own value derived from two months (dashed). Its
 * table lists every period with 当月, 同比, 环比 and where the value comes from.
 */
export function HistoryTrend({ history, picked }: IndicatorChartProps) {
  const t = useT(indicatorMessages);
  const locale = useLocale();
  const theme = useResolvedTheme();
  const describe = useProvenanceText();
  const label = localized(history.label, locale);
  const trend = trendOf(history);
  const exact = trend.data.filter((d) => d.value !== null).length;
  const unit = history.points[0]?.value.unit ?? 'count';
  const cumulative = history.cumulative === true;
  const name = (p: PeriodId) => formatSeriesPeriod(p, locale, false);
  const scale = valueScale(
    unit,
    trend.data.flatMap((d) => [d.value ?? 0, d.month ?? 0]),
    locale,
  );
  const colors = TREND_COLORS[theme];
  const lines = [
    { key: 'value', name: t(cumulative ? 'trend.value.cumulative' : 'trend.value'), color: colors.value },
    ...(trend.hasMonth ? [{ key: 'month', name: t('trend.month'), color: colors.month, dashed: true }] : []),
  ];
  const legend: ChartLegendGroup[] = [
    {
      key: 'lines',
      items: lines.map((l) => ({ key: l.key, label: l.name, color: l.color, marker: l.dashed ? 'dashed' : 'line' })),
    },
  ];
  const none = t('none');
  const rows: ChartRow[] = history.points.map((p) => ({
    key: p.period,
    cells: [
      <span key="period">
        {formatPeriod(p.period, locale)}
        {p.period === picked && <span className="indicator-picked"> {t('picked')}</span>}
      </span>,
      <FigureCell key="value" measure={p.value} none={none} />,
      ...(trend.hasMonth ? [<FigureCell key="month" measure={p.monthValue} none={none} />] : []),
      <FigureCell key="yoy" measure={p.yoy} signed none={none} />,
      ...(trend.hasMonth ? [<FigureCell key="mom" measure={p.mom} signed none={none} />] : []),
      <ProvenanceBadge key="source" provenance={p.value.provenance} compact />,
    ],
    csv: [
      formatPeriod(p.period, locale),
      csvNumber(p.value),
      ...(trend.hasMonth ? [csvNumber(p.monthValue)] : []),
      p.yoy?.value ?? null,
      ...(trend.hasMonth ? [p.mom?.value ?? null] : []),
      describe(p.value.provenance).join(' '),
    ],
  }));
  const money = csvMoney(unit, locale);
  const yoyUnit = csvChange(
    history.points.map((p) => p.yoy),
    locale,
  );
  const momUnit = csvChange(
    history.points.map((p) => p.mom),
    locale,
  );
  return (
    <ChartFrame
      title={t('trend.title', { label })}
      description={t(trend.hasMonth ? 'trend.desc.month' : 'trend.desc')}
      period={spanText(history, locale, t)}
      unit={scale.label}
      columns={[
        { key: 'period', header: t('col.period') },
        {
          key: 'value',
          header: t(cumulative ? 'col.cumulative' : 'col.value'),
          csvHeader: `${t(cumulative ? 'col.cumulative' : 'col.value')}${money}`,
          numeric: true,
        },
        ...(trend.hasMonth
          ? [{ key: 'month', header: t('col.month'), csvHeader: `${t('col.month')}${money}`, numeric: true }]
          : []),
        { key: 'yoy', header: t('col.yoy'), csvHeader: `${t('col.yoy')}${yoyUnit}`, numeric: true },
        ...(trend.hasMonth
          ? [{ key: 'mom', header: t('col.mom'), csvHeader: `${t('col.mom')}${momUnit}`, numeric: true }]
          : []),
        { key: 'source', header: t('col.source') },
      ]}
      rows={rows}
      filename={`indicator-${history.id}-trend`}
      height={320}
      legend={trend.few ? undefined : legend}
      empty={trend.few ? t('chart.none') : undefined}
      defaultView={trend.few ? 'table' : 'chart'}
      note={
        trend.few ? (
          <p>{t(pluralKey(indicatorMessages, locale, 'trend.few', exact), { n: exact })}</p>
        ) : trend.hasMonth ? (
          <p>{t('derived.note')}</p>
        ) : undefined
      }
    >
      {(args) => (
        <PlotSlot
          args={args}
          theme={theme}
          tick={scale.tick}
          lines={lines}
          mark={picked ? name(picked) : undefined}
          data={trend.data.map((d) => ({ name: name(d.period), value: d.value, month: d.month }))}
        />
      )}
    </ChartFrame>
  );
}
