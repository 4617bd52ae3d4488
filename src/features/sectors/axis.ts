import { formatNumber } from '../../lib/numberParts';
import type { Locale } from '../../lib/i18n';

/** Tick steps a reader counts in without effort, times a power of ten: 10, 20, 25, 50, 100… */
const STEPS = [1, 2, 2.5, 5];

/**
 * The ticks of a value axis: evenly spaced at 1, 2, 2.5 or 5 × 10ⁿ, zero among them, the first at
 * or below the lowest value, the last at or above the highest, at most `max` of them, as close to
 * the values as that allows: 56.67 → 0, 20, 40, 60; −4.2 and 12.8 → −5, 0, 5, 10, 15. An axis that
 * thins its labels can then keep the one at zero. Counts (`integer`) get whole steps only.
 */
export function roundTicks(values: readonly number[], { max = 6, integer = false } = {}): number[] {
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const span = high - low;
  if (!(span > 0) || !Number.isFinite(span)) return [0];
  for (let magnitude = 10 ** Math.floor(Math.log10(span / max)); ; magnitude *= 10) {
    for (const s of STEPS) {
      const step = s * magnitude;
      if (integer && !Number.isInteger(step)) continue;
      const below = Math.ceil(-low / step - 1e-9);
      const above = Math.ceil(high / step - 1e-9);
      if (below + above + 1 <= max) {
        return Array.from({ length: below + above + 1 }, (_, i) => Number(((i - below) * step).toPrecision(12)));
      }
    }
  }
}

/** A value axis: its bounds, its first and last ticks. */
export interface ValueAxis {
  domain: [number, number];
  ticks: number[];
}

export function valueAxis(values: readonly number[], options?: { max?: number; integer?: boolean }): ValueAxis {
  const ticks = roundTicks(values, options);
  return { domain: [ticks[0] ?? 0, ticks.at(-1) ?? 0], ticks };
}

/** The unit a money axis counts in, and how many yuan one of it is. */
export interface MoneyScale {
  label: string;
  yuan: number;
}

/**
 * The unit of a money axis, from its last tick: 亿元 from 1亿 and 万元 below it in Chinese, ¥B from
 * ¥1B and ¥M below it in English (the units of the tables: lib/columnUnit.ts).
 */
export function moneyScale(top: number, locale: Locale): MoneyScale {
  const large = locale === 'zh-CN' ? { label: '亿元', yuan: 1e8 } : { label: '¥B', yuan: 1e9 };
  const small = locale === 'zh-CN' ? { label: '万元', yuan: 1e4 } : { label: '¥M', yuan: 1e6 };
  return Math.abs(top) >= large.yuan ? large : small;
}

/**
 * A tick's label: the bare number in the axis' unit (20, 2.5, −5), as the unit is said once, in
 * the chart's unit line: no "0元" beside "15亿元", nothing to clip at the ends of the axis.
 */
export function tickLabel(value: number, locale: Locale, per = 1): string {
  return formatNumber(value / per, locale, { maximumFractionDigits: 3 }).replace('-', '\u2212');
}

/** The charts' type size (px): a CJK character is about this wide, a digit or Latin letter 0.62 of it. */
const TYPE_PX = 16;

/** How wide `text` is drawn in the charts' type (px), near enough to keep labels apart. */
export const labelWidth = (text: string) => {
  const wide = text.match(/[\u2e80-\u9fff\uff00-\uffef]/g)?.length ?? 0;
  return wide * TYPE_PX + (text.length - wide) * 0.62 * TYPE_PX;
};

/**
 * The width of a bar chart's axis of sector names (px). English names wrap between words at 150;
 * a Chinese name has no space to wrap at, so the axis is as wide as the longest, from 80 to 150
 * (食品及农产品加工 whole, not 农产品加工 cut at the chart's edge).
 */
export function categoryAxisWidth(names: readonly string[], locale: Locale): number {
  if (locale === 'en') return 150;
  const longest = Math.max(0, ...names.map(labelWidth));
  return Math.min(150, Math.max(80, Math.ceil(longest) + 12));
}
