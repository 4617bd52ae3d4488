/**
 * Number formatting for the options the UI uses, written out rather than with
 * `Intl.NumberFormat`: constructing the first `Intl.NumberFormat` of a page loads the engine's
 * number-formatting data, 30–160 ms of main thread on this project's build machine (about four
 * times that on a phone-class CPU), on every page's first render. The output, part for part, is
 * what `Intl.NumberFormat(locale, options).formatToParts` gives (checked against it in
 * tests/number-parts.test.ts); figures this does not handle (not finite, 10^15 and above,
 * compact without a precision, compact percentages) go to Intl.
 */
import type { Locale } from './i18n';

export type NumberPartType =
  | 'minusSign'
  | 'plusSign'
  | 'currency'
  | 'integer'
  | 'group'
  | 'decimal'
  | 'fraction'
  | 'compact'
  | 'percentSign'
  | 'literal';

export interface NumberPart {
  type: NumberPartType;
  value: string;
}

export interface NumberOptions {
  /** `cny`: the yuan with its narrow symbol (¥), as Intl's `style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol'`. */
  style?: 'decimal' | 'percent' | 'cny';
  /** `compact`: 万/亿/万亿 in zh-CN, K/M/B/T in English. */
  notation?: 'standard' | 'compact';
  /** `exceptZero`: + before positive figures, no sign on a figure that rounds to zero. */
  signDisplay?: 'auto' | 'exceptZero';
  minimumFractionDigits?: number;
  maximumFractionDigits?: number;
  /** Exactly this many significant digits (Intl's minimum and maximum significant digits, equal). */
  significantDigits?: number;
}

/** The Intl options equivalent to `options` in `locale` (zh-CN groups from five digits: 8000, 12,000). */
export function intlOptions(locale: Locale, options: NumberOptions): Intl.NumberFormatOptions {
  const { style = 'decimal', significantDigits, ...rest } = options;
  return {
    ...rest,
    ...(style === 'cny'
      ? { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol' }
      : { style: style === 'percent' ? 'percent' : 'decimal' }),
    ...(significantDigits === undefined
      ? {}
      : { minimumSignificantDigits: significantDigits, maximumSignificantDigits: significantDigits }),
    ...(locale === 'zh-CN' ? { useGrouping: 'min2' as const } : {}),
  };
}

const intlCache = new Map<string, Intl.NumberFormat>();
function intlParts(value: number, locale: Locale, options: NumberOptions): NumberPart[] {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = intlCache.get(key);
  if (!f) intlCache.set(key, (f = new Intl.NumberFormat(locale, intlOptions(locale, options))));
  return f.formatToParts(value) as NumberPart[];
}

/** A non-negative decimal: its digits (no leading zeros; "" is zero) with `point` digits before the decimal point. */
interface Decimal {
  digits: string;
  point: number;
}

/** The shortest decimal that reads back as |value| (what Intl rounds), from JavaScript's own number-to-string. */
function toDecimal(abs: number): Decimal {
  const [mantissa = '0', exp = '0'] = String(abs).split('e');
  const [whole = '', frac = ''] = mantissa.split('.');
  const all = whole + frac;
  const lead = all.length - all.replace(/^0+/, '').length;
  const digits = all.slice(lead).replace(/0+$/, '');
  return { digits, point: digits === '' ? 0 : whole.length + Number(exp) - lead };
}

/** Rounds half away from zero to keep `keep` digits after the point (negative: before it). */
function roundAt(d: Decimal, keep: number): Decimal {
  const cut = d.point + keep;
  if (cut >= d.digits.length) return d;
  if (cut < 0) return { digits: '', point: 0 };
  let kept = d.digits.slice(0, cut);
  let point = d.point;
  if (d.digits.charCodeAt(cut) - 48 >= 5) {
    // Carry: 0.995 → 1.00, 9999.5 → 10000.
    let i = kept.length - 1;
    while (i >= 0 && kept[i] === '9') i--;
    if (i < 0) {
      kept = `1${'0'.repeat(kept.length)}`;
      point += 1;
    } else {
      kept = kept.slice(0, i) + String(kept.charCodeAt(i) - 47) + '0'.repeat(kept.length - i - 1);
    }
  }
  kept = kept.replace(/0+$/, '');
  return kept === '' ? { digits: '', point: 0 } : { digits: kept, point };
}

interface Rounding {
  minFraction: number;
  maxFraction: number;
  significant?: number;
}

function rounding(options: NumberOptions): Rounding {
  const { style = 'decimal', significantDigits, minimumFractionDigits, maximumFractionDigits } = options;
  if (significantDigits !== undefined) return { minFraction: 0, maxFraction: 0, significant: significantDigits };
  // Intl's defaults: the yuan has two decimals, a percentage none, a plain number up to three.
  const defaultMin = style === 'cny' ? 2 : 0;
  const defaultMax = style === 'cny' ? 2 : style === 'percent' ? 0 : 3;
  const max = maximumFractionDigits ?? Math.max(defaultMax, minimumFractionDigits ?? 0);
  const min = minimumFractionDigits ?? Math.min(defaultMin, max);
  return { minFraction: min, maxFraction: max };
}

function round(d: Decimal, r: Rounding): Decimal {
  if (r.significant === undefined) return roundAt(d, r.maxFraction);
  if (d.digits === '') return d;
  return roundAt(d, r.significant - d.point);
}

/** Integer and fraction digit strings of a rounded decimal, padded as the rounding asks (18.0, 0.00, 1.30). */
function digitStrings({ digits, point }: Decimal, r: Rounding): [string, string] {
  const integer = point <= 0 ? '0' : digits.slice(0, point).padEnd(point, '0');
  const fraction = point >= 0 ? digits.slice(point) : '0'.repeat(-point) + digits;
  const shown = r.significant === undefined ? r.minFraction : digits === '' ? r.significant - 1 : r.significant - point;
  return [integer, fraction.padEnd(shown, '0')];
}

const COMPACT: Record<Locale, ReadonlyArray<readonly [power: number, suffix: string]>> = {
  'zh-CN': [
    [12, '万亿'],
    [8, '亿'],
    [4, '万'],
  ],
  en: [
    [12, 'T'],
    [9, 'B'],
    [6, 'M'],
    [3, 'K'],
  ],
};

function compactPower(locale: Locale, magnitude: number): readonly [number, string] | null {
  return COMPACT[locale].find(([power]) => magnitude >= power) ?? null;
}

/** `Intl.NumberFormat(locale, …).formatToParts(value)` for the options above. */
export function formatNumberToParts(value: number, locale: Locale, options: NumberOptions = {}): NumberPart[] {
  const { style = 'decimal', notation = 'standard', signDisplay = 'auto' } = options;
  // Compact figures without a precision follow ICU's own rounding (two significant digits below 100).
  // Percentages are never compact here (ICU marks their sign as a unit then).
  const uncovered =
    notation === 'compact' &&
    (style === 'percent' ||
      (options.significantDigits === undefined &&
        options.maximumFractionDigits === undefined &&
        options.minimumFractionDigits === undefined));
  if (!Number.isFinite(value) || Math.abs(value) >= 1e15 || uncovered) return intlParts(value, locale, options);
  const r = rounding(options);
  let d = toDecimal(Math.abs(value));
  if (style === 'percent' && d.digits !== '') d = { ...d, point: d.point + 2 };

  let suffix = '';
  if (notation === 'compact' && d.digits !== '') {
    const scale = (x: Decimal): Decimal => {
      const unit = compactPower(locale, x.point - 1);
      suffix = unit?.[1] ?? '';
      return unit ? { ...x, point: x.point - unit[0] } : x;
    };
    const power = compactPower(locale, d.point - 1)?.[0] ?? 0;
    let rounded = round(scale(d), r);
    // Rounding up into the next unit (9999.999 → 1万, 999.9995K → 1M): print it in that unit.
    const roundedMagnitude = rounded.digits === '' ? -Infinity : rounded.point - 1 + power;
    const newPower = compactPower(locale, roundedMagnitude)?.[0] ?? 0;
    if (newPower !== power) rounded = round(scale({ ...rounded, point: rounded.point + power }), r);
    d = rounded;
  } else {
    d = round(d, r);
  }

  const negative = value < 0 || Object.is(value, -0);
  const sign: NumberPart[] =
    signDisplay === 'exceptZero'
      ? d.digits === ''
        ? []
        : [negative ? { type: 'minusSign', value: '-' } : { type: 'plusSign', value: '+' }]
      : negative
        ? [{ type: 'minusSign', value: '-' }]
        : [];

  const [integer, fraction] = digitStrings(d, r);
  // en groups every three digits in plain figures; compact figures and zh-CN only from five digits.
  const minGrouping = locale === 'en' && notation === 'standard' ? 4 : 5;
  const number: NumberPart[] = [];
  if (integer.length >= minGrouping) {
    const head = integer.length % 3 || 3;
    number.push({ type: 'integer', value: integer.slice(0, head) });
    for (let i = head; i < integer.length; i += 3) {
      number.push({ type: 'group', value: ',' }, { type: 'integer', value: integer.slice(i, i + 3) });
    }
  } else {
    number.push({ type: 'integer', value: integer });
  }
  if (fraction !== '') number.push({ type: 'decimal', value: '.' }, { type: 'fraction', value: fraction });

  return [
    ...sign,
    ...(style === 'cny' ? [{ type: 'currency', value: '¥' } as const] : []),
    ...number,
    ...(suffix ? [{ type: 'compact', value: suffix } as const] : []),
    ...(style === 'percent' ? [{ type: 'percentSign', value: '%' } as const] : []),
  ];
}

export function formatNumber(value: number, locale: Locale, options: NumberOptions = {}): string {
  return formatNumberToParts(value, locale, options)
    .map((p) => p.value)
    .join('');
}
