/**
 * A chart's legend as data, known to the chart that draws the series: ChartFrame shows it under
 * the chart (components/ChartFrame.tsx) and draws the same entries into the PNG (lib/chartImage.ts).
 */

/** How an entry is marked; `hollow` and `dashed` stand for illustrative values. */
export type LegendMarker = 'square' | 'circle' | 'hollow' | 'line' | 'dashed';

export interface LegendEntry {
  label: string;
  color: string;
  /** Square when not given. */
  marker?: LegendMarker;
}

export interface LegendGroup<Entry extends LegendEntry = LegendEntry> {
  /** Written before the group's entries ("主导产业"). */
  label?: string;
  items: readonly Entry[];
}
