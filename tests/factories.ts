/** Figures of the contract built by hand, for tests of the rules that read them. */
import type { Measure, Provenance, SectorId } from '../src/api/common';
import type { Kpi } from '../src/api/kpis';
import type { SectorFigure } from '../src/api/sectors';

export const reported = (source: string): Provenance => ({ kind: 'reported', source });

/** A figure in yuan, percent or any unit, reported on a line of the report unless said otherwise. */
export const measure = (value: number, unit: Measure['unit'], provenance: Provenance = reported('L52')): Measure => ({
  value,
  unit,
  provenance,
});

/** A headline figure of the attraction group with a value for 2023H1 and nothing else; `over` sets the rest. */
export function kpi(id: string, over: Partial<Kpi> = {}): Kpi {
  return {
    id,
    group: 'attraction',
    label: { 'zh-CN': id, en: id },
    sector: null,
    headline: true,
    period: '2023H1',
    valuePeriod: '2023H1',
    value: measure(1e9, 'cny'),
    yoy: null,
    planCompletion: null,
    periodTarget: null,
    target: null,
    comparisons: [],
    facts: [],
    series: null,
    availablePeriods: ['2023H1'],
    ...over,
  };
}

/** A sector with no figure reported; `over` adds them. */
export function sectorFigure(id: SectorId, over: Partial<SectorFigure> = {}): SectorFigure {
  return {
    id,
    label: { 'zh-CN': id, en: id },
    group: 'leading',
    output: null,
    growth: null,
    firms: null,
    share: null,
    ...over,
  };
}
