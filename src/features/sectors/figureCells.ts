/** How the sector tables and CSV write a figure (value, where it comes from) and its report lines. */
import type { Measure, Provenance } from '../../api/common';
import type { CsvCell } from '../../shared/csv';

/** A measure in the unit the tables and CSV use: money in 亿元, percent in points, counts as is. */
export function csvValue(m: Measure): number {
  const v = m.unit === 'cny' ? m.value / 1e8 : m.value;
  return Number(v.toPrecision(m.digits ?? 8));
}

/** Where a value comes from, for a CSV cell: L38, the formula, or "illustrative". */
export function provenanceCell(p: Provenance, illustrativeWord: string): CsvCell {
  if (p.kind === 'reported') return p.source ?? '';
  if (p.kind === 'derived') return p.formula ?? '';
  return illustrativeWord;
}

/** Report lines behind the given provenances, as numbers in order: ["36", "38–40"]. */
export function sourceLines(provenances: readonly (Provenance | null | undefined)[]): string[] {
  const sources = new Set<string>();
  for (const p of provenances) if (p?.kind === 'reported' && p.source) sources.add(p.source);
  return [...sources]
    .sort((a, b) => parseInt(a.slice(1), 10) - parseInt(b.slice(1), 10))
    .map((s) => s.replaceAll('L', '').replace('-', '–'));
}
