import type { PeriodId, SectorId } from '../../../api/common';
import type { SectorFigure } from '../../../api/sectors';
import { formatMeasure, formatPeriod } from '../../../lib/format';
import { localized } from '../../../lib/i18n';
import type { Locale } from '../../../lib/i18n';
import type { SectorColorOf } from '../../../lib/sectorColors';
import type { Theme } from '../../../lib/search';
import { ChangeMarker } from '../../../components/ChangeMarker';
import { Figure } from './Figure';
import { Empty } from './Waiting';
import { Panel } from './Panel';
import type { PresentationTranslate } from '../messages';

/** L42 gives no period for some sector figures: said wherever the figure is shown. */
const assumed = (...measures: (SectorFigure['output'] | undefined)[]) =>
  measures.some((m) => m?.provenance.assumedPeriod);

/**
 * Output by sector as bars (largest first), with growth; beside it, when the period has them,
 * the sectors ranked by growth and the firm counts. A period with output alone gives the bars
 * the whole width.
 */
export function SectorsSlide({
  items,
  period,
  highlight,
  theme,
  sectorColor,
  locale,
  t,
}: {
  items: readonly SectorFigure[];
  period: PeriodId;
  highlight: SectorId | null;
  theme: Theme;
  sectorColor: SectorColorOf;
  locale: Locale;
  t: PresentationTranslate;
}) {
  const withOutput = items.filter((s) => s.output).sort((a, b) => (b.output?.value ?? 0) - (a.output?.value ?? 0));
  const withGrowth = items.filter((s) => s.growth).sort((a, b) => (b.growth?.value ?? 0) - (a.growth?.value ?? 0));
  const withFirms = items.filter((s) => s.firms);
  const max = Math.max(...withOutput.map((s) => s.output?.value ?? 0), 1);
  const maxGrowth = Math.max(...withGrowth.map((s) => Math.abs(s.growth?.value ?? 0)), 1);
  if (withOutput.length === 0 && withFirms.length === 0) {
    return <Empty text={t('empty.period', { period: formatPeriod(period, locale) })} />;
  }
  // Growth ranked on its own only beside the output bars, where it says more than their notes.
  const growthPanel = withOutput.length > 0 && withGrowth.length > 1;
  const side = growthPanel || withFirms.length > 0;
  return (
    <div className={`wall-columns${side && withOutput.length > 0 ? '' : ' wall-columns--one'}`}>
      {withOutput.length > 0 && (
        <Panel id="wall-sector-output" title={t('sectors.output', { period: formatPeriod(period, locale) })}>
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
                    assumed(s.output, s.growth) ? t('sectors.assumedPeriod') : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        </Panel>
      )}
      {side && (
        <div className="wall-stack">
          {growthPanel && (
            <Panel id="wall-sector-growth" title={t('sectors.growthTitle')}>
              <ul className="wall-bars wall-bars--ranked">
                {withGrowth.map((s) => (
                  <li key={s.id} className="wall-bar">
                    <span className="wall-bar__label">{localized(s.label, locale)}</span>
                    <span className="wall-bar__value">
                      {s.growth && (
                        <>
                          <ChangeMarker change={s.growth.value} />
                          <Figure measure={s.growth} locale={locale} signed />
                        </>
                      )}
                    </span>
                    <span className="wall-bar__track" aria-hidden="true">
                      <span
                        className={`wall-bar__fill${(s.growth?.value ?? 0) < 0 ? ' wall-bar__fill--negative' : ''}`}
                        style={{
                          width: `${(Math.abs(s.growth?.value ?? 0) / maxGrowth) * 100}%`,
                          backgroundColor: sectorColor(s.id, theme),
                        }}
                      />
                    </span>
                  </li>
                ))}
              </ul>
              {withGrowth.some((s) => assumed(s.growth)) && (
                <p className="wall-source">
                  {t('sectors.growthAssumed', {
                    names: withGrowth
                      .filter((s) => assumed(s.growth))
                      .map((s) => localized(s.label, locale))
                      .join(t('list.separator')),
                  })}
                </p>
              )}
            </Panel>
          )}
          {withFirms.length > 0 && (
            <Panel id="wall-sector-firms" title={t('sectors.firmsTitle')}>
              <ul className="wall-results">
                {withFirms.map((s) => (
                  <li key={s.id} className="wall-result">
                    <h3 className="wall-result__label">
                      <span
                        className="wall-swatch"
                        style={{ background: sectorColor(s.id, theme) }}
                        aria-hidden="true"
                      />
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
            </Panel>
          )}
        </div>
      )}
    </div>
  );
}
