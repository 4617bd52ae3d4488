/**
 * The judgements a written briefing makes, as rules over the numbers: which verb a change takes,
 * how a period's plan was met, how a figure's progress against its annual target is worded, which
 * figures are the period's own, the order of the sectors and of the named projects, and which
 * figures are estimates. (How a cumulative figure stands against its annual target and the share
 * of the year elapsed, 序时进度, is domain/pace's `paceVerdict`, shared with the tiles.) The wording
 * lives in the message catalogs; these rules decide which wording applies, so no adjective is
 * written that the figures do not support.
 */
import { STAGE_IDS } from '../api/common';
import type { Measure, PeriodId, Provenance, StageId } from '../api/common';
import type { Comparison, Kpi } from '../api/kpis';
import type { SectorFigure } from '../api/sectors';
import { behindSchedule, cumulativePaces, paceVerdict, scheduleVerdict, valuePeriodOf } from './pace';
import type { KpiPace } from './pace';
import { stageAtPeriodEnd } from './projectStage';

/** A change's direction: 增长 (up), 下降 (down), 持平 (flat). */
export type Direction = 'up' | 'down' | 'flat';

export const directionOf = (change: number): Direction => (change > 0 ? 'up' : change < 0 ? 'down' : 'flat');

/** A period's plan (完成当期计划 x%): 超额完成 above 100 %, 完成 at 100 %, 完成…的 x% below. */
export type PlanVerdict = 'exceeded' | 'met' | 'short';

export const planVerdict = (completionPercent: number): PlanVerdict =>
  completionPercent > 100 ? 'exceeded' : completionPercent === 100 ? 'met' : 'short';

/** A figure against a reference (the city average, the district): 高于 / 低于 / 持平. */
export type Standing = 'above' | 'below' | 'level';

export const standingOf = (difference: number): Standing =>
  difference > 0 ? 'above' : difference < 0 ? 'below' : 'level';

/**
 * How a figure is written in running text: as the source states it, or, when it is derived from
 * other figures (the district's −5.4 % from L81, its 918.7亿元 from L36), as an estimate — 约 /
 * about, in a sentence that says it was reckoned — so the qualifier is in the words themselves and
 * survives copying and the Word file, where no badge or tooltip goes.
 */
export type FigureWording = 'stated' | 'estimate';

export const figureWording = (provenance: Provenance): FigureWording =>
  provenance.kind === 'derived' ? 'estimate' : 'stated';

/** An estimate of a rate (约 5.4 %, "an estimated 5.4%") or of an amount (约 918.7亿元, "about ¥91.87B"). */
export type EstimateKind = 'rate' | 'amount';

/** Whether a figure is written as an estimate, and as which kind; null for a stated one. */
export const estimateOf = (measure: Measure): EstimateKind | null =>
  figureWording(measure.provenance) === 'stated'
    ? null
    : measure.unit === 'percent' || measure.unit === 'pp'
      ? 'rate'
      : 'amount';

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
 * A figure's annual target reached: 完成 at 100 % and 超额完成 above, judged on the share as it is
 * printed to one decimal, so "100.0%" is never called more than the target.
 */
export type TargetReached = 'met' | 'exceeded';

export const targetReached = (progressShare: number): TargetReached =>
  Math.round(progressShare * 1000) / 10 > 100 ? 'exceeded' : 'met';

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
