import { Line, LineChart, YAxis } from 'recharts';
import type { Series } from '../../../api/common';

interface SparklineProps {
  series: Series;
  width: number;
  height: number;
}

/**
 * A small trend line in its own chunk (recharts stays out of the overview's first load).
 * Segments touching an illustrative point are dashed; reported points get a solid dot.
 */
export default function Sparkline({ series, width, height }: SparklineProps) {
  const pts = series.points;
  const isIllustrative = (i: number) => pts[i]?.provenance.kind === 'illustrative';
  const data = pts.map((p, i) => {
    const dashed = isIllustrative(i) || isIllustrative(i - 1) || isIllustrative(i + 1);
    const solid =
      !isIllustrative(i) && ((i > 0 && !isIllustrative(i - 1)) || (i < pts.length - 1 && !isIllustrative(i + 1)));
    return {
      period: p.period,
      dashed: dashed ? p.value : null,
      solid: solid ? p.value : null,
      reported: isIllustrative(i) ? null : p.value,
    };
  });
  return (
    <LineChart
      width={width}
      height={height}
      data={data}
      margin={{ top: 5, right: 5, bottom: 5, left: 5 }}
      accessibilityLayer={false}
      aria-hidden="true"
    >
      <YAxis hide domain={['dataMin', 'dataMax']} />
      <Line
        dataKey="dashed"
        stroke="currentColor"
        strokeWidth={1.5}
        strokeDasharray="3 3"
        dot={false}
        isAnimationActive={false}
        connectNulls={false}
      />
      <Line dataKey="solid" stroke="currentColor" strokeWidth={2} dot={false} isAnimationActive={false} />
      <Line
        dataKey="reported"
        stroke="none"
        dot={{ r: 2.5, fill: 'currentColor', stroke: 'currentColor' }}
        isAnimationActive={false}
      />
    </LineChart>
  );
}
