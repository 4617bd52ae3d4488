import { valuePeriodOf } from '../../../domain/pace';
import { formatPeriod } from '../../../lib/format';
import { localized } from '../../../lib/i18n';
import { Detail } from './Detail';
import { Figure } from './Figure';
import { PaceBar } from './PaceBar';
import { Source } from './Source';
import { Trend } from './Trend';
import { Empty } from './Waiting';
import { kpiDetails } from './kpiDetails';
import type { KpiSlideProps } from './kpiDetails';

/** The headline figures (and the chosen sector's), each with its pace against a target where it has one. */
export function KpiSlide({ items, period, locale, t }: KpiSlideProps) {
  const shown = items.filter((k) => k.value && (k.headline || k.sector !== null)).slice(0, 8);
  if (shown.length === 0) return <Empty text={t('empty.period', { period: formatPeriod(period, locale) })} />;
  return (
    <ul className={`wall-tiles wall-tiles--fill wall-tiles--${shown.length > 6 ? 4 : 3}`}>
      {shown.map((kpi) => (
        <li key={kpi.id} className="wall-tile">
          <h2 className="wall-tile__label">{localized(kpi.label, locale)}</h2>
          {/* Between label and source, centred: a tile with little more than its figure is not empty below it. */}
          <div className="wall-tile__body">
            {/* The figure with, beside it, its course over the year where the data has one. */}
            <div className="wall-tile__headline">
              {kpi.value && (
                <p className="wall-tile__value">
                  <Figure measure={kpi.value} locale={locale} />
                </p>
              )}
              {!kpi.target && <Trend series={kpi.series} locale={locale} t={t} />}
            </div>
            {/* The latest figure up to the period may be an earlier period's: it says whose. */}
            {kpi.value && valuePeriodOf(kpi) !== period && (
              <p className="wall-tile__detail">
                {t('value.period', { period: formatPeriod(valuePeriodOf(kpi), locale) })}
              </p>
            )}
            {kpiDetails(kpi, locale)
              .slice(0, 2)
              .map((detail) => (
                <Detail key={detail.text} detail={detail} />
              ))}
            <PaceBar kpi={kpi} period={period} locale={locale} t={t} />
          </div>
          {kpi.value && <Source provenance={kpi.value.provenance} />}
        </li>
      ))}
    </ul>
  );
}
