import type { Measure, PeriodId } from '../api/common';
import type { Kpi, Target } from '../api/kpis';
import { yearElapsedShare } from './periods';

/**
 * A cumulative figure against its annual target: `exceeded` once the target is reached
 * (完成全年目标), otherwise ahead of, on or behind schedule (快于/符合/慢于序时进度) by the gap in
 * percentage points between the share of the target reached and the share of the year elapsed,
 * rounded to one decimal as it is printed (49.61 % against 49.59 % is on schedule, not ahead by 0.0).
 */
export type PaceVerdict = 'exceeded' | 'ahead' | 'onSchedule' | 'behind';

export type PaceKind = PaceVerdict | 'noTarget' | 'noValue';

export interface Pace {
  kind: PaceKind;
  /** Share of the annual target reached (0.45 = 45 %). */
  progress: number | null;
  /** Share of the year elapsed at the end of the period (序时进度); null for level targets. */
  elapsed: number | null;
  /** Progress minus elapsed, in percentage points rounded to one decimal (−4.6); for level targets, value minus target. */
  gapPoints: number | null;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const verdict = (gap: number): PaceVerdict => (gap > 0 ? 'ahead' : gap < 0 ? 'behind' : 'onSchedule');
/** Progress minus elapsed, in percentage points rounded to one decimal. */
const gapPointsOf = (progressShare: number, elapsedShare: number) => round1((progressShare - elapsedShare) * 100);

/** The verdict on a cumulative figure from the share of its annual target reached and the share of the year elapsed. */
export const paceVerdict = (progressShare: number, elapsedShare: number): PaceVerdict =>
  progressShare >= 1 ? 'exceeded' : verdict(gapPointsOf(progressShare, elapsedShare));

/**
 * Progress of a figure against its annual target, judged against the share of the year
 * elapsed (序时进度). Signed 180 of 400亿元 at the end of June: 45.0 % vs 49.6 % → behind by 4.6.
 * A level target (a growth rate to reach) is judged by the value itself.
 */
export function paceOf(
  value: Measure | null,
  target: Target | null,
  period: PeriodId,
  direction: Kpi['direction'] = 'higher',
): Pace {
  const none = { progress: null, elapsed: null, gapPoints: null };
  if (!target || target.period.slice(0, 4) !== period.slice(0, 4) || target.value.value <= 0) {
    return { kind: 'noTarget', ...none };
  }
  if (!value) return { kind: 'noValue', ...none };
  if (target.kind === 'level') {
    // The gap is said as it is (above or below the target); whether that is ahead is the direction's.
    const gap = round1(value.value - target.value.value);
    return { kind: verdict(direction === 'lower' ? -gap : gap), progress: null, elapsed: null, gapPoints: gap };
  }
  const progress = value.value / target.value.value;
  const elapsed = yearElapsedShare(period);
  if (elapsed === null) return { kind: 'noTarget', ...none };
  return { kind: paceVerdict(progress, elapsed), progress, elapsed, gapPoints: gapPointsOf(progress, elapsed) };
}

/**
 * The period a figure's value is for: the period asked for, or an earlier one when the answer gives
 * the latest value up to it (`valuePeriod`, 最新数据). A value is judged against the calendar of its
 * own period, never of the one asked for.
 */
export function valuePeriodOf(kpi: Kpi): PeriodId {
  const own: unknown = 'valuePeriod' in kpi ? kpi.valuePeriod : null;
  return typeof own === 'string' ? own : kpi.period;
}

export interface KpiPace {
  kpi: Kpi;
  value: Measure;
  target: Target;
  progress: number;
  elapsed: number;
  gapPoints: number;
}

/**
 * The pace of every figure that has a cumulative annual target for the period and a value that
 * is not illustrative: what the overview's behind-schedule notice and the briefing judge.
 */
export function cumulativePaces(items: readonly Kpi[], period: PeriodId): KpiPace[] {
  return items.flatMap((kpi) => {
    if (kpi.target?.kind !== 'cumulative' || !kpi.value || kpi.value.provenance.kind === 'illustrative') return [];
    const own = valuePeriodOf(kpi);
    const { progress, elapsed, gapPoints } = paceOf(
      kpi.value,
      kpi.target,
      own === kpi.period ? period : own,
      kpi.direction,
    );
    if (progress === null || elapsed === null || gapPoints === null) return [];
    return [{ kpi, value: kpi.value, target: kpi.target, progress, elapsed, gapPoints }];
  });
}

/**
 * The verdict on a figure's schedule, by the best measure the data has. A reported completion of
 * the period's target (the task's, L52's 156 %, or the figure's own plan, L56's 119.8 %) is the
 * verdict: met at 100 % or more, missed below. Only a figure without one is judged by linear
 * 序时进度 (the share of its annual target reached against the share of the year gone), and that
 * is context, worded as a reckoning, never a contradiction of a reported verdict. Illustrative
 * figures judge nothing.
 */
export type ScheduleVerdictKind =
  'periodTargetMet' | 'periodTargetMissed' | 'aheadOfPace' | 'behindPace' | 'onPace' | 'none';

export interface ScheduleVerdict {
  kind: ScheduleVerdictKind;
  /** The reported completion the verdict rests on (156 %), for the period-target verdicts. */
  completion?: Measure;
  /** The indicator that reports the completion, when it is the task's rather than the figure's own plan. */
  completionKpi?: string;
  /** The linear pace, for the pace verdicts. */
  pace?: KpiPace;
}

const PACE_VERDICTS: Record<PaceVerdict, ScheduleVerdictKind> = {
  exceeded: 'aheadOfPace',
  ahead: 'aheadOfPace',
  behind: 'behindPace',
  onSchedule: 'onPace',
};

export function scheduleVerdict(kpi: Kpi): ScheduleVerdict {
  const task = kpi.periodTarget ?? null;
  const completion = task?.completion ?? kpi.planCompletion;
  if (completion && completion.provenance.kind !== 'illustrative') {
    return {
      kind: completion.value >= 100 ? 'periodTargetMet' : 'periodTargetMissed',
      completion,
      ...(task && task.kpi !== kpi.id ? { completionKpi: task.kpi } : {}),
    };
  }
  const [pace] = cumulativePaces([kpi], valuePeriodOf(kpi));
  return pace ? { kind: PACE_VERDICTS[paceVerdict(pace.progress, pace.elapsed)], pace } : { kind: 'none' };
}

export interface BehindItem {
  kpi: Kpi;
  verdict: ScheduleVerdict;
  /** How far short, in percentage points (negative): completion − 100, or progress − elapsed. */
  gapPoints: number;
}

/**
 * What is behind schedule by the best measure the data has: a reported period target missed, or,
 * for figures without one, linear 序时进度 behind; the furthest behind first. A figure whose task
 * reports the period target met is not behind, whatever its share of the annual target.
 */
export function behindSchedule(items: readonly Kpi[]): BehindItem[] {
  return items
    .flatMap((kpi): BehindItem[] => {
      const verdict = scheduleVerdict(kpi);
      if (verdict.kind === 'periodTargetMissed' && verdict.completion) {
        return [{ kpi, verdict, gapPoints: round1(verdict.completion.value - 100) }];
      }
      if (verdict.kind === 'behindPace' && verdict.pace) return [{ kpi, verdict, gapPoints: verdict.pace.gapPoints }];
      return [];
    })
    .sort((a, b) => a.gapPoints - b.gapPoints);
}
