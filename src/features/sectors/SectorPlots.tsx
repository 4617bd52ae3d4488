/**
 * The drawn part of the sector charts: the only code of the sector pages that needs Recharts.
 * It is a chunk of its own, so the pages' titles, figures and tables paint while the charting
 * library is still downloading (its place is held at the chart's final size).
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  Rectangle,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ChartRenderArgs } from '../../components/ChartFrame';
import { sectorColor } from '../../lib/sectorColors';
import { CHART_INK } from './chartTheme';
import type { ChartContext } from './chartContext';
import type { BarDatum, ShareDatum } from './plotData';

export interface BarsPlotProps {
  data: BarDatum[];
  args: ChartRenderArgs;
  ctx: ChartContext;
  tick: (v: number) => string;
  domain?: [number, number];
  zeroLine?: boolean;
  seriesName: string;
}

/** Horizontal bars, one per reported sector in its colour, leading industries on top. */
export function BarsPlot({ data, args, ctx, tick, domain, zeroLine = false, seriesName }: BarsPlotProps) {
  const yWidth = ctx.locale === 'en' ? 150 : 80;
  return (
    <ResponsiveContainer width={args.width ?? '100%'} height={args.height}>
      <BarChart
        data={data}
        layout="vertical"
        accessibilityLayer
        margin={{ top: 8, right: 72, bottom: 4, left: 8 }}
        barCategoryGap="22%"
      >
        <CartesianGrid horizontal={false} />
        <XAxis
          type="number"
          tickFormatter={tick}
          domain={domain ?? [0, 'auto']}
          allowDecimals
          // Every tick (about five short figures): the default thinning measures each label in the
          // DOM, a forced style recalculation per label while the page is still being built.
          interval={0}
          tick={{ fill: CHART_INK[ctx.theme].muted }}
        />
        <YAxis type="category" dataKey="name" width={yWidth} interval={0} tick={{ fill: CHART_INK[ctx.theme].text }} />
        {zeroLine && <ReferenceLine x={0} strokeWidth={1.5} />}
        <Tooltip
          cursor={{ fillOpacity: 0.12 }}
          formatter={(_v, _n, item) => [(item.payload as BarDatum).label, seriesName]}
        />
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
          shape={(props) => {
            const d = data[props.index];
            const x = props.x;
            const y = props.y;
            const w = props.width;
            const h = props.height;
            const negative = d !== undefined && d.value < 0;
            // Value labels drawn with the bar (not LabelList): they stay when the entry animation is switched off.
            return (
              <g>
                <Rectangle {...props} fill={d ? sectorColor(d.id, ctx.theme) : undefined} />
                {d && (
                  <text
                    x={negative ? Math.min(x, x + w) - 6 : Math.max(x, x + w) + 6}
                    y={y + h / 2}
                    dominantBaseline="central"
                    textAnchor={negative ? 'end' : 'start'}
                    fill={CHART_INK[ctx.theme].text}
                    className="sector-bar__label"
                  >
                    {d.label}
                  </text>
                )}
              </g>
            );
          }}
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
        accessibilityLayer
        layout="vertical"
        data={[Object.fromEntries([['name', ctx.periodText], ...data.map((d) => [d.id, d.value])])]}
        margin={{ top: 8, right: 16, bottom: 8, left: 16 }}
        barCategoryGap={8}
      >
        <XAxis
          type="number"
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          interval={0}
          unit="%"
          tick={{ fill: CHART_INK[ctx.theme].muted }}
        />
        <YAxis type="category" dataKey="name" hide />
        <Tooltip
          cursor={false}
          formatter={(_v, key) => {
            const d = data.find((x) => x.id === key);
            return [d?.label ?? '', d?.name ?? ''];
          }}
        />
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
              if (d.id !== 'other') ctx.open(d.id);
            }}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
