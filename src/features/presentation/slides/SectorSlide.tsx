import type { PeriodId } from '../../../api/common';
import type { SectorDetail } from '../../../api/sectors';
import { formatCount, formatPeriod } from '../../../lib/format';
import { localized } from '../../../lib/i18n';
import type { Locale } from '../../../lib/i18n';
import { sectorColor } from '../../../lib/sectorColors';
import type { Theme } from '../../../lib/search';
import { ChangeMarker } from '../../../components/ChangeMarker';
import { Figure } from './Figure';
import { Source } from './Source';
import type { PresentationTranslate } from '../messages';

/** One sector: its figures for the period, its key projects and the firms the report names. */
export function SectorSlide({
  detail,
  period,
  theme,
  locale,
  t,
}: {
  detail: SectorDetail;
  period: PeriodId;
  theme: Theme;
  locale: Locale;
  t: PresentationTranslate;
}) {
  const s = detail.sector;
  const figures = [
    { key: 'output', label: t('sector.output'), measure: s.output, signed: false },
    { key: 'growth', label: t('sector.growth'), measure: s.growth, signed: true },
    { key: 'firms', label: t('sector.firms'), measure: s.firms, signed: false },
    { key: 'share', label: t('sector.share'), measure: s.share, signed: false },
  ];
  return (
    <div className="wall-sector" style={{ borderColor: sectorColor(s.id, theme) }}>
      <ul className="wall-tiles wall-tiles--5">
        {figures.map((f) => (
          <li key={f.key} className="wall-tile wall-tile--small">
            <h2 className="wall-tile__label">{f.label}</h2>
            <p className="wall-tile__value">
              {f.measure ? (
                <>
                  {f.signed && <ChangeMarker change={f.measure.value} />}
                  <Figure measure={f.measure} locale={locale} signed={f.signed} />
                </>
              ) : (
                <span className="wall-tile__missing">{t('sectors.notReported')}</span>
              )}
            </p>
            {f.measure && <Source provenance={f.measure.provenance} />}
          </li>
        ))}
        <li className="wall-tile wall-tile--small">
          <h2 className="wall-tile__label">{t('sector.projects')}</h2>
          <p className="wall-tile__value">
            <span className="wall-figure__number">
              {t('sector.projectsValue', { n: formatCount(detail.projectCount, locale) })}
            </span>
          </p>
          {/* The report gives no project count by sector: the list's count is made up, and says so. */}
          <Source provenance={{ kind: 'illustrative' }} />
        </li>
      </ul>
      <p className="wall-sector__period">{formatPeriod(period, locale)}</p>
      <section className="wall-panel" aria-labelledby="wall-named-firms">
        <h2 id="wall-named-firms" className="wall-panel__title">
          {t('sector.namedFirms')}
        </h2>
        {detail.firms.length === 0 ? (
          <p className="wall-tile__detail">{t('sector.noFirms')}</p>
        ) : (
          <ul className="wall-firms">
            {detail.firms.slice(0, 6).map((firm) => (
              <li key={firm.name} className="wall-firm">
                <span className="wall-firm__name">{firm.name}</span>
                <span className="wall-firm__note">{localized(firm.note, locale)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
