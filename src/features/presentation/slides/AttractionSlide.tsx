import type { Kpi } from '../../../api/kpis';
import { valuePeriodOf } from '../../../domain/pace';
import { formatMeasure, formatPeriod } from '../../../lib/format';
import { localized } from '../../../lib/i18n';
import type { Locale } from '../../../lib/i18n';
import { Detail } from './Detail';
import { Figure } from './Figure';
import { PaceBar } from './PaceBar';
import { Source } from './Source';
import { Trend } from './Trend';
import { Empty } from './Waiting';
import { kpiDetails } from './kpiDetails';
import type { KpiSlideProps } from './kpiDetails';
import { Panel } from './Panel';
import type { PresentationTranslate } from '../messages';

/**
 * A rate drawn as a bar against what it is measured by, where the data says what that is: a
 * period target's completion against the target (100 %), a rate against the city's average.
 */
function ResultBar({
  kpi,
  items,
  locale,
  t,
}: {
  kpi: Kpi;
  items: readonly Kpi[];
  locale: Locale;
  t: PresentationTranslate;
}) {
  if (kpi.value?.unit !== 'percent') return null;
  const value = kpi.value.value;
  const average = kpi.comparisons.find((c) => c.kind === 'cityAverage')?.reference;
  let mark: { at: number; label: string } | null = null;
  if (items.some((k) => k.target?.periodCompletionKpi === kpi.id)) mark = { at: 100, label: t('result.periodTarget') };
  else if (average?.unit === 'percent')
    mark = { at: average.value, label: t('result.cityAverage', { value: formatMeasure(average, locale) }) };
  if (mark === null || value < 0) return null;
  const scale = Math.max(100, value, mark.at);
  const at = (mark.at / scale) * 100;
  return (
    <div className="wall-result-bar">
      <div className="wall-pace__track" aria-hidden="true">
        <div className="wall-pace__fill" style={{ width: `${(value / scale) * 100}%` }} />
        <div className="wall-pace__marker" style={{ left: `${at}%` }} />
      </div>
      {/* The mark's words start or end at its line, whichever keeps them inside the bar's width. */}
      <p
        className="wall-result-bar__mark"
        style={at > 50 ? { textAlign: 'right', paddingRight: `${100 - at}%` } : { paddingLeft: `${at}%` }}
      >
        {mark.label}
      </p>
    </div>
  );
}

/** Investment attraction results, and every annual target with its progress against the calendar. */
export function AttractionSlide({ items, period, locale, t }: KpiSlideProps) {
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
      <Panel id="wall-targets" title={t('attraction.progress')} className="wall-panel--wide">
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
                <Trend series={kpi.series} locale={locale} t={t} />
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
      </Panel>
      <Panel id="wall-results" title={t('attraction.rates')}>
        <ul className="wall-results">
          {results.map((kpi) => (
            <li key={kpi.id} className="wall-result">
              <h3 className="wall-result__label">{localized(kpi.label, locale)}</h3>
              {kpi.value && (
                <p className="wall-result__value">
                  <Figure measure={kpi.value} locale={locale} />
                </p>
              )}
              <ResultBar kpi={kpi} items={items} locale={locale} t={t} />
              {kpiDetails(kpi, locale).map((detail) => (
                <Detail key={detail.text} detail={detail} />
              ))}
              {kpi.value && <Source provenance={kpi.value.provenance} />}
            </li>
          ))}
        </ul>
      </Panel>
    </div>
  );
}
