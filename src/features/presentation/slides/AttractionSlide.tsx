import type { PeriodId } from '../../../api/common';
import type { Kpi } from '../../../api/kpis';
import { valuePeriodOf } from '../../../domain/pace';
import { formatPeriod } from '../../../lib/format';
import { localized } from '../../../lib/i18n';
import type { Locale } from '../../../lib/i18n';
import { Detail } from './Detail';
import { Figure } from './Figure';
import { PaceBar } from './PaceBar';
import { Source } from './Source';
import { Empty } from './Waiting';
import { kpiDetails } from './kpiDetails';
import type { PresentationTranslate } from '../messages';

/** Investment attraction results, and every annual target with its progress against the calendar. */
export function AttractionSlide({
  items,
  period,
  locale,
  t,
}: {
  items: readonly Kpi[];
  period: PeriodId;
  locale: Locale;
  t: PresentationTranslate;
}) {
  // A value of an earlier period (2022's output, the latest up to this one) is no progress towards
  // this year's target: such a target is listed with those the report gives no figure for.
  const district = items
    .map((k) => (k.sector === null && k.target !== null && valuePeriodOf(k) !== period ? { ...k, value: null } : k))
    .filter((k) => k.sector === null);
  const targets = district.filter((k) => k.target !== null);
  const results = district.filter((k) => k.group === 'attraction' && k.target === null && k.value);
  if (targets.length === 0 && results.length === 0) {
    return <Empty text={t('empty.period', { period: formatPeriod(period, locale) })} />;
  }
  return (
    <div className="wall-columns">
      <section className="wall-panel wall-panel--wide" aria-labelledby="wall-targets">
        <h2 id="wall-targets" className="wall-panel__title">
          {t('attraction.progress')}
        </h2>
        <ul className="wall-targets">
          {targets
            .filter((kpi) => kpi.value)
            .map((kpi) => (
              <li key={kpi.id} className="wall-target">
                <h3 className="wall-target__label">{localized(kpi.label, locale)}</h3>
                {kpi.value && (
                  <p className="wall-target__value">
                    <Figure measure={kpi.value} locale={locale} />
                  </p>
                )}
                <PaceBar kpi={kpi} period={period} locale={locale} t={t} />
                {kpi.value && <Source provenance={kpi.value.provenance} />}
              </li>
            ))}
        </ul>
        {targets.some((kpi) => !kpi.value) && (
          <>
            <h3 className="wall-panel__subtitle">{t('attraction.targetsOnly')}</h3>
            <ul className="wall-target-list">
              {targets
                .filter((kpi) => !kpi.value && kpi.target)
                .map((kpi) => (
                  <li key={kpi.id} className="wall-target-list__item">
                    <span className="wall-target-list__label">{localized(kpi.label, locale)}</span>
                    <span className="wall-target-list__value">
                      {kpi.target && <Figure measure={kpi.target.value} locale={locale} />}
                    </span>
                  </li>
                ))}
            </ul>
          </>
        )}
      </section>
      <section className="wall-panel" aria-labelledby="wall-results">
        <h2 id="wall-results" className="wall-panel__title">
          {t('attraction.rates')}
        </h2>
        <ul className="wall-results">
          {results.map((kpi) => (
            <li key={kpi.id} className="wall-result">
              <h3 className="wall-result__label">{localized(kpi.label, locale)}</h3>
              {kpi.value && (
                <p className="wall-result__value">
                  <Figure measure={kpi.value} locale={locale} />
                </p>
              )}
              {kpiDetails(kpi, locale).map((detail) => (
                <Detail key={detail.text} detail={detail} />
              ))}
              {kpi.value && <Source provenance={kpi.value.provenance} />}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
