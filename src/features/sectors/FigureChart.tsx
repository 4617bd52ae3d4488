import { ChartFrame } from '../../components/ChartFrame';
import type { FigureKey } from '../../domain/sectorFigures';
import { formatCount, formatMeasure, formatMoney } from '../../lib/format';
import { lazyComponent } from '../../lib/lazyComponent';
import { signedAxis } from './axis';
import { frameState, useChartContext } from './chartContext';
import type { ChartContext, SectorChartProps } from './chartContext';
import { columnsFor, rowsFor, sourceText } from './chartRows';
import type { SectorMessageKey } from './messages';
import { NotReported } from './NotReported';
import { barData } from './plotData';
import { loadSectorPlots } from './loadSectorPlots';
import { PlotSlot } from './PlotSlot';
import { orderSectors } from './sectorOrder';
import { sectorLegend } from './sectorLegend';

const BarsPlot = lazyComponent(() => loadSectorPlots().then((m) => m.BarsPlot));

type BarFigure = Exclude<FigureKey, 'share'>;

/** What differs between the output, growth and firms charts. */
const BAR_FIGURES: Record<
  BarFigure,
  { unit: SectorMessageKey; column: SectorMessageKey; signed: boolean; tick: (v: number, ctx: ChartContext) => string }
> = {
  output: { unit: 'unit.money', column: 'col.output', signed: false, tick: (v, ctx) => formatMoney(v, ctx.locale) },
  growth: {
    unit: 'unit.percent',
    column: 'col.growth',
    signed: true,
    tick: (v, ctx) => formatMeasure({ value: v, unit: 'percent', provenance: { kind: 'illustrative' } }, ctx.locale),
  },
  firms: { unit: 'unit.firms', column: 'col.firms', signed: false, tick: (v, ctx) => formatCount(v, ctx.locale) },
};

/** One bar per sector for one figure, in its colour, leading industries on top; growth is drawn either side of zero. */
export function FigureChart({ figure, ...props }: SectorChartProps & { figure: BarFigure }) {
  const ctx = useChartContext(props.period);
  const { t } = ctx;
  const spec = BAR_FIGURES[figure];
  const data = barData(props.items, figure, ctx.locale, spec.signed);
  const missing = orderSectors(props.items).filter((s) => s[figure] === null);
  return (
    <ChartFrame
      title={t(`chart.${figure}.title`)}
      description={t(`chart.${figure}.desc`)}
      unit={t(spec.unit)}
      period={ctx.periodText}
      source={sourceText(
        ctx,
        props.items.map((s) => s[figure]),
      )}
      columns={columnsFor(ctx, t(spec.column))}
      rows={rowsFor(props.items, figure, ctx, spec.signed)}
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
            axis: spec.signed ? signedAxis(data.map((d) => d.value)) : undefined,
            zeroLine: spec.signed,
            tick: (v: number) => spec.tick(v, ctx),
            seriesName: t(`figure.${figure}`),
          }}
        />
      )}
    </ChartFrame>
  );
}
