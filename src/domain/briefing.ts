/**
 * The judgements a written briefing makes, as rules over the numbers: which verb a change takes,
 * how a period's plan and a year's target were met, how a figure stands against a reference, and
 * which figures are estimates. (How a cumulative figure stands against its annual target and the
 * share of the year elapsed, 序时进度, is domain/pace's `paceVerdict`, shared with the tiles; which
 * figures each section writes, in which order, is briefingSections.ts.) The wording lives in the
 * message catalogs; these rules decide which wording applies, so no adjective is written that the
 * figures do not support. The tiles' change markers read `directionOf`: this module imports no
 * other rule, so it adds nothing to the first page's load.
 */
import type { Measure, Provenance } from '../api/common';

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
 * A figure's annual target reached: 完成 at 100 % and 超额完成 above, judged on the share as it is
 * printed to one decimal, so "100.0%" is never called more than the target.
 */
export type TargetReached = 'met' | 'exceeded';

export const targetReached = (progressShare: number): TargetReached =>
  Math.round(progressShare * 1000) / 10 > 100 ? 'exceeded' : 'met';
