import { ChartFrame } from '../../components/ChartFrame';
import { lazyComponent } from '../../lib/lazyComponent';
import { frameState, useChartContext } from './chartContext';
import type { SectorChartProps } from './chartContext';
import { columnsFor, measureCells, rowsFor, sourceText } from './chartRows';
import { NotReported } from './NotReported';
import { REST_ID, shareData } from './plotData';
import { loadSectorPlots } from './loadSectorPlots';
import { PlotSlot } from './PlotSlot';
import { orderSectors } from './sectorOrder';
import { shareLegend } from './sectorLegend';

const SharePlot = lazyComponent(() => loadSectorPlots().then((m) => m.SharePlot));

/** Each sector's share of the district's output, and the derived rest when only some are reported. */
export function ShareChart(props: SectorChartProps) {
  const ctx = useChartContext(props.period);
  const { t } = ctx;
  const sectors = orderSectors(props.items);
  const reported = sectors.filter((s) => s.share !== null);
  const missing = sectors.filter((s) => s.share === null);
  const { data, rest } = shareData(props.items, ctx.locale, ctx.theme, t('chart.share.other'), ctx.color);
  const rows = rowsFor(props.items, 'share', ctx);
  if (rest) {
    const cells = measureCells(rest, ctx);
    rows.push({
      key: REST_ID,
      cells: [t('chart.share.other'), '', ...cells.cells],
      csv: [t('chart.share.other'), '', ...cells.csv],
    });
  }
  const source = [
    sourceText(
      ctx,
      reported.map((s) => s.share),
    ),
    rest ? t('source.derived') : null,
  ]
    .filter(Boolean)
    .join(t('source.join'));
  return (
    <ChartFrame
      title={t('chart.share.title')}
      description={t('chart.share.desc')}
      unit={t('unit.percent')}
      period={ctx.periodText}
      source={source || undefined}
      columns={columnsFor(ctx, { header: t('col.share') })}
      rows={rows}
      filename={`sector-share-${props.period}`}
      empty={data.length === 0 ? t('chart.share.empty', { period: ctx.periodText }) : undefined}
      legend={shareLegend(data, ctx)}
      note={data.length > 0 && !rest ? <NotReported items={missing} ctx={ctx} /> : undefined}
      height={180}
      {...frameState(props)}
    >
      {(args) => <PlotSlot args={args} plot={SharePlot} props={{ data, args, ctx }} />}
    </ChartFrame>
  );
}
