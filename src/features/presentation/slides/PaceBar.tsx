import type { PeriodId } from '../../../api/common';
import type { Kpi } from '../../../api/kpis';
import { paceOf, scheduleVerdict, valuePeriodOf } from '../../../domain/pace';
import type { ScheduleVerdictKind } from '../../../domain/pace';
import { formatMeasure, formatShare } from '../../../lib/format';
import type { Locale } from '../../../lib/i18n';
import { paceText } from '../../../lib/kpiWording';
import type { PresentationTranslate } from '../messages';

/** The verdict's tone: the colour on top of the words (never in place of them). */
const TONE: Record<ScheduleVerdictKind, string> = {
  periodTargetMet: 'ahead',
  aheadOfPace: 'ahead',
  periodTargetMissed: 'behind',
  behindPace: 'behind',
  onPace: 'onSchedule',
  none: 'none',
};

/**
 * Progress against the annual target as a bar, with the verdict by the best measure the data has:
 * a reported period-target completion (L52: the 招商引资 task at 156 %) where there is one, the bar
 * then being context; otherwise linear 序时进度, said to be a reckoning.
 */
export function PaceBar({
  kpi,
  locale,
  t,
}: {
  kpi: Kpi;
  /** Not needed: the figure carries its period. */
  period?: PeriodId;
  locale: Locale;
  t: PresentationTranslate;
}) {
  if (!kpi.target) return null;
  const pace = paceOf(kpi.value, kpi.target, valuePeriodOf(kpi), kpi.direction);
  const schedule = scheduleVerdict(kpi);
  const target = formatMeasure(kpi.target.value, locale);
  let verdict: string | null;
  if (pace.kind === 'noValue') verdict = t('pace.noValue');
  else if (
    (schedule.kind === 'periodTargetMet' || schedule.kind === 'periodTargetMissed') &&
    schedule.completion !== undefined
  ) {
    verdict = t(`pace.${schedule.kind}`, { completion: formatMeasure(schedule.completion, locale) });
  } else if (kpi.target.kind === 'cumulative' && pace.kind !== 'exceeded') {
    // A reckoning against the calendar; a target reached is a fact, said as it is.
    const words = paceText(pace, 'cumulative', locale);
    verdict = words === null ? null : t('pace.reckoned', { verdict: words });
  } else verdict = paceText(pace, kpi.target.kind, locale);
  const tone = kpi.target.kind === 'level' ? pace.kind : TONE[schedule.kind];
  const progress = pace.progress === null ? null : Math.min(1, Math.max(0, pace.progress));
  return (
    <div className={`wall-pace wall-pace--${tone}`}>
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
