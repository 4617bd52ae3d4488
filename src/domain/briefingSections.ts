/**
 * What each section of the briefing writes, and in which order, as rules over the figures: which
 * figures are the period's own, the targets the overview states, the order of the sectors and of
 * the named projects, which sectors' period the source does not give, and how a figure's progress
 * against its annual target is worded beside the verdicts the data reports.
 */
import { STAGE_IDS } from '../api/common';
import type { Measure, PeriodId, StageId } from '../api/common';
import type { Comparison, Kpi } from '../api/kpis';
import type { SectorFigure } from '../api/sectors';
import { targetReached } from './briefing';
import type { TargetReached } from './briefing';
import { behindSchedule, cumulativePaces, paceVerdict, scheduleVerdict, valuePeriodOf } from './pace';
import type { KpiPace } from './pace';
import { stageAtPeriodEnd } from './projectStage';

/**
 * The figures of the period itself. An answer may give a figure's latest value up to the period
 * (`valuePeriod`, an earlier one); the briefing writes a period's own figures, so such a figure
 * keeps its name and annual target but none of its values, and every sentence that needs them is
 * left out rather than putting an earlier period's numbers in this one.
 */
export function ownPeriodFigures(items: readonly Kpi[], period: PeriodId): Kpi[] {
  return items.map((k) =>
    valuePeriodOf(k) === period
      ? k
      : {
          ...k,
          value: null,
          yoy: null,
          planCompletion: null,
          periodTarget: null,
          comparisons: [],
          facts: [],
          series: null,
        },
  );
}

/** The district-wide industrial figures with an annual target: the targets the overview states. */
export const districtIndustryTargets = (items: readonly Kpi[]): Kpi[] =>
  items.filter((k) => k.group === 'industry' && k.sector === null && k.target !== null);

/**
 * Items in order of growth, fastest first; those without a growth figure follow in their own
 * order (they are written without a change, never ranked).
 */
export function inGrowthOrder<T>(items: readonly T[], growthOf: (item: T) => number | null): T[] {
  const ranked = items.filter((i) => growthOf(i) !== null).sort((a, b) => (growthOf(b) ?? 0) - (growthOf(a) ?? 0));
  return [...ranked, ...items.filter((i) => growthOf(i) === null)];
}

/** Whether the source states a sector's output or growth without its period (L42): the draft says so. */
export const periodAssumed = (s: SectorFigure): boolean =>
  Boolean(s.output?.provenance.assumedPeriod ?? s.growth?.provenance.assumedPeriod);

/**
 * How the briefing words a figure's progress against its annual target. Once the target is reached
 * it says so, whatever else is known. Otherwise 序时进度 is written, as a reckoning, only for a
 * figure the data gives no better verdict on: a reported period-target completion (L52's 156 %)
 * outranks it, and a pace behind is said once, in the box that opens the draft; then only how far
 * the year's target is reached is written.
 */
export type ProgressWording =
  | { kind: 'targetReached'; reached: TargetReached }
  | { kind: 'reckoned'; verdict: 'ahead' | 'onSchedule' | 'behind' }
  | { kind: 'progressOnly' };

export interface AnnualProgress {
  pace: KpiPace;
  wording: ProgressWording;
}

const REPORTED = new Set(['periodTargetMet', 'periodTargetMissed']);

export function annualProgress(items: readonly Kpi[], period: PeriodId): AnnualProgress[] {
  const behind = new Set(behindSchedule(items).map((b) => b.kpi.id));
  return cumulativePaces(items, period).map((pace): AnnualProgress => {
    const verdict = paceVerdict(pace.progress, pace.elapsed);
    if (verdict === 'exceeded')
      return { pace, wording: { kind: 'targetReached', reached: targetReached(pace.progress) } };
    const saidElsewhere = REPORTED.has(scheduleVerdict(pace.kpi).kind) || behind.has(pace.kpi.id);
    return { pace, wording: saidElsewhere ? { kind: 'progressOnly' } : { kind: 'reckoned', verdict } };
  });
}

/**
 * The named projects by their stage at the end of the period, the furthest along first (在建 before
 * 前期, 已签约, 在谈); a stage without a project is left out, and so is a project whose stage then
 * the data cannot say.
 */
export function projectsByStage<P extends Parameters<typeof stageAtPeriodEnd>[0]>(
  projects: readonly P[],
  period: PeriodId,
): { stage: StageId; projects: P[] }[] {
  return [...STAGE_IDS].reverse().flatMap((stage) => {
    const at = projects.filter((p) => stageAtPeriodEnd(p, period) === stage);
    return at.length > 0 ? [{ stage, projects: at }] : [];
  });
}

/** A figure's fact in a unit (the 198 projects beside 139.73亿元), the first one in that unit. */
export const factOf = (k: Kpi | undefined, unit: Measure['unit']): Measure | undefined =>
  k?.facts.find((f) => f.value.unit === unit)?.value;

/** A figure's comparison of a kind (against the city average, the district, …). */
export const comparisonOf = (k: Kpi | undefined, kind: Comparison['kind']): Comparison | undefined =>
  k?.comparisons.find((c) => c.kind === kind);
