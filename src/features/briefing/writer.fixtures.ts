/** Helpers for the briefing's unit tests: a writer as the briefing makes one, and the text it wrote. */
import type { PeriodId } from '../../api/common';
import { parsePeriod } from '../../domain/periods';
import { formatPeriod } from '../../lib/format';
import type { Locale } from '../../lib/i18n';
import { briefingWriter, isPresent } from './writer';
import type { BriefingWriter, Paragraph, Segment } from './writer';

export const writerFor = (locale: Locale = 'zh-CN', period: PeriodId = '2023H1') =>
  briefingWriter({
    locale,
    period,
    periodText: formatPeriod(period, locale),
    district: locale === 'zh-CN' ? '北碚区' : 'Beibei District',
    toDate: parsePeriod(period)?.kind === 'toDate',
  });

/** The words of a sentence or paragraph, as copied. */
export const textOf = (segments: readonly Segment[] | null) => segments?.map((s) => s.text).join('') ?? null;

/** The paragraphs a section builder wrote (the ones it left out are not there). */
export const paragraphsOf = (paragraphs: readonly (Paragraph | null)[]) => paragraphs.filter(isPresent).map(textOf);

/** The figures of a paragraph. */
export const figuresOf = (segments: readonly Segment[] | null) => segments?.filter((s) => s.kind === 'figure') ?? [];

/** A section builder as its tests call it: its figures (the given ones changed), language and period → its paragraphs' text. */
export const writeSection =
  <F>(build: (figures: F, w: BriefingWriter) => readonly (Paragraph | null)[], base: F) =>
  (over: Partial<F> = {}, locale: Locale = 'zh-CN', period: PeriodId = '2023H1') =>
    paragraphsOf(build({ ...base, ...over }, writerFor(locale, period)));
