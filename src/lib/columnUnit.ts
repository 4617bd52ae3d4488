/**
 * One unit for a column of amounts of money: a column that prints 5015万元 above 1.12亿元 makes
 * the reader compare digits of different scales. The unit is chosen from the column's own values
 * (亿元 where its typical amount is 1亿 or more, else 万元; ¥B from ¥1B, else ¥M) and every cell
 * gets the same number of decimals: as many as the most precise amount needs, never finer than
 * 1万 (the precision of a project's money in the tracker), and in English, as English money is
 * written across the app, never more than two.
 */
import type { Measure } from '../api/common';
import { translate } from './i18n';
import type { Locale } from './i18n';
import { formatMessages } from './messages';
import { formatNumber } from './numberParts';

/** An amount in yuan; `digits`: the significant digits its source printed (absent: a sum). */
export type Amount = Pick<Measure, 'value' | 'digits' | 'qualifier'>;

interface Scale {
  /** Yuan per unit, as a power of ten. */
  power: number;
  /** How the unit is written beside a figure and, in English, before it. */
  prefix: string;
  suffix: string;
  maxDecimals: number;
}

/** The finest step any cell is printed to: 1万 yuan. */
const FINEST_POWER = 4;

const SCALES: Record<Locale, { small: Scale; large: Scale }> = {
  'zh-CN': {
    small: { power: 4, prefix: '', suffix: '万元', maxDecimals: 0 },
    large: { power: 8, prefix: '', suffix: '亿元', maxDecimals: 8 - FINEST_POWER },
  },
  en: {
    small: { power: 6, prefix: '¥', suffix: 'M', maxDecimals: 2 },
    large: { power: 9, prefix: '¥', suffix: 'B', maxDecimals: 2 },
  },
};

/** The power of ten of an amount's leading digit (5015万 → 7). */
const magnitude = (value: number) => Number(Math.abs(value).toExponential().split('e')[1]);

/**
 * The power of ten of the last digit an amount is known to: its source's last printed digit; a sum
 * (no `digits`) to 1万 below 1亿 and to 0.01亿 above, as the tracker has always printed them.
 */
function stepPower({ value, digits }: Amount): number {
  if (digits !== undefined) return magnitude(value) - digits + 1;
  return Math.abs(value) >= 1e8 ? 6 : FINEST_POWER;
}

export interface ColumnUnit {
  /** The unit for a column's header: 万元, 亿元, ¥M, ¥B. */
  label: string;
  /** Decimals every figure of the column is printed with. */
  decimals: number;
  /** The figure alone, in the column's unit (for a cell under a header that names the unit): 5015, 50.15. */
  figure: (amount: Amount) => string;
  /** The figure with its unit (where no header names it): 5015万元, ¥50.15M. */
  amount: (amount: Amount) => string;
}

const typical = (values: readonly number[]): number => {
  const sorted = values.map(Math.abs).sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
};

/**
 * The unit and decimals for a column of `amounts` (unknown ones are null and do not count; nor
 * do zeros, which any unit prints). Its typical amount is the median of the others, unless the
 * caller knows it for more than these (a list's average over all its pages: the unit then stays
 * the same from page to page and whichever way the list is sorted).
 */
export function columnUnit(
  amounts: readonly (Amount | number | null | undefined)[],
  locale: Locale,
  typicalAmount?: number,
): ColumnUnit {
  const known = amounts
    .filter((a) => a !== null && a !== undefined)
    .map((a) => (typeof a === 'number' ? { value: a } : a))
    .filter((a) => a.value !== 0 && Number.isFinite(a.value));
  const scales = SCALES[locale];
  const scale =
    (typicalAmount ?? typical(known.map((a) => a.value))) >= 10 ** scales.large.power ? scales.large : scales.small;
  const finest = Math.min(scale.power, ...known.map(stepPower));
  const decimals = Math.min(scale.maxDecimals, scale.power - finest);
  const digitsOf = (value: number) =>
    formatNumber(value / 10 ** scale.power, locale, {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
  const qualified = (a: Amount, text: string) =>
    a.qualifier ? translate(formatMessages, locale, `qualifier.${a.qualifier}`, { n: text }) : text;
  return {
    label: `${scale.prefix}${scale.suffix}`,
    decimals,
    figure: (a) => qualified(a, digitsOf(a.value)),
    amount: (a) => {
      const figure = digitsOf(a.value);
      // 5015余万元 and 近5015万元, but 5015万元以上; in English the whole amount is qualified: ¥50.15M+.
      if (locale === 'zh-CN' && a.qualifier !== 'atLeast') return `${qualified(a, figure)}${scale.suffix}`;
      return qualified(a, `${scale.prefix}${figure}${scale.suffix}`);
    },
  };
}
