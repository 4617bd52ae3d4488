/** The drawn part of the indicator page's charts (Recharts; a chunk of its own, loaded when a chart is shown). */
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { ChartRenderArgs } from '../../components/ChartFrame';
import type { Theme } from '../../lib/search';
import { INK } from './palette';

export interface PlotLine {
  key: string;
  name: string;
  color: string;
  /** A derived series: dashed. */
  dashed?: boolean;
}

export interface LinesPlotProps {
  /** One row per point of the x axis: its `name` and a value (or null: a gap) per line. */
  data: Record<string, string | number | null>[];
  lines: PlotLine[];
  args: ChartRenderArgs;
  theme: Theme;
  /** A tick's label on the value axis. */
  tick: (value: number) => string;
  /** The x axis' point to mark (the period chosen). */
  mark?: string;
}

/** Lines over the points, a gap where a value is missing; the values are listed in the chart's table. */
export function LinesPlot({ data, lines, args, theme, tick, mark }: LinesPlotProps) {
  const ink = INK[theme];
  const width = 18 + 9 * Math.max(4, ...data.flatMap((d) => lines.map((l) => tick(Number(d[l.key] ?? 0)).length)));
  return (
    <ResponsiveContainer width={args.width ?? '100%'} height={args.height}>
      <LineChart data={data} margin={{ top: 12, right: 20, bottom: 4, left: 0 }}>
        <CartesianGrid vertical={false} />
        <XAxis dataKey="name" interval="preserveStartEnd" minTickGap={12} tick={{ fill: ink.muted }} />
        <YAxis tickFormatter={tick} tick={{ fill: ink.muted }} width={width} />
        {mark !== undefined && <ReferenceLine x={mark} stroke={ink.text} strokeDasharray="2 3" />}
        {lines.map((l) => (
          <Line
            key={l.key}
            dataKey={l.key}
            name={l.name}
            stroke={l.color}
            strokeWidth={2}
            strokeDasharray={l.dashed ? '6 4' : undefined}
            dot={data.length <= 24 ? { r: 3, fill: l.color } : false}
            isAnimationActive={args.animate}
            legendType="none"
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
