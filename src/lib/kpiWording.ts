import type { Measure } from '../api/common';
import type { Comparison, Target } from '../api/kpis';
import type { Pace, PaceKind } from '../domain/pace';
import { formatMeasure, formatPoints } from './format';
import { translate } from './i18n';
import type { Locale } from './i18n';
import { kpiWordingMessages } from './kpiWordingMessages';
import type { KpiWordingKey } from './kpiWordingMessages';

const say = (locale: Locale, key: KpiWordingKey, vars?: Record<string, string>) =>
  translate(kpiWordingMessages, locale, key, vars);

const VERDICTS: Record<Target['kind'], Partial<Record<PaceKind, KpiWordingKey>>> = {
  cumulative: { exceeded: 'pace.exceeded', ahead: 'pace.ahead', behind: 'pace.behind', onSchedule: 'pace.onSchedule' },
  level: { ahead: 'pace.level.ahead', behind: 'pace.level.behind', onSchedule: 'pace.level.onSchedule' },
};

/**
 * A figure's pace verdict (domain/pace) in words: the annual target reached, ahead of or behind the
 * calendar (序时进度) by so many points, or above or below a level target; null when there is
 * nothing to judge (no target, no value).
 */
export function paceText(pace: Pace, targetKind: Target['kind'], locale: Locale): string | null {
  if (!VERDICTS[targetKind][pace.kind]) return null;
  // Above or below a level target is said by the gap's sign: for a lower-is-better figure, below is ahead.
  const key =
    targetKind === 'level' && pace.gapPoints !== null
      ? pace.gapPoints > 0
        ? 'pace.level.ahead'
        : pace.gapPoints < 0
          ? 'pace.level.behind'
          : 'pace.level.onSchedule'
      : VERDICTS[targetKind][pace.kind];
  if (!key) return null;
  const points = pace.gapPoints === null ? '' : formatPoints(Math.abs(pace.gapPoints), locale);
  return say(locale, key, { points });
}

/** A change on the same period last year (同比 +41%, 同比持平) or on the month before (环比 −3.2%). */
export const changeText = (kind: 'yoy' | 'mom', change: Measure, locale: Locale): string =>
  change.value === 0
    ? say(locale, `${kind}.flat`)
    : say(locale, kind, { value: formatMeasure(change, locale, { signed: true }) });

/** Change on the same period last year: 同比 +41%, or 同比持平. */
export const yoyText = (yoy: Measure, locale: Locale): string => changeText('yoy', yoy, locale);

/** The month's own value of a running total: 当月 15亿元. */
export const monthValueText = (value: Measure, locale: Locale): string =>
  say(locale, 'monthValue', { value: formatMeasure(value, locale) });

/** Completion of the period's plan: 完成当期计划的 98.5%. */
export const planCompletionText = (completion: Measure, locale: Locale): string =>
  say(locale, 'planCompletion', { value: formatMeasure(completion, locale) });

/** A comparison in words (higher or lower than the reference, never a bare sign); null when it lacks its figures. */
export function comparisonText(c: Comparison, locale: Locale): string | null {
  const reference = c.reference ? formatMeasure(c.reference, locale) : '';
  const below = (c.difference?.value ?? 0) < 0;
  const difference = c.difference
    ? formatMeasure({ ...c.difference, value: Math.abs(c.difference.value) }, locale)
    : '';
  switch (c.kind) {
    case 'cityAverage':
      if (!c.reference || !c.difference) return null;
      return say(locale, below ? 'compare.cityAverage.below' : 'compare.cityAverage', { reference, difference });
    case 'district':
      if (!c.reference || !c.difference) return null;
      return say(locale, below ? 'compare.district.below' : 'compare.district', { reference, difference });
    case 'contribution':
      return c.difference ? say(locale, 'compare.contribution', { difference }) : null;
    case 'cityRank':
      return c.reference ? say(locale, 'compare.cityRank', { rank: reference }) : null;
  }
}
