/**
 * The drawn part of the sector charts: the only code of the sector pages that needs Recharts.
 * It is a chunk of its own, so the pages' titles, figures and tables paint while the charting
 * library is still downloading (its place is held at the chart's final size).
 * No tooltips: every bar has its value written beside it and the share chart's legend gives each
 * share, so a tooltip would only repeat them, and Recharts' tooltip code is 6.5 KB (gzip) of the
 * sectors page. Without one the charts take no keyboard focus (nothing would show it); the
 * legend's buttons open the sectors and the table view lists every value.
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  Rectangle,
  ResponsiveContainer,
  Text,
  usePlotArea,
  useXAxisScale,
  useXAxisTicks,
  XAxis,
  YAxis,
} from 'recharts';
import type { BarShapeProps, TextProps } from 'recharts';
import type { ChartRenderArgs } from '../../components/ChartFrame';
import { categoryAxisWidth, labelWidth } from './axis';
import type { ValueAxis } from './axis';
import { CHART_INK } from './chartTheme';
import type { ChartContext } from './chartContext';
import { REST_ID } from './plotData';
import type { BarDatum, ShareDatum } from './plotData';

export interface BarsPlotProps {
  data: BarDatum[];
  args: ChartRenderArgs;
  ctx: ChartContext;
  tick: (v: number) => string;
  /** Bounds and round ticks (axis.ts). */
  axis: ValueAxis;
  zeroLine?: boolean;
  seriesName: string;
}

/** Room kept between two value labels (px). */
const LABEL_GAP = 10;
/** About how wide `text` is drawn: estimated from its characters, not measured in the DOM. */

interface ValueTickProps extends TextProps {
  /** The widest label the axis may show (px). */
  widest: number;
  ink: string;
  index?: number;
  visibleTicksCount?: number;
  payload?: { value: number };
  tickFormatter?: (value: number, index: number) => string;
}

/**
 * A label of the value axis, or none: where the ticks stand closer than the widest label (a phone),
 * only every second or third is labelled, counted from zero, so labels never overprint and zero
 * keeps its label. Widths are estimated rather than measured (measuring each label forces a style
 * recalculation while the page is built).
 */
function ValueTick({ widest, ink, index = 0, visibleTicksCount = 1, payload, tickFormatter, ...text }: ValueTickProps) {
  const plot = usePlotArea();
  const zero = Math.max(0, useXAxisTicks()?.findIndex((t) => t.value === 0) ?? 0);
  const spacing = plot && visibleTicksCount > 1 ? plot.width / (visibleTicksCount - 1) : Infinity;
  const step = Math.max(1, Math.ceil((widest + LABEL_GAP) / spacing));
  if ((index - zero) % step !== 0 || payload === undefined) return null;
  return (
    <Text {...text} fill={ink}>
      {tickFormatter ? tickFormatter(payload.value, index) : String(payload.value)}
    </Text>
  );
}

/**
 * A sector's bar with its value beside it, drawn with the bar (not LabelList): the labels stay when
 * the entry animation is switched off. A bar below zero has its value left of it where that fits
 * inside the plot, else right of the zero line: never over the sector names.
 */
function LabelledBar({ datum: d, ctx, ...props }: BarShapeProps & { datum: BarDatum | undefined; ctx: ChartContext }) {
  const plot = usePlotArea();
  const scale = useXAxisScale();
  const { x, y, width: w, height: h } = props;
  const left = Math.min(x, x + w);
  // Decided on where the bar ends once drawn (the axis scale at its value), not where the entry
  // animation has it now: the label does not jump from one side to the other while the bar grows.
  const drawnLeft = (d && scale?.(d.value)) ?? left;
  const leftOfBar =
    d !== undefined && d.value < 0 && (plot === undefined || drawnLeft - 6 - labelWidth(d.label) >= plot.x);
  return (
    <g>
      <Rectangle {...props} fill={d ? ctx.color(d.id) : undefined} />
      {d && (
        <text
          x={leftOfBar ? left - 6 : Math.max(x, x + w) + 6}
          y={y + h / 2}
          dominantBaseline="central"
          textAnchor={leftOfBar ? 'end' : 'start'}
          fill={CHART_INK[ctx.theme].text}
          className="sector-bar__label"
        >
          {d.label}
        </text>
      )}
    </g>
  );
}

/** Horizontal bars, one per reported sector in its colour, leading industries on top. */
/**
 * The value axis' zero, across the plot: where a shrinking sector's bar starts. Drawn from the
 * axis' own scale (Recharts' ReferenceLine would bring 2.5 KB of code to every sector page for it).
 */
function ZeroLine({ stroke }: { stroke: string }) {
  const plot = usePlotArea();
  const x = useXAxisScale()?.(0);
  if (!plot || x === undefined || !Number.isFinite(x)) return null;
  return (
    <line
      className="sector-zero-line"
      x1={x}
      x2={x}
      y1={plot.y}
      y2={plot.y + plot.height}
      stroke={stroke}
      strokeWidth={1.5}
      aria-hidden="true"
    />
  );
}

export function BarsPlot({ data, args, ctx, tick, axis, zeroLine = false, seriesName }: BarsPlotProps) {
  const yWidth = categoryAxisWidth(
    data.map((d) => d.name),
    ctx.locale,
  );
  const widest = Math.max(...axis.ticks.map((v) => labelWidth(tick(v))));
  return (
    <ResponsiveContainer width={args.width ?? '100%'} height={args.height}>
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 72, bottom: 4, left: 8 }} barCategoryGap="22%">
        <CartesianGrid horizontal={false} />
        <XAxis
          type="number"
          tickFormatter={tick}
          domain={axis.domain}
          ticks={axis.ticks}
          allowDecimals
          // Recharts' own thinning measures each label in the DOM, a forced style recalculation per
          // label while the page is still being built: ValueTick thins by estimated widths instead.
          interval={0}
          tick={<ValueTick widest={widest} ink={CHART_INK[ctx.theme].muted} />}
        />
        <YAxis type="category" dataKey="name" width={yWidth} interval={0} tick={{ fill: CHART_INK[ctx.theme].text }} />
        {zeroLine && <ZeroLine stroke={CHART_INK[ctx.theme].muted} />}
        <Bar
          dataKey="value"
          name={seriesName}
          isAnimationActive={args.animate}
          maxBarSize={30}
          className="sector-bar"
          onClick={(_d, index) => {
            const d = data[index];
            if (d) ctx.open(d.id);
          }}
          shape={(props) => <LabelledBar {...props} datum={data[props.index]} ctx={ctx} />}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}

export interface SharePlotProps {
  data: ShareDatum[];
  args: ChartRenderArgs;
  ctx: ChartContext;
}

/** A 100 % stacked bar rather than a donut: the same reading, and no polar-chart code to download. */
export function SharePlot({ data, args, ctx }: SharePlotProps) {
  return (
    <ResponsiveContainer width={args.width ?? '100%'} height={args.height}>
      <BarChart
        layout="vertical"
        data={[Object.fromEntries([['name', ctx.periodText], ...data.map((d) => [d.id, d.value])])]}
        // Room for half of the last tick's label ("100") past the plot's right end.
        margin={{ top: 8, right: 24, bottom: 8, left: 16 }}
        barCategoryGap={8}
      >
        {/* Bare numbers: the unit line above the chart says %. */}
        <XAxis
          type="number"
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          interval={0}
          tick={{ fill: CHART_INK[ctx.theme].muted }}
        />
        <YAxis type="category" dataKey="name" hide />
        {data.map((d) => (
          <Bar
            key={d.id}
            dataKey={d.id}
            name={d.id}
            stackId="share"
            fill={d.color}
            isAnimationActive={args.animate}
            className="sector-bar"
            onClick={() => {
              if (d.id !== REST_ID) ctx.open(d.id);
            }}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
