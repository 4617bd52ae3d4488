import type { Series } from '../../../api/common';
import { knownPoints } from '../../../domain/trend';

interface SparklineProps {
  series: Series;
  width: number;
  height: number;
}

const MARGIN = 5;

/**
 * A small trend line, drawn as plain SVG: a sparkline needs no axes or tooltips, so the
 * overview does not download or run a charting library at all. Only known points (reported,
 * derived, imported) are drawn, each with a dot; an illustrative point is never drawn.
 */
export default function Sparkline({ series, width, height }: SparklineProps) {
  const pts = knownPoints(series);
  if (pts.length === 0) return null;
  const values = pts.map((p) => p.value);
  const min = Math.min(...values);
  const span = Math.max(...values) - min || 1;
  const x = (i: number) => MARGIN + (pts.length === 1 ? 0 : (i * (width - 2 * MARGIN)) / (pts.length - 1));
  const y = (v: number) => height - MARGIN - ((v - min) / span) * (height - 2 * MARGIN);
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      aria-hidden="true"
      focusable="false"
    >
      {pts.slice(1).map((p, k) => (
        <line
          key={p.period}
          x1={x(k)}
          y1={y(values[k] ?? 0)}
          x2={x(k + 1)}
          y2={y(p.value)}
          stroke="currentColor"
          strokeWidth={2}
          strokeLinecap="round"
        />
      ))}
      {pts.map((p, i) => (
        <circle key={p.period} cx={x(i)} cy={y(p.value)} r={2.5} fill="currentColor" />
      ))}
    </svg>
  );
}
