import type { PeriodId, SectorId } from '../../../api/common';
import type { SectorFigure } from '../../../api/sectors';
import { formatMeasure, formatPeriod } from '../../../lib/format';
import { localized } from '../../../lib/i18n';
import type { Locale } from '../../../lib/i18n';
import { sectorColor } from '../../../lib/sectorColors';
import type { Theme } from '../../../lib/search';
import { ChangeMarker } from '../../../components/ChangeMarker';
import { Figure } from './Figure';
import { Empty } from './Waiting';
import type { PresentationTranslate } from '../messages';

/** Output by sector as bars (largest first), with growth; firm counts beside. */
export function SectorsSlide({
  items,
  period,
  highlight,
  theme,
  locale,
  t,
}: {
  items: readonly SectorFigure[];
  period: PeriodId;
  highlight: SectorId | null;
  theme: Theme;
  locale: Locale;
  t: PresentationTranslate;
}) {
  const withOutput = items.filter((s) => s.output).sort((a, b) => (b.output?.value ?? 0) - (a.output?.value ?? 0));
  const withFirms = items.filter((s) => s.firms);
  const max = Math.max(...withOutput.map((s) => s.output?.value ?? 0), 1);
  if (withOutput.length === 0 && withFirms.length === 0) {
    return <Empty text={t('empty.period', { period: formatPeriod(period, locale) })} />;
  }
  return (
    <div className="wall-columns">
      <section className="wall-panel wall-panel--wide" aria-labelledby="wall-sector-output">
        <h2 id="wall-sector-output" className="wall-panel__title">
          {t('sectors.output', { period: formatPeriod(period, locale) })}
        </h2>
        <ul className="wall-bars">
          {withOutput.map((s) => (
            <li key={s.id} className={`wall-bar${highlight === s.id ? ' wall-bar--highlight' : ''}`}>
              <span className="wall-bar__label">{localized(s.label, locale)}</span>
              <span className="wall-bar__track" aria-hidden="true">
                <span
                  className="wall-bar__fill"
                  style={{
                    width: `${((s.output?.value ?? 0) / max) * 100}%`,
                    background: sectorColor(s.id, theme),
                  }}
                />
              </span>
              <span className="wall-bar__value">{s.output && <Figure measure={s.output} locale={locale} />}</span>
              <span className="wall-bar__note">
                {s.growth && <ChangeMarker change={s.growth.value} />}
                {[
                  s.growth ? t('sectors.growth', { value: formatMeasure(s.growth, locale, { signed: true }) }) : '',
                  s.share ? t('sectors.share', { value: formatMeasure(s.share, locale) }) : '',
                  // L42 gives no period: said wherever the figure is shown.
                  s.output?.provenance.assumedPeriod || s.growth?.provenance.assumedPeriod
                    ? t('sectors.assumedPeriod')
                    : '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      </section>
      {withFirms.length > 0 && (
        <section className="wall-panel" aria-labelledby="wall-sector-firms">
          <h2 id="wall-sector-firms" className="wall-panel__title">
            {t('sectors.firmsTitle')}
          </h2>
          <ul className="wall-results">
            {withFirms.map((s) => (
              <li key={s.id} className="wall-result">
                <h3 className="wall-result__label">
                  <span className="wall-swatch" style={{ background: sectorColor(s.id, theme) }} aria-hidden="true" />
                  {localized(s.label, locale)}
                  <span className="wall-result__group">
                    {s.group === 'leading' ? t('sectors.leading') : t('sectors.multipoint')}
                  </span>
                </h3>
                {s.firms && (
                  <p className="wall-result__value">
                    <Figure measure={s.firms} locale={locale} />
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
