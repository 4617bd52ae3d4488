/** The drawn part of a sector's monthly trend (Recharts; a chunk of its own, see SectorPlots.tsx). */
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartRenderArgs } from '../../components/ChartFrame';
import { formatMoney } from '../../lib/format';
import type { Locale } from '../../lib/i18n';
import type { Theme } from '../../lib/search';
import { CHART_INK } from './chartTheme';
import type { TrendPoint } from './trendData';

export interface TrendPlotProps {
  data: TrendPoint[];
  args: ChartRenderArgs;
  color: string;
  theme: Theme;
  locale: Locale;
  names: { reported: string; illustrative: string };
}

/** Monthly cumulative output: reported totals as filled dots, illustrative months hollow on a dashed line. */
export function TrendPlot({ data, args, color, theme, locale, names }: TrendPlotProps) {
  return (
    <ResponsiveContainer width={args.width ?? '100%'} height={args.height}>
      <LineChart data={data} accessibilityLayer margin={{ top: 12, right: 24, bottom: 4, left: 8 }}>
        <CartesianGrid vertical={false} />
        <XAxis dataKey="name" interval="preserveStartEnd" tick={{ fill: CHART_INK[theme].muted }} />
        <YAxis
          tickFormatter={(v: number) => formatMoney(v, locale)}
          tick={{ fill: CHART_INK[theme].muted }}
          width={locale === 'en' ? 70 : 80}
        />
        <Tooltip
          formatter={(_v, _name, item) => {
            const d = item.payload as TrendPoint;
            return [d.label, d.illustrative ? names.illustrative : names.reported];
          }}
        />
        <Line
          dataKey="all"
          name={names.illustrative}
          stroke={color}
          strokeWidth={2}
          strokeDasharray="6 4"
          isAnimationActive={args.animate}
          legendType="none"
          dot={(p: { cx?: number; cy?: number; index: number }) => {
            const d = data[p.index];
            if (!d?.illustrative || p.cx === undefined || p.cy === undefined) return <g key={p.index} />;
            return (
              <circle
                key={p.index}
                cx={p.cx}
                cy={p.cy}
                r={4}
                style={{ fill: 'var(--surface)' }}
                stroke={color}
                strokeWidth={2}
              />
            );
          }}
          activeDot={false}
        />
        <Line
          dataKey="reported"
          name={names.reported}
          stroke={color}
          strokeWidth={0}
          tooltipType="none"
          legendType="none"
          isAnimationActive={args.animate}
          dot={{ r: 6, fill: color, stroke: color }}
          activeDot={{ r: 7 }}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
