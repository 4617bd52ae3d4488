import type { PeriodId, SectorId, Series } from '../../api/common';
import { ChartFrame } from '../../components/ChartFrame';
import { TextWithFigures } from '../../components/FigureText';
import type { ChartRow } from '../../components/ChartFrame';
import { ProvenanceBadge } from '../../components/ProvenanceBadge';
import { useProvenanceText } from '../../components/ProvenanceBadge';
import { trendOf } from '../../domain/trend';
import { formatSeriesPoints } from '../../lib/format';
import { lazyComponent } from '../../lib/lazyComponent';
import { PlotSlot } from './PlotSlot';
import { moneyScale, valueAxis } from './axis';
import { useChartContext } from './chartContext';
import { moneyColumn } from './chartRows';
import { csvValue, sourceLines } from './figureCells';
import { trendPoints } from './trendData';

const TrendPlot = lazyComponent(() => import('./TrendPlot').then((m) => m.TrendPlot));

interface TrendProps {
  sector: SectorId;
  sectorLabel: string;
  period: PeriodId;
  /** The sector's series for the period; null while it loads or when there is none. */
  series: Series | null;
}

/**
 * The sector's output through the year from known months only (reported, derived, imported): a
 * line from three points on, the points in words for two, nothing for one (the output figure
 * above says it) or none. Illustrative months are never drawn.
 */
export function TrendChart({ sector, sectorLabel, period, series }: TrendProps) {
  const ctx = useChartContext(period);
  const { t, locale, theme } = ctx;
  const describe = useProvenanceText();
  const trend = trendOf(series);
  if (!trend || !series) return null;
  if (trend.kind === 'text') {
    return (
      <p className="sector-trend-text">
        <TextWithFigures
          text={t('trend.text', { sector: sectorLabel, points: formatSeriesPoints(trend.points, series, locale) })}
        />
      </p>
    );
  }
  const color = ctx.color(sector);
  const points = trend.series.points;
  const data = trendPoints(series, points, locale);
  const axis = valueAxis(data.map((d) => d.value));
  const scale = moneyScale(axis.domain[1], locale);
  const column = moneyColumn(
    points.map((p) => p.value),
    ctx,
    'col.cumulative',
  );
  const rows: ChartRow[] = points.map((p, i) => {
    const m = { value: p.value, unit: series.unit, provenance: p.provenance } as const;
    return {
      key: p.period,
      cells: [
        data[i]?.name ?? p.period,
        column.unit.figure(m),
        <ProvenanceBadge key="p" provenance={p.provenance} compact />,
      ],
      csv: [data[i]?.name ?? p.period, csvValue(m), describe(p.provenance).join(' ')],
    };
  });
  const lines = sourceLines(points.map((p) => p.provenance));
  return (
    <ChartFrame
      title={t('trend.title', { sector: sectorLabel })}
      description={t('trend.desc')}
      unit={scale.label}
      period={ctx.periodText}
      source={
        lines.length > 0
          ? t(lines.length === 1 ? 'source.line' : 'source.lines', { lines: lines.join(t('list.sep')) })
          : undefined
      }
      columns={[
        { key: 'month', header: t('col.month') },
        { key: 'value', header: column.header, csvHeader: column.csvHeader, numeric: true },
        { key: 'kind', header: t('col.kind') },
      ]}
      rows={rows}
      filename={`sector-${sector}-trend-${period}`}
      height={300}
    >
      {(args) => (
        <PlotSlot
          args={args}
          plot={TrendPlot}
          props={{ data, args, color, theme, locale, axis, per: scale.yuan, name: t('figure.output') }}
        />
      )}
    </ChartFrame>
  );
}
