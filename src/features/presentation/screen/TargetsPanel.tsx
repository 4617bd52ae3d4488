import type { PeriodId } from '../../../api/common';
import type { Kpi } from '../../../api/kpis';
import { formatMeasure } from '../../../lib/format';
import { localized } from '../../../lib/i18n';
import type { Locale } from '../../../lib/i18n';
import type { PresentationTranslate } from '../messages';
import { Figure } from '../slides/Figure';
import { PaceBar } from '../slides/PaceBar';
import type { ScreenTranslate } from './messages';
import { annualTargets } from './screenData';

/**
 * Progress towards the year's targets (目标进度): each figure of the period that has one, with its
 * bar and verdict as the slides give them (a reported period target first, else 序时进度); the
 * targets without a figure for the period are named under them.
 */
export function TargetsPanel({
  items,
  period,
  locale,
  t,
  wall,
}: {
  items: readonly Kpi[];
  period: PeriodId;
  locale: Locale;
  t: ScreenTranslate;
  wall: PresentationTranslate;
}) {
  const { progress, without } = annualTargets(items, period);
  if (progress.length === 0 && without.length === 0) {
    return <p className="screen-note screen-note--alone">{t('targets.none')}</p>;
  }
  return (
    <div className="screen-targets">
      {progress.length > 0 && (
        <ul className="screen-targets__list">
          {progress.map((kpi) => (
            <li key={kpi.id} className="screen-target">
              <div className="screen-target__head">
                <h3 className="screen-target__label">{localized(kpi.label, locale)}</h3>
                {kpi.value && (
                  <p className="screen-target__value">
                    <Figure measure={kpi.value} locale={locale} />
                  </p>
                )}
              </div>
              <PaceBar kpi={kpi} period={period} locale={locale} t={wall} />
            </li>
          ))}
        </ul>
      )}
      {without.length > 0 && (
        <p className="screen-note">
          {t('targets.without', {
            list: without
              .map((k) => `${localized(k.label, locale)} ${k.target ? formatMeasure(k.target.value, locale) : ''}`)
              .join(t('targets.join')),
          })}
        </p>
      )}
    </div>
  );
}
