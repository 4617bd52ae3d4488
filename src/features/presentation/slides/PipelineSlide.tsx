import type { Kpi } from '../../../api/kpis';
import type { StageTotal } from '../../../api/projects';
import { valuePeriodOf } from '../../../domain/pace';
import { formatCount, formatMoney, formatPeriod } from '../../../lib/format';
import type { Locale } from '../../../lib/i18n';
import { projectLabelMessages } from '../../../lib/projectLabelMessages';
import { useT } from '../../../stores/prefs';
import { Figure, FigureParts } from './Figure';
import { Source } from './Source';
import { Panel } from './Panel';
import type { PresentationTranslate } from '../messages';
import { addsUpToReported } from '../wallProjects';
import type { Counted } from '../wallProjects';

/**
 * Stage totals from the project list, under the reported headline figures for key projects; the
 * totals say whether they count illustrative projects or only those the report names.
 */
export function PipelineSlide({
  stageTotals,
  counted,
  keyProjects,
  locale,
  t,
}: {
  stageTotals: readonly StageTotal[];
  counted: Counted;
  keyProjects: Kpi | null;
  locale: Locale;
  t: PresentationTranslate;
}) {
  const names = useT(projectLabelMessages);
  const max = Math.max(...stageTotals.map((s) => s.count), 1);
  const count = keyProjects?.facts.find((f) => f.value.unit === 'projects')?.value ?? null;
  // Money only where some project of a stage has an amount (none is not 0元); without any, no column for it.
  const money = stageTotals.some((s) => s.withMoney > 0);
  // Illustrative amounts are said to add up to the reported total only where they do.
  const addsUp = addsUpToReported(stageTotals, keyProjects);
  return (
    <div className="wall-pipeline">
      {keyProjects?.value && (
        <ul className="wall-tiles wall-tiles--3">
          {count && (
            <li className="wall-tile wall-tile--small">
              <h2 className="wall-tile__label">{t('pipeline.total')}</h2>
              <p className="wall-tile__value">
                <Figure measure={count} locale={locale} />
              </p>
              <Source provenance={count.provenance} />
            </li>
          )}
          <li className="wall-tile wall-tile--small">
            <h2 className="wall-tile__label">
              {t('pipeline.completed', { period: formatPeriod(valuePeriodOf(keyProjects), locale) })}
            </h2>
            <p className="wall-tile__value">
              <Figure measure={keyProjects.value} locale={locale} />
            </p>
            <Source provenance={keyProjects.value.provenance} />
          </li>
          {keyProjects.planCompletion && (
            <li className="wall-tile wall-tile--small">
              <h2 className="wall-tile__label">{t('pipeline.planCompletion')}</h2>
              <p className="wall-tile__value">
                <Figure measure={keyProjects.planCompletion} locale={locale} />
              </p>
              <Source provenance={keyProjects.planCompletion.provenance} />
            </li>
          )}
        </ul>
      )}
      <Panel id="wall-stages" title={t('pipeline.stages')}>
        <ol className={`wall-bars wall-bars--stages${money ? '' : ' wall-bars--counts'}`}>
          {stageTotals.map((s) => (
            <li key={s.stage} className={`wall-bar wall-bar--stage-${s.stage}`}>
              <span className="wall-bar__label">{names(`stage.${s.stage}`)}</span>
              <span className="wall-bar__track" aria-hidden="true">
                <span className="wall-bar__fill" style={{ width: `${(s.count / max) * 100}%` }} />
              </span>
              <span className="wall-bar__value">
                <FigureParts
                  parts={[{ kind: 'number', text: t('pipeline.count', { n: formatCount(s.count, locale) }) }]}
                />
              </span>
              {money && (
                <span className="wall-bar__note">
                  {s.withMoney > 0 && t('pipeline.stageMoney', { value: formatMoney(s.completed, locale) })}
                </span>
              )}
            </li>
          ))}
        </ol>
        {counted === 'illustrative' && (
          <p className="wall-source wall-source--illustrative">
            {t(addsUp ? 'pipeline.illustrative' : 'pipeline.illustrativeOwnSum')}
          </p>
        )}
        {counted === 'named' && <p className="wall-source">{t('pipeline.namedOnly')}</p>}
      </Panel>
    </div>
  );
}
