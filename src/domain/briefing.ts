/**
 * The judgements a written briefing makes, as rules over the numbers: which verb a change takes
 * and how a period's plan was met (how a cumulative figure stands against its annual target and
 * the share of the year elapsed, 序时进度, is domain/pace's `paceVerdict`, shared with the tiles).
 * The wording lives in the message catalogs; these rules decide which wording applies, so no
 * adjective is written that the figures do not support.
 */
import type { Provenance } from '../api/common';

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

/** Items behind schedule, the furthest behind first (gap in percentage points, negative). */
export function furthestBehindFirst<T extends { gapPoints: number }>(items: readonly T[]): T[] {
  return items.filter((i) => i.gapPoints < 0).sort((a, b) => a.gapPoints - b.gapPoints);
}

/** Sectors ranked by growth, fastest first; those without a growth figure are left out. */
export function rankByGrowth<T extends { growth: number | null }>(items: readonly T[]): (T & { growth: number })[] {
  return items.filter((i): i is T & { growth: number } => i.growth !== null).sort((a, b) => b.growth - a.growth);
}

/**
 * How a figure is written in running text: as the source states it, or, when it is derived from
 * other figures (the district's −5.4 % from L81, its 918.7亿元 from L36), as an estimate — 约 /
 * about, in a sentence that says it was reckoned — so the qualifier is in the words themselves and
 * survives copying and the Word file, where no badge or tooltip goes.
 */
export type FigureWording = 'stated' | 'estimate';

export const figureWording = (provenance: Provenance): FigureWording =>
  provenance.kind === 'derived' ? 'estimate' : 'stated';
