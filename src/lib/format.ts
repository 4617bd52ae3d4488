/**
 * Every number, date and period the UI prints goes through here, so that both languages
 * follow Chinese statistical conventions (万/亿 in zh-CN, K/M/B in en) and a reported
 * figure keeps the precision it was reported with (139.73亿元, 8.71万户, 45.3%).
 */
import type { Measure, PeriodId, Series, SeriesPoint } from '../api/common';
import { interpolate, pluralKey, translate } from './i18n';
import type { Locale } from './i18n';
import { formatMessages } from './messages';
import { parsePeriod } from '../domain/periods';
import { formatNumber, formatNumberToParts } from './numberParts';
import type { NumberOptions } from './numberParts';

export interface TextPart {
  text: string;
  kind: 'number' | 'unit';
}

/** U+2212 MINUS SIGN: reads better than a hyphen in figures and is what screen readers announce as minus. */
const MINUS = '\u2212';

const NUMBER_PART_TYPES = new Set<string>(['integer', 'group', 'decimal', 'fraction', 'minusSign', 'plusSign']);

function precision(digits: number | undefined, fallbackFraction = 2): NumberOptions {
  // Without a reported precision, "up to" the fallback: ¥4.5B, not the currency default's ¥4.50B (or ¥0.00).
  return digits === undefined
    ? { minimumFractionDigits: 0, maximumFractionDigits: fallbackFraction }
    : { significantDigits: digits };
}

function toParts(value: number, locale: Locale, options: NumberOptions): TextPart[] {
  const out: TextPart[] = [];
  for (const p of formatNumberToParts(value, locale, options)) {
    const kind: TextPart['kind'] = NUMBER_PART_TYPES.has(p.type) ? 'number' : 'unit';
    const text = p.type === 'minusSign' ? MINUS : p.value;
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += text;
    else out.push({ text, kind });
  }
  return out;
}

export interface MeasureFormatOptions {
  /** Show + for positive values (changes, differences). */
  signed?: boolean;
}

function unitWord(measure: Measure, locale: Locale): string {
  switch (measure.unit) {
    case 'firms':
    case 'entities':
    case 'projects':
    case 'cases':
    case 'days':
      // 1 firm, 2 firms: the language's plural rules, not a fixed plural.
      return translate(
        formatMessages,
        locale,
        pluralKey(formatMessages, locale, `unit.${measure.unit}`, measure.value),
      );
    case 'pp':
    case 'cny':
    case 'metres':
      return translate(formatMessages, locale, `unit.${measure.unit}`);
    default:
      return '';
  }
}

function ordinal(n: number, locale: Locale): string {
  if (locale === 'zh-CN') return String(n);
  const rule = new Intl.PluralRules('en', { type: 'ordinal' }).select(n);
  const suffix = { one: 'st', two: 'nd', few: 'rd', other: 'th', zero: 'th', many: 'th' }[rule];
  return `${n}${suffix}`;
}

/** The power of ten of a figure's leading digit (139.73亿 → 10); 0 for zero. */
const magnitudeOf = (value: number) => (value === 0 ? 0 : Math.floor(Math.log10(Math.abs(value))));

/**
 * English money from a Chinese figure, in B, M or K. It keeps the precision the figure was
 * reported with, as far as a reader of English needs it:
 * - the reported significant digits, but at most two decimals of the unit: 139.73亿 → ¥13.97B,
 *   1023万 → ¥10.23M (a third decimal of a billion is a million, finer than any figure is read);
 * - in billions, a figure reported to the 亿 keeps its tenth of a billion, zero or not: 180亿 →
 *   ¥18.0B, 1000亿 → ¥100.0B (¥18B would read as rounded to the billion, ten times coarser);
 * - in millions and thousands, zeros after the decimal point are dropped: 5500万 → ¥55M, 580万余 →
 *   ¥5.8M+, 120万 → ¥1.2M (a 万 is a hundredth of a million: its zeros claim nothing a reader uses).
 * Zero is ¥0. Chinese output keeps every reported digit (chineseMoney).
 */
function englishMoney(value: number, digits: number, signDisplay: NumberOptions['signDisplay']): TextPart[] {
  const magnitude = magnitudeOf(value);
  const unitPower = magnitude >= 3 ? Math.min(12, magnitude - (magnitude % 3)) : 0;
  const decimals = Math.max(0, Math.min(2, digits - (magnitude - unitPower + 1)));
  return toParts(value, 'en', {
    style: 'cny',
    notation: 'compact',
    signDisplay,
    minimumFractionDigits: unitPower >= 9 ? Math.min(1, decimals) : 0,
    maximumFractionDigits: decimals,
  });
}

/**
 * Chinese money with its reported digits, in the largest of 亿 and 万 that writes them with at
 * most two decimals, else in 元: as the figure was given, 139.73亿, 5500万, 34,939 (元) rather
 * than 3.4939万, 80000万 rather than 8.0000亿.
 */
function chineseMoney(value: number, digits: number, signDisplay: NumberOptions['signDisplay']): TextPart[] {
  const magnitude = magnitudeOf(value);
  const options = { signDisplay, significantDigits: digits };
  for (const [power, word] of [
    [8, '亿'],
    [4, '万'],
  ] as const) {
    if (magnitude >= power && digits - (magnitude - power + 1) <= 2) {
      return [...toParts(value / 10 ** power, 'zh-CN', options), { text: word, kind: 'unit' }];
    }
  }
  return toParts(value, 'zh-CN', options);
}

/** A measure split into number and unit parts, e.g. zh-CN 139.73 | 亿元, en ¥ | 13.97 | B. */
export function formatMeasureParts(measure: Measure, locale: Locale, options: MeasureFormatOptions = {}): TextPart[] {
  const signDisplay: NumberOptions['signDisplay'] = options.signed ? 'exceptZero' : 'auto';
  const { value, unit, digits } = measure;
  let parts: TextPart[];
  switch (unit) {
    case 'cny':
      // zh-CN 139.73亿 and the unit word 元 after it; en ¥13.97B (englishMoney).
      parts =
        digits !== undefined
          ? locale === 'en'
            ? englishMoney(value, digits, signDisplay)
            : chineseMoney(value, digits, signDisplay)
          : toParts(value, locale, {
              style: locale === 'zh-CN' ? 'decimal' : 'cny',
              notation: 'compact',
              signDisplay,
              ...precision(digits),
            });
      break;
    case 'percent':
      parts = toParts(value / 100, locale, { style: 'percent', signDisplay, ...precision(digits, 1) });
      break;
    case 'rank':
      return [{ text: translate(formatMessages, locale, 'rank', { n: ordinal(value, locale) }), kind: 'number' }];
    default: {
      // Counts use 万 in Chinese (8.71万户); English prints them in full (87,100 entities).
      const compact = locale === 'zh-CN' && Math.abs(value) >= 10_000;
      parts = toParts(value, locale, {
        notation: compact ? 'compact' : 'standard',
        signDisplay,
        ...precision(digits, 1),
      });
    }
  }
  if (measure.qualifier) {
    const template = translate(formatMessages, locale, `qualifier.${measure.qualifier}`);
    const [before = '', after = ''] = template.split('{n}');
    // zh-CN "8000余户": the qualifier sits between number and unit word.
    if (before) parts.unshift({ text: before, kind: 'unit' });
    if (after) {
      const firstUnitAfterNumber = parts.findIndex(
        (p, i) => i > 0 && p.kind === 'unit' && parts[i - 1]?.kind === 'number',
      );
      // English qualifies the whole amount (¥5.8M+); zh-CN money too, before its unit word (580万余元).
      if (locale === 'en' || (firstUnitAfterNumber > 0 && unit === 'cny')) {
        parts.push({ text: after, kind: 'unit' });
      } else {
        parts.splice(firstUnitAfterNumber > 0 ? firstUnitAfterNumber : parts.length, 0, { text: after, kind: 'unit' });
      }
    }
  }
  const word = unitWord(measure, locale);
  if (word) {
    const spaced = locale === 'en' ? ` ${word}` : word;
    // "150亿元以上": the unit word goes before a trailing 以上.
    const atLeastZh = locale === 'zh-CN' && measure.qualifier === 'atLeast';
    parts.splice(atLeastZh ? parts.length - 1 : parts.length, 0, { text: spaced, kind: 'unit' });
  }
  return merge(parts);
}

function merge(parts: TextPart[]): TextPart[] {
  const out: TextPart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (last && last.kind === p.kind) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

export function formatMeasure(measure: Measure, locale: Locale, options?: MeasureFormatOptions): string {
  return formatMeasureParts(measure, locale, options)
    .map((p) => p.text)
    .join('');
}

/**
 * A figure in running text, with all that belongs to it: a qualifier (近, ≥, nearly), sign, ¥,
 * 万/亿 or K/M/B, %, 余, the unit word (元, 户, 个百分点, firms, points…), + and 以上. What the
 * formatters above write, and what messages write around a number ("慢于序时进度 4.6 个百分点").
 */
const FIGURE_IN_TEXT =
  /(?:≥ |nearly |近)?[+\u2212-]?¥?\d[\d,]*(?:\.\d+)?(?:万亿|亿|万|[KMBT](?![A-Za-z]))?[%余+]?(?: ?(?:元|户|家|个百分点|个|件|天|米|pp\b|points?\b|firms?\b|entit(?:y|ies)\b|projects?\b|cases?\b|days?\b|m\b))?\+?(?:以上)?/g;

/**
 * A text cut into its figures (a number with its unit: 180亿元, 8.71万户, 4.6 个百分点, 87,100
 * entities, ¥5.8M+) and the text between them, so that each figure can be kept on one line. A bare
 * number (2023年, 第62段) is left in the text: nothing of it can be split from it.
 */
export function splitFigures(text: string): { text: string; figure: boolean }[] {
  const out: { text: string; figure: boolean }[] = [];
  let last = 0;
  for (const match of text.matchAll(FIGURE_IN_TEXT)) {
    const [figure] = match;
    if (!/[^\d,.+\u2212-]/.test(figure)) continue;
    if (match.index > last) out.push({ text: text.slice(last, match.index), figure: false });
    out.push({ text: figure, figure: true });
    last = match.index + figure.length;
  }
  if (last < text.length) out.push({ text: text.slice(last), figure: false });
  return out;
}

/**
 * Money in yuan without a reported precision (sums, illustrative amounts): up to two decimals of
 * 亿/万 or B/M. With `exact`, as a figure reported to 0.01亿 (≥ 1亿) or to 1万: zh-CN 139.73亿元,
 * and in English what englishMoney makes of that (¥13.97B, ¥50.15M).
 */
export function formatMoney(yuan: number, locale: Locale, { exact = false }: { exact?: boolean } = {}): string {
  const money = { value: yuan, unit: 'cny', provenance: { kind: 'illustrative' } } as const;
  if (!exact) return formatMeasure(money, locale);
  const step = Math.abs(yuan) >= 1e8 ? 1e6 : 1e4;
  const units = Math.round(Math.abs(yuan) / step);
  if (units === 0) return formatMeasure(money, locale);
  return formatMeasure({ ...money, digits: Math.min(15, String(units).length) }, locale);
}

/** A ratio (0.45) as a percentage with one decimal: 45.0%. */
export function formatShare(ratio: number, locale: Locale, fractionDigits = 1): string {
  return formatNumber(ratio, locale, {
    style: 'percent',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).replace('-', MINUS);
}

/** A plain count: 10,000 / 10,000. */
export function formatCount(n: number, locale: Locale): string {
  return formatNumber(n, locale, { maximumFractionDigits: 0 });
}

/** Percentage points with one decimal, e.g. 3.2 → "3.2". */
export function formatPoints(points: number, locale: Locale, fractionDigits = 1): string {
  return formatNumber(points, locale, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * 2023H1 → 2023年上半年 / H1 2023; 2023M07 → 2023年1–7月累计 / Jan–Jul 2023 (cumulative);
 * 2023D0826 → 截至报告发布（2023年8月26日）/ As of the report (26 Aug 2023): the report's 截至目前,
 * never "full year".
 */
export function formatPeriod(id: PeriodId, locale: Locale, { target = false }: { target?: boolean } = {}): string {
  const p = parsePeriod(id);
  if (!p) return id;
  const vars = { y: p.year, q: p.n, m: p.n, mon: MONTHS_EN[p.n - 1] ?? '', d: p.lastDay ?? '' };
  const t = (key: Parameters<typeof translate<keyof (typeof formatMessages)['en']>>[2]) =>
    translate(formatMessages, locale, key, vars);
  switch (p.kind) {
    case 'year':
      return t(target ? 'period.target' : 'period.year');
    case 'half':
      return t(p.n === 1 ? 'period.h1' : 'period.h2');
    case 'quarter':
      return t('period.q');
    case 'ytd':
      return t(p.n === 1 ? 'period.month' : 'period.ytd');
    case 'toDate':
      return t('period.toDate');
  }
}

/**
 * A point of a series with its year: 2023年1–6月累计 for a running total, 2023年6月 / Jun 2023
 * for a month's own level; any other period as formatPeriod writes it.
 */
export function formatSeriesPeriod(id: PeriodId, locale: Locale, cumulative: boolean): string {
  const p = parsePeriod(id);
  if (!p || p.kind !== 'ytd' || cumulative) return formatPeriod(id, locale);
  return translate(formatMessages, locale, 'period.month', { y: p.year, m: p.n, mon: MONTHS_EN[p.n - 1] ?? '' });
}

/**
 * Known points of a series in words, for a trend too short to draw (fewer than three points):
 * 2023年1–6月累计 180亿元 → 2023年1–8月累计 205.6亿元.
 */
export function formatSeriesPoints(points: readonly SeriesPoint[], series: Series, locale: Locale): string {
  return points
    .map(
      (p) =>
        `${formatSeriesPeriod(p.period, locale, series.cumulative)} ${formatMeasure({ value: p.value, unit: series.unit, provenance: p.provenance }, locale)}`,
    )
    .join(' → ');
}

/** Short label for a point of a monthly series: 2023M03 → 1–3月 / Jan–Mar (cumulative) or 3月 / Mar. */
export function formatMonthShort(id: PeriodId, locale: Locale, cumulative: boolean): string {
  const p = parsePeriod(id);
  if (!p) return id;
  const mon = MONTHS_EN[p.n - 1] ?? '';
  const key = cumulative && p.n > 1 ? 'period.short.ytd' : 'period.short.month';
  return interpolate(formatMessages[locale][key], { m: p.n, mon });
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * 2023-08-26 → 2023年8月26日 / Aug 26, 2023 (calendar dates, no time zone shifts); anything else
 * is returned as given. Written out rather than with Intl.DateTimeFormat: the first date format
 * of a page load made the browser load its calendar data (tens of milliseconds on a slow PC), for
 * a fixed pattern in two languages. The tests compare it with Intl's output.
 */
export function formatDate(iso: string, locale: Locale): string {
  const match = ISO_DATE.exec(iso);
  if (!match) return iso;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return iso;
  return locale === 'en' ? `${MONTHS_EN[m - 1] ?? ''} ${d}, ${y}` : `${y}年${m}月${d}日`;
}

/**
 * A date at the precision its source gives: 2024 for "明年" (a year), 2026–2028 for "未来3年至5年"
 * (a year with an `until`), 2023年8月 for a month, "2023年8月26日前" / "by Aug 26, 2023" for
 * "近日" in a report of that date. Never a day the source does not give.
 */
export function formatDateAt(
  iso: string,
  locale: Locale,
  precision: 'day' | 'month' | 'year' | 'before' = 'day',
  until?: string,
): string {
  const match = ISO_DATE.exec(iso);
  if (!match) return iso;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const t = (key: 'date.month' | 'date.year' | 'date.years' | 'date.before', vars: Record<string, string | number>) =>
    translate(formatMessages, locale, key, vars);
  switch (precision) {
    case 'day':
      return formatDate(iso, locale);
    case 'before':
      return t('date.before', { date: formatDate(iso, locale) });
    case 'month':
      return t('date.month', { y, m, mon: MONTHS_EN[m - 1] ?? '' });
    case 'year': {
      const last = until ? Number(until.slice(0, 4)) : y;
      return last > y ? t('date.years', { y, until: last }) : t('date.year', { y });
    }
  }
}

/** The `dateTime` of a <time> for a date at a precision: 2024, 2023-08 or the day. */
export function dateTimeAt(iso: string, precision: 'day' | 'month' | 'year' | 'before' = 'day'): string {
  if (precision === 'year') return iso.slice(0, 4);
  if (precision === 'month') return iso.slice(0, 7);
  return iso;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A time of day for "as of" and "stale since" labels, in the viewer's time zone: 14:05 (both languages). */
export function formatTime(date: Date): string {
  return `${pad2(date.getHours())}:${pad2(date.getMinutes())}`;
}
