import type { PeriodId } from '../../../api/common';
import type { SectorFigure } from '../../../api/sectors';
import { ChangeMarker } from '../../../components/ChangeMarker';
import { formatCount, formatMeasure, formatPeriod, formatShare } from '../../../lib/format';
import { localized } from '../../../lib/i18n';
import type { Locale } from '../../../lib/i18n';
import type { Theme } from '../../../lib/search';
import type { SectorColorOf } from '../../../lib/sectorColors';
import type { PresentationTranslate } from '../messages';
import { Figure } from '../slides/Figure';
import { Empty } from '../slides/Waiting';
import type { ScreenTranslate } from './messages';
import { sectorStructure } from './screenData';

/**
 * The sectors that have figures, as one bar split by their shares (the whole, at a glance) and a
 * row each: value, share and change on last year. Shares are of what the data gives: the district
 * where every sector's share is reported, else the listed sectors' sum, said so under the bar.
 */
export function StructurePanel({
  items,
  period,
  theme,
  sectorColor,
  locale,
  t,
  wall,
}: {
  items: readonly SectorFigure[];
  period: PeriodId;
  theme: Theme;
  sectorColor: SectorColorOf;
  locale: Locale;
  t: ScreenTranslate;
  wall: PresentationTranslate;
}) {
  const structure = sectorStructure(items);
  if (!structure) return <Empty text={wall('empty.period', { period: formatPeriod(period, locale) })} />;
  const { rows, basis, total } = structure;
  const rest = basis === 'district' ? 1 - rows.reduce((sum, r) => sum + (r.share ?? 0), 0) : 0;
  return (
    <div className="screen-structure">
      <p className="screen-structure__what">
        {t(structure.measure === 'output' ? 'structure.output' : 'structure.firms', {
          period: formatPeriod(period, locale),
        })}
      </p>
      {basis !== 'none' && (
        <div className="screen-structure__bar" aria-hidden="true">
          {rows.map((r) => (
            <span
              key={r.id}
              className="screen-structure__part"
              style={{ flexGrow: r.share ?? 0, background: sectorColor(r.id, theme) }}
            />
          ))}
          {rest > 0.0005 && (
            <span className="screen-structure__part screen-structure__part--rest" style={{ flexGrow: rest }} />
          )}
        </div>
      )}
      <ul className="screen-structure__rows">
        {rows.map((r) => (
          <li key={r.id} className="screen-structure__row">
            <span className="screen-structure__name">
              <span className="wall-swatch" style={{ background: sectorColor(r.id, theme) }} aria-hidden="true" />
              {localized(r.label, locale)}
            </span>
            <span className="screen-structure__value">
              <Figure measure={r.value} locale={locale} />
            </span>
            <span className="screen-structure__share">
              {r.share === null ? '' : t('structure.share', { share: formatShare(r.share, locale) })}
            </span>
            <span className="screen-structure__growth">
              {r.growth && (
                <>
                  <ChangeMarker change={r.growth.value} />
                  {t('structure.growth', { value: formatMeasure(r.growth, locale, { signed: true }) })}
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
      <p className="screen-note">
        {[
          basis === 'district' ? t('structure.shareDistrict') : '',
          basis === 'listed' && total
            ? t('structure.shareListed', {
                n: formatCount(rows.length, locale),
                total: formatMeasure(total, locale),
              })
            : '',
          rows.some((r) => r.assumedPeriod) ? t('structure.assumedPeriod') : '',
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
    </div>
  );
}
