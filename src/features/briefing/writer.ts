/**
 * How the briefing's sentences are made: a template of the message catalog filled with figures of
 * the data (formatted as the tiles print them, each with its period and source), words a rule chose,
 * periods and names. A template whose figure is missing or only illustrative makes no sentence, so
 * nothing is filled in that the data does not say; a derived figure is preceded by 约 / "an
 * estimated" / "about", so the words say it is an estimate wherever they are pasted.
 */
import type { Measure, PeriodId, Provenance } from '../../api/common';
import type { Kpi } from '../../api/kpis';
import { directionOf, estimateOf } from '../../domain/briefing';
import type { EstimateKind } from '../../domain/briefing';
import { formatMeasure } from '../../lib/format';
import { localized, translate } from '../../lib/i18n';
import type { Locale } from '../../lib/i18n';
import { briefingMessages } from './messages';
import type { BriefingMessageKey } from './messages';

/** A number of the data as written in the text. */
export interface Figure {
  kind: 'figure';
  text: string;
  /** What the number is, for its tooltip: the indicator's name. */
  label: string;
  period: PeriodId;
  provenance: Provenance;
  /** A change (its direction already in the words: 增长/下降): the page marks it ▲/▼ too. */
  change?: number;
  /** A derived figure, written after 约 / "an estimated" (a rate) or "about" (an amount). */
  estimate?: EstimateKind;
}

/** A piece of a sentence: words, a figure, a period or a name (the last two carry no figure). */
export type Segment = { kind: 'text'; text: string } | Figure | { kind: 'period' | 'name'; text: string };
export type Paragraph = Segment[];

/** What fills a template's placeholder: a segment, segments, or words. */
export type Piece = Segment | Segment[] | string;

export interface BriefingWriter {
  locale: Locale;
  period: PeriodId;
  /** 2023年上半年 / H1 2023 */
  periodText: string;
  /** The period opening a sentence (2023年上半年，/ In H1 2023,). */
  opener: Segment;
  /** The district's name. */
  district: Segment;
  t: (key: BriefingMessageKey, vars?: Record<string, string>) => string;
  text: (s: string) => Segment;
  /** A figure of the data, or null when it is missing or only illustrative. */
  figure: (measure: Measure | null | undefined, label: string, opts?: { abs?: boolean }) => Figure | null;
  /** A change (同比, a growth rate) as its size, its direction left to the words (`direction`). */
  change: (measure: Measure | null | undefined, label: string) => Figure | null;
  /** 增长 / 下降 / 持平 (提高 for a rate's change in points): the verb of a change. */
  direction: (change: Measure) => string;
  /** A figure the briefing reckons from others (a share of the annual target, a gap to the calendar). */
  derived: (text: string, label: string, formula: string) => Figure;
  /** Fills a template; null when any of its pieces is missing. */
  sentence: (key: BriefingMessageKey, vars: Record<string, Piece | null | undefined>) => Segment[] | null;
  /** A template whose `{value}` is a measure of an indicator (its value, a fact, a comparison), named after it. */
  figureSentence: (
    key: BriefingMessageKey,
    k: Kpi | undefined,
    measure: Measure | null | undefined,
    vars?: Record<string, Piece | null | undefined>,
  ) => Segment[] | null;
  /** Clauses joined with commas (the missing ones left out); null when none is present. */
  clauses: (clauses: readonly (Segment[] | null)[]) => Segment[] | null;
  /** Clauses made one sentence: joined with commas, ended with a full stop, capitalised in English. */
  paragraph: (clauses: readonly (Segment[] | null)[]) => Paragraph | null;
  /** Items joined with 、/ commas (`listJoin`) or with semicolons (`join`); null when there are none. */
  list: (items: readonly Segment[][], joinKey?: 'listJoin' | 'join') => Segment[] | null;
  /** A name as it reads inside an English sentence (investment signed, GDP kept); Chinese as it is. */
  inSentence: (name: string) => string;
  /** An indicator's name inside a sentence; empty when there is no indicator. */
  label: (k: Kpi | undefined) => string;
}

export interface WriterInput {
  locale: Locale;
  period: PeriodId;
  periodText: string;
  district: string;
  /** A period to a date (截至报告发布…) opens a sentence as its label reads. */
  toDate: boolean;
}

export const isPresent = <T>(x: T | null | undefined): x is T => x !== null && x !== undefined;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function briefingWriter({ locale, period, periodText, district, toDate }: WriterInput): BriefingWriter {
  const t: BriefingWriter['t'] = (key, vars) => translate(briefingMessages, locale, key, vars);
  const text = (s: string): Segment => ({ kind: 'text', text: s });

  const figure = (
    measure: Measure | null | undefined,
    label: string,
    opts: { abs?: boolean; change?: boolean } = {},
  ) => {
    if (!measure || measure.provenance.kind === 'illustrative') return null;
    const shown = opts.abs ? { ...measure, value: Math.abs(measure.value) } : measure;
    const out: Figure = {
      kind: 'figure',
      text: formatMeasure(shown, locale),
      label,
      period,
      provenance: measure.provenance,
    };
    if (opts.change) out.change = measure.value;
    const estimate = estimateOf(measure);
    if (estimate) out.estimate = estimate;
    return out;
  };

  const sentence: BriefingWriter['sentence'] = (key, vars) => {
    const out: Segment[] = [];
    const template = t(key);
    let last = 0;
    for (const match of template.matchAll(/\{(\w+)\}/g)) {
      const before = template.slice(last, match.index);
      if (before) out.push(text(before));
      const piece = vars[match[1] ?? ''];
      if (piece === null || piece === undefined) return null;
      if (typeof piece === 'string') out.push(text(piece));
      else if (Array.isArray(piece)) out.push(...piece);
      else {
        if (piece.kind === 'figure' && piece.estimate) out.push(text(t(`estimate.${piece.estimate}`)));
        out.push(piece);
      }
      last = match.index + match[0].length;
    }
    const rest = template.slice(last);
    if (rest) out.push(text(rest));
    return out;
  };

  const joined = (items: readonly Segment[][], separator: string): Segment[] | null =>
    items.length === 0 ? null : items.flatMap((item, i) => (i > 0 ? [text(separator), ...item] : item));

  const clauses: BriefingWriter['clauses'] = (parts) =>
    joined(parts.filter(isPresent), locale === 'zh-CN' ? '，' : ', ');

  const inSentence = (name: string) =>
    locale === 'en' && !/^[A-Z]{2}/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
  const label = (k: Kpi | undefined) => (k ? inSentence(localized(k.label, locale)) : '');

  return {
    locale,
    period,
    periodText,
    opener: { kind: 'period', text: t(toDate ? 'period.openerAsOf' : 'period.opener', { period: periodText }) },
    district: text(district),
    t,
    text,
    figure,
    change: (measure, label) => figure(measure, label, { abs: true, change: true }),
    direction: (change) => {
      const direction = directionOf(change.value);
      // A rate changes by points and goes up (提高); an amount grows (增长).
      return t(change.unit === 'pp' && direction === 'up' ? 'dir.upPoints' : `dir.${direction}`);
    },
    derived: (s, label, formula) => ({
      kind: 'figure',
      text: s,
      label,
      period,
      provenance: { kind: 'derived', formula },
    }),
    sentence,
    figureSentence: (key, k, measure, vars = {}) => sentence(key, { ...vars, value: figure(measure, label(k)) }),
    clauses,
    paragraph: (parts) => {
      const out = clauses(parts);
      if (!out) return null;
      const [first, ...rest] = out;
      const opening = first && locale === 'en' && first.kind === 'text' ? text(capitalise(first.text)) : first;
      return [...(opening ? [opening] : []), ...rest, text(t('end'))];
    },
    list: (items, joinKey = 'listJoin') => joined(items, t(joinKey)),
    inSentence,
    label,
  };
}
