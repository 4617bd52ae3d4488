/**
 * What a trend is drawn from: the points of a series that are known (reported, derived or
 * imported), never illustrative ones; a line needs at least three of them, fewer are written out.
 */
import type { Series, SeriesPoint } from '../api/common';

export const knownPoints = (series: Series | null): SeriesPoint[] =>
  series?.points.filter((p) => p.provenance.kind !== 'illustrative') ?? [];

/** At least this many known points make a trend line. */
export const MIN_TREND_POINTS = 3;

export type Trend = { kind: 'line'; series: Series } | { kind: 'text'; points: SeriesPoint[] };

/**
 * How a trend is shown: a line (of the known points only) from three points on, the points in
 * words for two, nothing for one (it is the figure itself) or none.
 */
export function trendOf(series: Series | null): Trend | null {
  const points = knownPoints(series);
  if (!series || points.length < 2) return null;
  return points.length >= MIN_TREND_POINTS ? { kind: 'line', series: { ...series, points } } : { kind: 'text', points };
}
