import type { Kpi } from '../api/kpis';

/**
 * A growth rate (the indicator's id says so: …-growth, in percent) is itself a change, marked ▲/▼
 * like 同比 wherever its value is shown.
 */
export const isGrowthRate = (kpi: Pick<Kpi, 'id' | 'value'>): boolean =>
  kpi.value?.unit === 'percent' && kpi.id.endsWith('-growth');
