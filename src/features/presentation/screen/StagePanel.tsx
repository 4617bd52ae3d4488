import type { StageTotal } from '../../../api/projects';
import { formatCount } from '../../../lib/format';
import type { Locale } from '../../../lib/i18n';
import { projectLabelMessages } from '../../../lib/projectLabelMessages';
import { useT } from '../../../stores/prefs';
import type { ScreenTranslate } from './messages';

/**
 * The key projects by stage, 在谈 → 签约 → 前期 → 在建 → 建成, as a funnel of bars centred on one
 * axis, each as wide as its count; the counts are written beside them.
 */
export function StagePanel({
  stageTotals,
  illustrative,
  locale,
  t,
}: {
  stageTotals: readonly StageTotal[];
  /** Some of the projects counted, or their stages, are illustrative. */
  illustrative: boolean;
  locale: Locale;
  t: ScreenTranslate;
}) {
  const names = useT(projectLabelMessages);
  const max = Math.max(...stageTotals.map((s) => s.count), 1);
  const total = stageTotals.reduce((sum, s) => sum + s.count, 0);
  return (
    <div className="screen-stages">
      <ol className="screen-stages__list">
        {stageTotals.map((s) => (
          <li key={s.stage} className={`screen-stage screen-stage--${s.stage}`}>
            <span className="screen-stage__name">{names(`stage.${s.stage}`)}</span>
            <span className="screen-stage__track" aria-hidden="true">
              {s.count > 0 && (
                <span className="screen-stage__fill" style={{ width: `${Math.max((s.count / max) * 100, 2)}%` }} />
              )}
            </span>
            <span className="screen-stage__count">{t('stages.count', { n: formatCount(s.count, locale) })}</span>
          </li>
        ))}
      </ol>
      <p className="screen-note">
        {t('stages.total', { n: formatCount(total, locale) })}
        {illustrative && ` · ${t('stages.illustrative')}`}
      </p>
    </div>
  );
}
