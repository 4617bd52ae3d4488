import type { PeriodId } from '../../../api/common';
import type { Kpi } from '../../../api/kpis';
import { paceOf } from '../../../domain/pace';
import { formatMeasure, formatShare } from '../../../lib/format';
import type { Locale } from '../../../lib/i18n';
import { paceVerdict } from '../../../lib/kpiWording';
import type { PresentationTranslate } from '../messages';

/** Progress against the annual target and against the calendar (序时进度), as a bar and a verdict. */
export function PaceBar({
  kpi,
  period,
  locale,
  t,
}: {
  kpi: Kpi;
  period: PeriodId;
  locale: Locale;
  t: PresentationTranslate;
}) {
  if (!kpi.target) return null;
  const pace = paceOf(kpi.value, kpi.target, period);
  const target = formatMeasure(kpi.target.value, locale);
  const verdict = pace.kind === 'noValue' ? t('pace.noValue') : paceVerdict(pace, kpi.target.kind, locale);
  const progress = pace.progress === null ? null : Math.min(1, Math.max(0, pace.progress));
  return (
    <div className={`wall-pace wall-pace--${pace.kind}`}>
      <p className="wall-pace__target">{t('pace.target', { target })}</p>
      {progress !== null && pace.elapsed !== null && pace.progress !== null && (
        <>
          <div className="wall-pace__track" aria-hidden="true">
            <div className="wall-pace__fill" style={{ width: `${progress * 100}%` }} />
            <div className="wall-pace__marker" style={{ left: `${Math.min(1, pace.elapsed) * 100}%` }} />
          </div>
          <p className="wall-pace__numbers">
            <span>{t('pace.progress', { progress: formatShare(pace.progress, locale) })}</span>
            <span>{t('pace.elapsed', { elapsed: formatShare(pace.elapsed, locale) })}</span>
          </p>
        </>
      )}
      {verdict && <p className="wall-pace__verdict">{verdict}</p>}
    </div>
  );
}
