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
  name: string;
}

/** Cumulative output through the known months: a solid line with a dot on each (never an illustrative month). */
export function TrendPlot({ data, args, color, theme, locale, name }: TrendPlotProps) {
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
        <Tooltip formatter={(_v, _name, item) => [(item.payload as TrendPoint).label, name]} />
        <Line
          dataKey="value"
          name={name}
          stroke={color}
          strokeWidth={2}
          isAnimationActive={args.animate}
          legendType="none"
          dot={{ r: 5, fill: color, stroke: color }}
          activeDot={{ r: 6 }}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
