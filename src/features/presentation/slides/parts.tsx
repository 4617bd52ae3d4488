import type { Measure, PeriodId, Provenance } from '../../../api/common';
import type { Kpi } from '../../../api/kpis';
import { useProvenanceText } from '../../../components/ProvenanceBadge';
import { formatMeasure, formatMeasureParts, formatPoints, formatShare } from '../../../lib/format';
import type { Locale, Translate } from '../../../lib/i18n';
import { paceOf } from '../../../lib/pace';
import type { PresentationKey } from '../messages';

export type T = Translate<PresentationKey>;

/** A figure with its number large and its unit smaller: 139.73亿元, ¥13.973B. */
export function Figure({ measure, locale, signed = false }: { measure: Measure; locale: Locale; signed?: boolean }) {
  return (
    <span className="wall-figure">
      {formatMeasureParts(measure, locale, { signed }).map((part, i) => (
        <span key={i} className={part.kind === 'number' ? 'wall-figure__number' : 'wall-figure__unit'}>
          {part.text}
        </span>
      ))}
    </span>
  );
}

/** "报告数据 · 出处：报告第 52 行": where a figure comes from, small but always on screen. */
export function Source({ provenance }: { provenance: Provenance }) {
  const describe = useProvenanceText();
  const [kind, ...details] = describe(provenance);
  return (
    <p className={`wall-source wall-source--${provenance.kind}`}>{[kind, details[0]].filter(Boolean).join(' · ')}</p>
  );
}

/** The secondary lines of a KPI: change on last year, plan completion, comparisons. */
export function kpiDetails(kpi: Kpi, locale: Locale, t: T): string[] {
  const out: string[] = [];
  const f = (m: Measure, signed = false) => formatMeasure(m, locale, { signed });
  if (kpi.yoy) out.push(t('kpi.yoy', { value: f(kpi.yoy, true) }));
  if (kpi.planCompletion) out.push(t('kpi.planCompletion', { value: f(kpi.planCompletion) }));
  for (const c of kpi.comparisons) {
    const reference = c.reference ? f(c.reference) : '';
    const difference = c.difference ? f(c.difference, true) : '';
    if (c.kind === 'cityAverage' && c.reference && c.difference)
      out.push(t('kpi.cityAverage', { reference, difference }));
    if (c.kind === 'district' && c.reference && c.difference) out.push(t('kpi.district', { reference, difference }));
    if (c.kind === 'contribution' && c.difference) out.push(t('kpi.contribution', { difference }));
    if (c.kind === 'cityRank' && c.reference) out.push(t('kpi.cityRank', { reference }));
  }
  return out;
}

/** Progress against the annual target and against the calendar (序时进度), as a bar and a verdict. */
export function PaceBar({ kpi, period, locale, t }: { kpi: Kpi; period: PeriodId; locale: Locale; t: T }) {
  if (!kpi.target) return null;
  const pace = paceOf(kpi.value, kpi.target, period);
  const target = formatMeasure(kpi.target.value, locale);
  const gap = pace.gapPoints === null ? '' : formatPoints(Math.abs(pace.gapPoints), locale);
  const level = kpi.target.kind === 'level';
  const verdict =
    pace.kind === 'ahead'
      ? t(level ? 'pace.levelAhead' : 'pace.ahead', { gap })
      : pace.kind === 'behind'
        ? t(level ? 'pace.levelBehind' : 'pace.behind', { gap })
        : pace.kind === 'onSchedule'
          ? t('pace.onSchedule')
          : pace.kind === 'noValue'
            ? t('pace.noValue')
            : null;
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

/** What a slide shows while it has never had data: calm words, never an error page. */
export function Waiting({ loading, t }: { loading: boolean; t: T }) {
  return (
    <div className="wall-waiting">
      <p className="wall-waiting__title">{loading ? t('waiting.loading') : t('waiting.title')}</p>
      {!loading && <p className="wall-waiting__body">{t('waiting.body')}</p>}
    </div>
  );
}

export function Empty({ text }: { text: string }) {
  return (
    <div className="wall-waiting">
      <p className="wall-waiting__body">{text}</p>
    </div>
  );
}
