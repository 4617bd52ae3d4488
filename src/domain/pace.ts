import type { Measure, PeriodId } from '../api/common';
import type { Kpi, Target } from '../api/kpis';
import { yearElapsedShare } from './periods';

export type PaceKind = 'ahead' | 'behind' | 'onSchedule' | 'noTarget' | 'noValue';

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
const verdict = (gap: number): PaceKind => (gap > 0 ? 'ahead' : gap < 0 ? 'behind' : 'onSchedule');

/**
 * Progress of a figure against its annual target, judged against the share of the year
 * elapsed (序时进度). Signed 180 of 400亿元 at the end of June: 45.0 % vs 49.6 % → behind by 4.6.
 * A level target (a growth rate to reach) is judged by the value itself.
 */
export function paceOf(value: Measure | null, target: Target | null, period: PeriodId): Pace {
  const none = { progress: null, elapsed: null, gapPoints: null };
  if (!target || target.period.slice(0, 4) !== period.slice(0, 4) || target.value.value <= 0) {
    return { kind: 'noTarget', ...none };
  }
  if (!value) return { kind: 'noValue', ...none };
  if (target.kind === 'level') {
    const gap = round1(value.value - target.value.value);
    return { kind: verdict(gap), progress: null, elapsed: null, gapPoints: gap };
  }
  const progress = value.value / target.value.value;
  const elapsed = yearElapsedShare(period);
  if (elapsed === null) return { kind: 'noTarget', ...none };
  const gap = round1((progress - elapsed) * 100);
  return { kind: verdict(gap), progress, elapsed, gapPoints: gap };
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
    const { progress, elapsed, gapPoints } = paceOf(kpi.value, kpi.target, period);
    if (progress === null || elapsed === null || gapPoints === null) return [];
    return [{ kpi, value: kpi.value, target: kpi.target, progress, elapsed, gapPoints }];
  });
}
