import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiAnswer } from './client';
import {
  IsoDateSchema,
  lazyShape,
  LevelIdSchema,
  LocalizedTextSchema,
  PeriodIdSchema,
  ProjectTypeIdSchema,
  SectorIdSchema,
  StageIdSchema,
} from './common';
import { KpiGroupSchema } from './kpis';
import { figureAnswer } from './versions';

export const PeriodInfoSchema = z.object(
  lazyShape(() => ({
    id: PeriodIdSchema,
    /** `actual`: figures for a past period or to a date (YYYYDmmdd); `target`: the full year, of which only targets are known. */
    kind: z.enum(['actual', 'target']),
  })),
);
export type PeriodInfo = z.infer<typeof PeriodInfoSchema>;

export const SectorGroupSchema = z.enum(['leading', 'multipoint']);
export type SectorGroup = z.infer<typeof SectorGroupSchema>;

/** #RRGGBB. */
const hexColor = () => z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/));

/** A sector's colour in each theme, the same in every chart, legend and badge. */
export const SectorColorSchema = z.object(lazyShape(() => ({ light: hexColor(), dark: hexColor() })));
export type SectorColor = z.infer<typeof SectorColorSchema>;

/** The surface each theme draws charts on (src/styles.css `--surface`), which a sector's colour must stand out from. */
export const THEME_SURFACES: Readonly<SectorColor> = { light: '#ffffff', dark: '#171f2a' };
/** WCAG 1.4.11: a chart's parts keep at least 3:1 contrast against what surrounds them. */
export const MIN_SECTOR_CONTRAST = 3;

const luminance = (hex: string) => {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

/** The WCAG contrast ratio of two #RRGGBB colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export const SectorInfoSchema = z.object(
  lazyShape(() => ({
    id: SectorIdSchema,
    label: LocalizedTextSchema,
    group: SectorGroupSchema,
    /** Absent in versions published before sectors had their colour: the app then colours by position. */
    color: z.optional(SectorColorSchema),
  })),
);
export type SectorInfo = z.infer<typeof SectorInfoSchema>;

/** A group of indicators, as the overview heads it (工业, 招商引资 …), in the catalog's order. */
export const KpiGroupInfoSchema = z.object(lazyShape(() => ({ id: KpiGroupSchema, label: LocalizedTextSchema })));
export type KpiGroupInfo = z.infer<typeof KpiGroupInfoSchema>;

/** Which published version of the figures the API serves; a new one replaces it on every update. */
export const DataVersionSchema = z.object(
  lazyShape(() => ({
    /** Versions are numbered 1, 2, 3… in the order they were published. */
    id: z.int().check(z.gte(1)),
    publishedAt: z.iso.datetime({ offset: true }),
  })),
);
export type DataVersion = z.infer<typeof DataVersionSchema>;

/**
 * Totals of a set of key projects that the source states (the report: all 198 projects' H1
 * investment, L56; the 22 municipal key projects the district leads, L56–L58). A list is shown
 * with them as reported when it is that set (no filter but `level`, if given) and its sums agree.
 */
export const ReportedProjectTotalsSchema = z.object(
  lazyShape(() => ({
    level: z.optional(LevelIdSchema),
    count: z.int().check(z.gte(0)),
    completed: z.number().check(z.gte(0), z.lte(1e15)),
    source: z.string().check(z.regex(/^L\d+(-L\d+)?$/, 'source must be a report line like L32 or L56-L58')),
  })),
);
export type ReportedProjectTotals = z.infer<typeof ReportedProjectTotalsSchema>;

export const MetaSchema = z.object(
  lazyShape(() => ({
    district: LocalizedTextSchema,
    city: LocalizedTextSchema,
    /** The date the figures are as of (数据截至). */
    asOf: IsoDateSchema,
    dataVersion: DataVersionSchema,
    source: z.object({
      title: LocalizedTextSchema,
      byline: LocalizedTextSchema,
      /**
       * The source's paragraphs as it prints them, by line (a figure's `source: "L52"` is paragraph 52),
       * so a badge can quote the sentence a figure comes from. Absent in versions published before.
       */
      paragraphs: z.optional(
        z
          .array(z.object({ line: z.int().check(z.gte(1)), text: z.string().check(z.minLength(1), z.maxLength(2000)) }))
          .check(z.maxLength(1000)),
      ),
    }),
    periods: z.array(PeriodInfoSchema).check(z.minLength(1), z.maxLength(100)),
    defaultPeriod: PeriodIdSchema,
    sectors: z.array(SectorInfoSchema).check(z.minLength(1), z.maxLength(50)),
    kpiGroups: z.array(KpiGroupInfoSchema).check(z.minLength(1), z.maxLength(50)),
    stages: z.array(StageIdSchema).check(z.minLength(1)),
    levels: z.array(LevelIdSchema).check(z.minLength(1)),
    projectTypes: z.array(ProjectTypeIdSchema).check(z.minLength(1)),
    reportedProjectTotals: z.array(ReportedProjectTotalsSchema).check(z.maxLength(10)),
    /**
     * Sample data (the demo, `npm run demo`), not official statistics: every screen and export
     * says so. A database holding sample data never stops being one.
     */
    sample: z.boolean(),
  })),
);
export type Meta = z.infer<typeof MetaSchema>;

export const metaKeys = {
  all: ['meta'] as const,
};

/**
 * The published version, as a poll asks for it: revalidating the browser's copy (its ETag), so
 * that while nothing is published each poll costs a 304 and no download.
 */
export const askVersion = (signal: AbortSignal) => apiAnswer('/meta', MetaSchema, { signal, cache: 'no-cache' });

export const metaOptions = () =>
  queryOptions({
    ...figureAnswer(metaKeys.all, '/meta', MetaSchema),
    staleTime: 60 * 60 * 1000,
  });
