import { ChartFrame } from '../../components/ChartFrame';
import type { FigureKey } from '../../domain/sectorFigures';
import { lazyComponent } from '../../lib/lazyComponent';
import { moneyScale, tickLabel, valueAxis } from './axis';
import { frameState, useChartContext } from './chartContext';
import type { ChartContext, SectorChartProps } from './chartContext';
import { columnsFor, moneyColumn, rowsFor, sourceText } from './chartRows';
import type { SectorMessageKey } from './messages';
import { NotReported } from './NotReported';
import { barData } from './plotData';
import { loadSectorPlots } from './loadSectorPlots';
import { PlotSlot } from './PlotSlot';
import { orderSectors } from './sectorOrder';
import { sectorLegend } from './sectorLegend';

const BarsPlot = lazyComponent(() => loadSectorPlots().then((m) => m.BarsPlot));

type BarFigure = Exclude<FigureKey, 'share'>;

/** What differs between the growth and firms charts (money's unit follows its amounts). */
const BAR_FIGURES: Record<Exclude<BarFigure, 'output'>, { unit: SectorMessageKey; column: SectorMessageKey }> = {
  growth: { unit: 'unit.percent', column: 'col.growth' },
  firms: { unit: 'unit.firms', column: 'col.firms' },
};

/**
 * The chart's unit (what a tick counts: `per` of the values) and its table's value column: money
 * in 亿元 or ¥B as its amounts need, named once, in the unit line and in the column's header.
 */
function unitsOf(figure: BarFigure, items: SectorChartProps['items'], top: number, ctx: ChartContext) {
  if (figure === 'output') {
    const scale = moneyScale(top, ctx.locale);
    const column = moneyColumn(
      items.map((s) => s.output),
      ctx,
      'col.output',
    );
    return { unit: scale.label, per: scale.yuan, column };
  }
  const spec = BAR_FIGURES[figure];
  return { unit: ctx.t(spec.unit), per: 1, column: { header: ctx.t(spec.column), unit: undefined } };
}

/**
 * One bar per sector for one figure, in its colour, leading industries on top; growth is drawn
 * either side of zero. The value axis has round ticks (axis.ts), each labelled with its bare number.
 */
export function FigureChart({ figure, ...props }: SectorChartProps & { figure: BarFigure }) {
  const ctx = useChartContext(props.period);
  const { t } = ctx;
  const signed = figure === 'growth';
  const data = barData(props.items, figure, ctx.locale, signed);
  const missing = orderSectors(props.items).filter((s) => s[figure] === null);
  const axis = valueAxis(
    data.map((d) => d.value),
    { integer: figure === 'firms' },
  );
  const { unit, per, column } = unitsOf(figure, props.items, axis.domain[1], ctx);
  return (
    <ChartFrame
      title={t(`chart.${figure}.title`)}
      description={t(`chart.${figure}.desc`)}
      unit={unit}
      period={ctx.periodText}
      source={sourceText(
        ctx,
        props.items.map((s) => s[figure]),
      )}
      columns={columnsFor(ctx, column)}
      rows={rowsFor(props.items, figure, ctx, { signed, unit: column.unit })}
      filename={`sector-${figure}-${props.period}`}
      empty={data.length === 0 ? t(`chart.${figure}.empty`, { period: ctx.periodText }) : undefined}
      legend={sectorLegend(
        data.map((d) => d.sector),
        ctx,
      )}
      note={data.length > 0 ? <NotReported items={missing} ctx={ctx} /> : undefined}
      height={Math.max(200, data.length * 44 + 90)}
      {...frameState(props)}
    >
      {(args) => (
        <PlotSlot
          args={args}
          plot={BarsPlot}
          props={{
            data,
            args,
            ctx,
            axis,
            zeroLine: signed,
            tick: (v: number) => tickLabel(v, ctx.locale, per),
            seriesName: t(`figure.${figure}`),
          }}
        />
      )}
    </ChartFrame>
  );
}
