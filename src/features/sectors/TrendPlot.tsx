/** The drawn part of a sector's monthly trend (Recharts; a chunk of its own, see SectorPlots.tsx). */
import { CartesianGrid, Line, LineChart, ResponsiveContainer, usePlotArea, XAxis, YAxis } from 'recharts';
import type { ChartRenderArgs } from '../../components/ChartFrame';
import type { Locale } from '../../lib/i18n';
import { formatNumber } from '../../lib/numberParts';
import type { Theme } from '../../lib/search';
import { tickLabel } from './axis';
import type { ValueAxis } from './axis';
import { CHART_INK } from './chartTheme';
import type { TrendPoint } from './trendData';

export interface TrendPlotProps {
  data: TrendPoint[];
  args: ChartRenderArgs;
  color: string;
  theme: Theme;
  locale: Locale;
  /** Bounds and round ticks (axis.ts); a tick counts `per` yuan, the unit the chart's unit line names. */
  axis: ValueAxis;
  per: number;
  name: string;
}

/** About how wide a label of digits is drawn (px): a digit is about 8 px at the labels' size. */
const DIGIT_PX = 8;
const LABEL_GAP = 8;

interface PointProps {
  cx?: number;
  cy?: number;
  index?: number;
  color: string;
  ink: string;
  labels: readonly string[];
}

/**
 * A month's dot with its value above it, in the axis' unit. Where the months stand closer than a
 * label is wide (a phone, a whole year), every second or third is labelled, counted back from the
 * latest, which always is.
 */
function Point({ cx, cy, index = 0, color, ink, labels }: PointProps) {
  const plot = usePlotArea();
  if (cx === undefined || cy === undefined) return null;
  const widest = Math.max(...labels.map((l) => l.length)) * DIGIT_PX + LABEL_GAP;
  const spacing = plot && labels.length > 1 ? plot.width / (labels.length - 1) : Infinity;
  const step = Math.max(1, Math.ceil(widest / spacing));
  return (
    <g>
      <circle cx={cx} cy={cy} r={5} fill={color} stroke={color} />
      {(labels.length - 1 - index) % step === 0 && (
        <text x={cx} y={cy - 10} textAnchor="middle" fill={ink} className="sector-trend__label">
          {labels[index]}
        </text>
      )}
    </g>
  );
}

/**
 * Cumulative output through the known months: a solid line with a dot and its value on each
 * (never an illustrative month). The months stand clear of the value axis, so the first month is
 * not drawn on the "0" at the origin, and the last month's label has room at the right end. No
 * tooltip: the values are written on the chart, and its table lists them (Recharts' tooltip code
 * would be 6.5 KB gzip of the page).
 */
export function TrendPlot({ data, args, color, theme, locale, axis, per, name }: TrendPlotProps) {
  const tick = (v: number) => tickLabel(v, locale, per);
  // As wide as its longest label (a digit is about 10 px at the axis' size), with the tick mark and a gap.
  const width = 18 + 10 * Math.max(...axis.ticks.map((v) => tick(v).length));
  const labels = data.map((d) => formatNumber(d.value / per, locale, { maximumFractionDigits: 2 }));
  const ink = CHART_INK[theme];
  return (
    <ResponsiveContainer width={args.width ?? '100%'} height={args.height}>
      <LineChart data={data} margin={{ top: 24, right: 16, bottom: 4, left: 0 }}>
        <CartesianGrid vertical={false} />
        <XAxis
          dataKey="name"
          interval="preserveStartEnd"
          padding={{ left: 28, right: 28 }}
          tick={{ fill: ink.muted }}
        />
        <YAxis
          domain={axis.domain}
          ticks={axis.ticks}
          interval={0}
          tickFormatter={tick}
          tick={{ fill: ink.muted }}
          width={width}
        />
        <Line
          dataKey="value"
          name={name}
          stroke={color}
          strokeWidth={2}
          isAnimationActive={args.animate}
          legendType="none"
          dot={({ key, cx, cy, index }) => (
            <Point key={key} cx={cx} cy={cy} index={index} color={color} ink={ink.text} labels={labels} />
          )}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
