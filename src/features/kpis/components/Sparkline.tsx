import type { Series } from '../../../api/common';

interface SparklineProps {
  series: Series;
  width: number;
  height: number;
}

const MARGIN = 5;

/**
 * A small trend line, drawn as plain SVG: a sparkline needs no axes or tooltips, so the
 * overview does not download or run a charting library at all. Segments touching an
 * illustrative point are dashed; reported points get a solid dot.
 */
export default function Sparkline({ series, width, height }: SparklineProps) {
  const pts = series.points;
  if (pts.length === 0) return null;
  const values = pts.map((p) => p.value);
  const min = Math.min(...values);
  const span = Math.max(...values) - min || 1;
  const x = (i: number) => MARGIN + (pts.length === 1 ? 0 : (i * (width - 2 * MARGIN)) / (pts.length - 1));
  const y = (v: number) => height - MARGIN - ((v - min) / span) * (height - 2 * MARGIN);
  const illustrative = (i: number) => pts[i]?.provenance.kind === 'illustrative';
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      aria-hidden="true"
      focusable="false"
    >
      {pts.slice(1).map((p, k) => {
        const i = k + 1;
        const dashed = illustrative(i) || illustrative(i - 1);
        return (
          <line
            key={p.period}
            x1={x(i - 1)}
            y1={y(values[i - 1] ?? 0)}
            x2={x(i)}
            y2={y(p.value)}
            stroke="currentColor"
            strokeWidth={dashed ? 1.5 : 2}
            strokeDasharray={dashed ? '3 3' : undefined}
            strokeLinecap="round"
          />
        );
      })}
      {pts.map((p, i) =>
        illustrative(i) ? null : <circle key={p.period} cx={x(i)} cy={y(p.value)} r={2.5} fill="currentColor" />,
      )}
    </svg>
  );
}
