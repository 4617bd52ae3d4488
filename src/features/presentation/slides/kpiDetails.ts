import type { PeriodId } from '../../../api/common';
import type { Kpi } from '../../../api/kpis';
import type { Locale } from '../../../lib/i18n';
import { comparisonText, planCompletionText, yoyText } from '../../../lib/kpiWording';
import type { PresentationTranslate } from '../messages';

/** What a slide of indicators is given: the period's list, its period, the language and the wording. */
export interface KpiSlideProps {
  items: readonly Kpi[];
  period: PeriodId;
  locale: Locale;
  t: PresentationTranslate;
}

/** A secondary line of a KPI; `change` is set on a change (同比), which is shown with its ▲/▼. */
export interface KpiDetail {
  text: string;
  change?: number;
  /** With `change`: the figure is better lower, so a rise is coloured as bad news. */
  lowerIsBetter?: boolean;
}

/** The secondary lines of a KPI, worded as on the dashboard's tiles: change on last year, plan completion, comparisons. */
export function kpiDetails(kpi: Kpi, locale: Locale): KpiDetail[] {
  const out: KpiDetail[] = [];
  if (kpi.yoy) {
    out.push({ text: yoyText(kpi.yoy, locale), change: kpi.yoy.value, lowerIsBetter: kpi.direction === 'lower' });
  }
  if (kpi.planCompletion) out.push({ text: planCompletionText(kpi.planCompletion, locale) });
  for (const c of kpi.comparisons) {
    const text = comparisonText(c, locale);
    if (text !== null) out.push({ text });
  }
  return out;
}
