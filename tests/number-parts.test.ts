import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../data/measure';
import type { Locale } from '../src/lib/i18n';
import { formatNumber, formatNumberToParts, intlOptions } from '../src/lib/numberParts';
import type { NumberOptions } from '../src/lib/numberParts';

/** Figures of every size the data has and the ones that round across a boundary (9999.995, 0.0005, 99995000). */
function values(count: number, seed: number): number[] {
  const next = mulberry32(seed);
  const out = [
    0, -0, 1, -1, 0.5, 2.5, -2.5, 1.005, 1.015, 0.05, 9999.999, 99_995_000, 99_999_999, 1e8, 139.73e8, 87_100,
  ];
  for (let i = 0; i < count; i++) {
    const magnitude = Math.floor(next() * 20) - 5; // 10^-5 … 10^14
    const kind = next();
    let v: number;
    if (kind < 0.3) {
      // a figure with a few reported digits: 45.3, 8.71e4, 139.73e8
      const digits = 1 + Math.floor(next() * 5);
      v = (Math.round(next() * 10 ** digits) / 10 ** digits) * 10 ** magnitude;
    } else if (kind < 0.55) {
      // just below or at a rounding boundary: 9.995, 99999.5, 0.00095
      const nines = 10 ** (1 + Math.floor(next() * 6));
      v = ((nines - 0.5 * next() ** 4) / nines) * 10 ** magnitude;
    } else if (kind < 0.7) {
      // exactly half way at some digit: 1.25, 0.125, 2.5e6
      v = (Math.floor(next() * 1000) + 0.5) * 10 ** (magnitude - 3);
    } else {
      v = next() * 10 ** magnitude;
    }
    out.push(next() < 0.3 ? -v : v);
  }
  return out;
}

const PRECISIONS: NumberOptions[] = [
  {},
  { maximumFractionDigits: 0 },
  { maximumFractionDigits: 1 },
  { maximumFractionDigits: 2 },
  { minimumFractionDigits: 0, maximumFractionDigits: 1 },
  { minimumFractionDigits: 0, maximumFractionDigits: 2 },
  { minimumFractionDigits: 1, maximumFractionDigits: 1 },
  { minimumFractionDigits: 2, maximumFractionDigits: 2 },
  { minimumFractionDigits: 3, maximumFractionDigits: 3 },
  { significantDigits: 1 },
  { significantDigits: 2 },
  { significantDigits: 3 },
  { significantDigits: 4 },
  { significantDigits: 5 },
  { significantDigits: 7 },
];

/** Every combination the UI can ask for (a compact figure always with a precision; percentages never compact). */
const OPTIONS: NumberOptions[] = (['decimal', 'percent', 'cny'] as const).flatMap((style) =>
  (['standard', 'compact'] as const).flatMap((notation) =>
    (['auto', 'exceptZero'] as const).flatMap((signDisplay) =>
      PRECISIONS.filter((p) => notation === 'standard' || (style !== 'percent' && Object.keys(p).length > 0)).map(
        (p) => ({ style, notation, signDisplay, ...p }),
      ),
    ),
  ),
);

describe('formatNumberToParts', () => {
  // The oracle is the engine's own Intl.NumberFormat (Node's full ICU), given the same options.
  it.each(['zh-CN', 'en'] as const)('gives what Intl.NumberFormat gives, part for part (%s)', (locale: Locale) => {
    const xs = values(250, locale === 'en' ? 7 : 11);
    let cases = 0;
    const mismatches: string[] = [];
    for (const options of OPTIONS) {
      const intl = new Intl.NumberFormat(locale, intlOptions(locale, options));
      for (const x of xs) {
        cases++;
        const want = JSON.stringify(intl.formatToParts(x).map(({ type, value }) => ({ type, value })));
        const got = JSON.stringify(formatNumberToParts(x, locale, options));
        if (got !== want && mismatches.length < 10)
          mismatches.push(`${x} ${JSON.stringify(options)}: ${got} ≠ ${want}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(cases).toBe(OPTIONS.length * xs.length);
  });

  it('prints the figures of the report as Chinese statistics do', () => {
    expect(formatNumber(139.73e8, 'zh-CN', { notation: 'compact', significantDigits: 5 })).toBe('139.73亿');
    expect(formatNumber(87_100, 'zh-CN', { notation: 'compact', significantDigits: 3 })).toBe('8.71万');
    expect(formatNumber(8000, 'zh-CN', { significantDigits: 4 })).toBe('8000');
    expect(formatNumber(12_000, 'zh-CN', { maximumFractionDigits: 0 })).toBe('12,000');
    expect(formatNumber(139.73e8, 'en', { style: 'cny', notation: 'compact', significantDigits: 5 })).toBe('¥13.973B');
    expect(formatNumber(-0.054, 'en', { style: 'percent', signDisplay: 'exceptZero', significantDigits: 2 })).toBe(
      '-5.4%',
    );
    expect(formatNumber(9999.999, 'zh-CN', { notation: 'compact', maximumFractionDigits: 2 })).toBe('1万');
  });

  it('hands figures it does not cover to Intl', () => {
    expect(formatNumber(Number.NaN, 'en')).toBe('NaN');
    expect(formatNumber(-Infinity, 'zh-CN')).toBe('-∞');
    expect(formatNumber(1.5e16, 'zh-CN', { notation: 'compact', maximumFractionDigits: 0 })).toBe('15,000万亿');
    expect(formatNumber(29.6, 'en', { notation: 'compact' })).toBe('30');
  });
});
