import type { Kpi } from '../../../api/kpis';
import type { StageTotal } from '../../../api/projects';
import { formatCount, formatMoney } from '../../../lib/format';
import type { Locale } from '../../../lib/i18n';
import { projectLabelMessages } from '../../../lib/projectLabelMessages';
import { useT } from '../../../stores/prefs';
import { Figure } from './Figure';
import { Source } from './Source';
import type { PresentationTranslate } from '../messages';

/** Stage totals from the project list, under the reported headline figures for key projects. */
export function PipelineSlide({
  stageTotals,
  keyProjects,
  locale,
  t,
}: {
  stageTotals: readonly StageTotal[];
  keyProjects: Kpi | null;
  locale: Locale;
  t: PresentationTranslate;
}) {
  const names = useT(projectLabelMessages);
  const max = Math.max(...stageTotals.map((s) => s.count), 1);
  const count = keyProjects?.facts.find((f) => f.value.unit === 'projects')?.value ?? null;
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
            <h2 className="wall-tile__label">{t('pipeline.completed')}</h2>
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
      <section className="wall-panel" aria-labelledby="wall-stages">
        <h2 id="wall-stages" className="wall-panel__title">
          {t('pipeline.stages')}
        </h2>
        <ol className="wall-bars wall-bars--stages">
          {stageTotals.map((s) => (
            <li key={s.stage} className={`wall-bar wall-bar--stage-${s.stage}`}>
              <span className="wall-bar__label">{names(`stage.${s.stage}`)}</span>
              <span className="wall-bar__track" aria-hidden="true">
                <span className="wall-bar__fill" style={{ width: `${(s.count / max) * 100}%` }} />
              </span>
              <span className="wall-bar__value">
                <span className="wall-figure__number">{t('pipeline.count', { n: formatCount(s.count, locale) })}</span>
              </span>
              <span className="wall-bar__note">
                {t('pipeline.stageMoney', { value: formatMoney(s.completed, locale) })}
              </span>
            </li>
          ))}
        </ol>
        <p className="wall-source wall-source--illustrative">{t('pipeline.illustrative')}</p>
      </section>
    </div>
  );
}
