import type { PeriodId } from '../api/common';
import { formatDate, formatPeriod } from '../lib/format';
import type { Locale } from '../lib/i18n';
import { useLocale, useT } from '../stores/prefs';
import { changeFactsMessages } from './changeFactsMessages';

interface ChangeFactsProps {
  /** 数据截至 before and after (equal when unchanged). */
  asOf: { before: string; after: string };
  periodsAdded: readonly PeriodId[];
  periodsRemoved: readonly PeriodId[];
  className: string;
  /** The list's accessible name, where the page names it. */
  label?: string;
}

/** Periods as a list in words: 2023年1-8月、2023年1-9月 (2023M08, 2023M09 in English). */
export const periodList = (list: readonly PeriodId[], locale: Locale) =>
  list.map((p) => formatPeriod(p, locale)).join(locale === 'en' ? ', ' : '、');

/** What a change of the data did to its date (数据截至) and its periods, as a list of terms. */
export function ChangeFacts({ asOf, periodsAdded, periodsRemoved, className, label }: ChangeFactsProps) {
  const t = useT(changeFactsMessages);
  const locale = useLocale();
  const periods = (list: readonly PeriodId[]) => (list.length === 0 ? t('none') : periodList(list, locale));
  return (
    <dl className={className} aria-label={label}>
      <div>
        <dt>{t('asOf')}</dt>
        <dd>
          {asOf.before === asOf.after
            ? t('asOfSame', { date: formatDate(asOf.after, locale) })
            : t('asOfChange', { before: formatDate(asOf.before, locale), after: formatDate(asOf.after, locale) })}
        </dd>
      </div>
      <div>
        <dt>{t('periodsAdded')}</dt>
        <dd>{periods(periodsAdded)}</dd>
      </div>
      <div>
        <dt>{t('periodsRemoved')}</dt>
        <dd>{periods(periodsRemoved)}</dd>
      </div>
    </dl>
  );
}
