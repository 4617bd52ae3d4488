import type { Kpi } from '../../../api/kpis';
import type { Locale } from '../../../lib/i18n';
import { comparisonText, planCompletionText, yoyText } from '../../../lib/kpiWording';

/** The secondary lines of a KPI, worded as on the dashboard's tiles: change on last year, plan completion, comparisons. */
export function kpiDetails(kpi: Kpi, locale: Locale): string[] {
  const out: string[] = [];
  if (kpi.yoy) out.push(yoyText(kpi.yoy, locale));
  if (kpi.planCompletion) out.push(planCompletionText(kpi.planCompletion, locale));
  for (const c of kpi.comparisons) {
    const text = comparisonText(c, locale);
    if (text !== null) out.push(text);
  }
  return out;
}
