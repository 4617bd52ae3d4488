import type { Kpi, Target } from '../api/kpis';

/**
 * A growth rate (the indicator's id says so: …-growth, in percent) is itself a change, marked ▲/▼
 * like 同比 wherever its value is shown.
 */
export const isGrowthRate = (kpi: Pick<Kpi, 'id' | 'value'>): boolean =>
  kpi.value?.unit === 'percent' && kpi.id.endsWith('-growth');

/**
 * How a target is worded: a total to reach (目标); a growth rate to reach (增速目标), for a level
 * target of a growth rate; a ceiling (控制在…以内), for a level an indicator is better below (a
 * jobless rate); any other level as a total.
 */
export function targetWording(kpi: Pick<Kpi, 'id' | 'direction'>, target: Pick<Target, 'kind' | 'value'>) {
  if (target.kind !== 'level') return 'total';
  if (kpi.direction === 'lower') return 'cap';
  return isGrowthRate({ id: kpi.id, value: target.value }) ? 'rate' : 'total';
}
