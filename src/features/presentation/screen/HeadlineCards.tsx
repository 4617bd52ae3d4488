import type { PeriodId } from '../../../api/common';
import type { Kpi } from '../../../api/kpis';
import { ChangeMarker } from '../../../components/ChangeMarker';
import { paceOf, valuePeriodOf } from '../../../domain/pace';
import { formatPeriod, formatShare } from '../../../lib/format';
import { localized } from '../../../lib/i18n';
import type { Locale } from '../../../lib/i18n';
import type { PresentationTranslate } from '../messages';
import { Detail } from '../slides/Detail';
import { Figure } from '../slides/Figure';
import { kpiDetails } from '../slides/kpiDetails';
import { Source } from '../slides/Source';
import { Empty } from '../slides/Waiting';
import type { ScreenTranslate } from './messages';
import { headlineFigures } from './screenData';
import { isGrowthRate } from '../../../domain/kpi';

interface CardProps {
  kpi: Kpi;
  period: PeriodId;
  locale: Locale;
  t: ScreenTranslate;
  wall: PresentationTranslate;
}

function Card({ kpi, period, locale, t, wall }: CardProps) {
  const { value } = kpi;
  if (!value) return null;
  const own = valuePeriodOf(kpi);
  // The share of the year's target reached, as the target panel beside it measures it (its verdict is there).
  const { progress } = own === period ? paceOf(value, kpi.target, own, kpi.direction) : { progress: null };
  return (
    <li className="screen-card">
      <h3 className="screen-card__label">{localized(kpi.label, locale)}</h3>
      <p className="screen-card__value">
        {isGrowthRate(kpi) && <ChangeMarker change={value.value} />}
        <Figure measure={value} locale={locale} />
      </p>
      {/* The latest figure up to the period may be an earlier period's: it says whose. */}
      {own !== period && (
        <p className="wall-tile__detail">{wall('value.period', { period: formatPeriod(own, locale) })}</p>
      )}
      {kpiDetails(kpi, locale)
        .slice(0, 1)
        .map((detail) => (
          <Detail key={detail.text} detail={detail} />
        ))}
      {progress !== null && (
        <p className="wall-tile__detail">{t('headline.progress', { progress: formatShare(progress, locale) })}</p>
      )}
      <Source provenance={value.provenance} />
    </li>
  );
}

/**
 * The headline figures across the top of the screen (指标卡): each with its change on a year
 * earlier (▲/▼) and, where it has an annual target, the share of it reached.
 */
export function HeadlineCards({ items, ...props }: Omit<CardProps, 'kpi'> & { items: readonly Kpi[] }) {
  const shown = headlineFigures(items);
  if (shown.length === 0) {
    return <Empty text={props.wall('empty.period', { period: formatPeriod(props.period, props.locale) })} />;
  }
  return (
    <ul className="screen-cards">
      {shown.map((kpi) => (
        <Card key={kpi.id} kpi={kpi} {...props} />
      ))}
    </ul>
  );
}
