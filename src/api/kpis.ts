import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import {
  FactSchema,
  lazyShape,
  LocalizedTextSchema,
  MeasureSchema,
  PeriodIdSchema,
  ProvenanceSchema,
  SectorIdSchema,
  SeriesPointSchema,
  SeriesSchema,
} from './common';
import type { PeriodId, SectorId, Series } from './common';
import { figureAnswer } from './versions';

/** An indicator group's id: one of /meta's `kpiGroups`, which name and order the groups. */
export const KpiGroupSchema = z.string().check(z.regex(/^[a-z][a-z0-9-]{0,39}$/));
export type KpiGroup = z.infer<typeof KpiGroupSchema>;

/** Which way an indicator is better, as the catalog says (越高越好 / 越低越好 / 中性). */
export const KpiDirectionSchema = z.enum(['higher', 'lower', 'neutral']);
export type KpiDirection = z.infer<typeof KpiDirectionSchema>;

export const TargetSchema = z.object(
  lazyShape(() => ({
    period: PeriodIdSchema,
    /** `cumulative`: a total reached over the year (progress and 序时进度 apply); `level`: a rate to reach. */
    kind: z.enum(['cumulative', 'level']),
    value: MeasureSchema,
    /**
     * The indicator that reports how much of the period's share of the task this target belongs to
     * was done (当期目标任务): L52's 156 % for the 招商引资 task covers the signed and arrived targets.
     */
    periodCompletionKpi: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  })),
);
export type Target = z.infer<typeof TargetSchema>;

/** A reported completion of the period's target for the task a figure belongs to, and the indicator that reports it. */
export const PeriodTargetSchema = z.object(
  lazyShape(() => ({
    completion: MeasureSchema,
    kpi: z.string().check(z.minLength(1), z.maxLength(100)),
  })),
);
export type PeriodTarget = z.infer<typeof PeriodTargetSchema>;

export const ComparisonSchema = z.object(
  lazyShape(() => ({
    /**
     * `cityAverage`: vs the city average; `cityRank`: rank among the city's districts;
     * `district`: vs the district-wide figure; `contribution`: points added to the district figure.
     */
    kind: z.enum(['cityAverage', 'cityRank', 'district', 'contribution']),
    reference: z.nullable(MeasureSchema),
    difference: z.nullable(MeasureSchema),
  })),
);
export type Comparison = z.infer<typeof ComparisonSchema>;

export const KpiFactSchema = FactSchema;
export type KpiFact = z.infer<typeof KpiFactSchema>;

export const KpiSchema = z.object(
  lazyShape(() => ({
    id: z.string().check(z.minLength(1), z.maxLength(100)),
    group: KpiGroupSchema,
    label: LocalizedTextSchema,
    /** The sector the figure belongs to; null for district-wide figures. */
    sector: z.nullable(SectorIdSchema),
    headline: z.boolean(),
    /**
     * Which way the indicator is better, as the office's catalog says (越高越好 / 越低越好 / 中性):
     * a level target of a lower-is-better figure (an unemployment rate) is met below it. Absent:
     * not said, read as higher is better.
     */
    direction: z.optional(KpiDirectionSchema),
    /** The period asked for. */
    period: PeriodIdSchema,
    /**
     * The period the value is for: of the periods with a value, the latest whose end is not after
     * the end of the period asked for (the latest figure, 最新数据, as a statistical release prints
     * it), so an earlier one when the period asked for has none (2023H1 for 2023D0826). Change,
     * plan completion, comparisons, facts and series are that period's too. Null with the value.
     */
    valuePeriod: z.nullable(PeriodIdSchema),
    /** The latest value up to the period asked for (see `valuePeriod`); null: none up to it. */
    value: z.nullable(MeasureSchema),
    /** Change against the same period of the year before `valuePeriod`: as given, else derived from the two values. */
    yoy: z.nullable(MeasureSchema),
    /**
     * Of a running total from January (1–n月累计), the month's own value (当月): the month's total
     * less the month before's, derived (January's is its total). Null for other figures.
     */
    monthValue: z.optional(z.nullable(MeasureSchema)),
    /** Change of the month's own value against the month before's (环比, December's for January), derived. */
    mom: z.optional(z.nullable(MeasureSchema)),
    /** Share of the period's own plan reached (完成当期计划), e.g. 119.8 %. */
    planCompletion: z.nullable(MeasureSchema),
    /**
     * The period target's completion reported for the task this figure belongs to (L52: 156 % for
     * 签约资金 and 到位资金); null when none is reported for the period. It outranks 序时进度.
     */
    periodTarget: z.optional(z.nullable(PeriodTargetSchema)),
    target: z.nullable(TargetSchema),
    comparisons: z.array(ComparisonSchema).check(z.maxLength(10)),
    facts: z.array(KpiFactSchema).check(z.maxLength(10)),
    series: z.nullable(SeriesSchema),
    /** Periods for which this figure has a value (`valuePeriod` is one of them). */
    availablePeriods: z.array(PeriodIdSchema).check(z.maxLength(100)),
  })),
);
export type Kpi = z.infer<typeof KpiSchema>;

export interface KpiList {
  period: PeriodId;
  sector: SectorId | null;
  items: Kpi[];
}

const IndexSchema = z.int().check(z.gte(0));
const SentPointSchema = z.object(
  lazyShape(() => ({
    ...SeriesPointSchema.shape,
    provenance: z.optional(ProvenanceSchema),
    /** The index of the point's provenance in the answer's `sources`, in place of `provenance`. */
    source: z.optional(IndexSchema),
    /** With `source`: the row of an imported point when it is not the source's (another row of that sheet). */
    row: z.optional(z.int().check(z.gte(1))),
  })),
);
const SentKpiSchema = z.object(
  lazyShape(() => ({
    ...KpiSchema.shape,
    availablePeriods: z.optional(KpiSchema.shape.availablePeriods),
    /** The index of the tile's `availablePeriods` in the answer's `periodSets`, in place of them. */
    periods: z.optional(IndexSchema),
    series: z.nullable(z.object({ ...SeriesSchema.shape, points: z.array(SentPointSchema).check(z.maxLength(400)) })),
  })),
);
const SentKpiListSchema = z.object(
  lazyShape(() => ({
    period: PeriodIdSchema,
    sector: z.nullable(SectorIdSchema),
    periodSets: z.optional(z.array(KpiSchema.shape.availablePeriods).check(z.maxLength(500))),
    sources: z.optional(z.array(ProvenanceSchema).check(z.maxLength(5000))),
    items: z.array(SentKpiSchema).check(z.maxLength(500)),
  })),
);
export type KpiListSent = z.infer<typeof SentKpiListSchema>;

/** The answer with each tile's periods and each trend point's provenance in place; else where one names no entry. */
function resolved({ periodSets = [], sources = [], ...list }: KpiListSent): KpiList | PropertyKey[] {
  const items: Kpi[] = [];
  for (const [i, { periods, ...kpi }] of list.items.entries()) {
    const availablePeriods = periods === undefined ? kpi.availablePeriods : periodSets[periods];
    if (!availablePeriods) return ['items', i, 'periods'];
    const points: Series['points'] = [];
    for (const [j, { source, row, ...p }] of (kpi.series?.points ?? []).entries()) {
      const from = source === undefined ? p.provenance : sources[source];
      if (!from) return ['items', i, 'series', 'points', j, 'source'];
      points.push({ ...p, provenance: row && from.import ? { ...from, import: { ...from.import, row } } : from });
    }
    items.push({ ...kpi, availablePeriods, series: kpi.series && { ...kpi.series, points } });
  }
  return { ...list, items };
}

/**
 * The contract of `/kpis`. With three years of months, every tile listing its periods and every
 * trend point its provenance made up half of an answer, so an answer may list each set of periods
 * once (`periodSets`) and each source once (`sources`), which a tile (`periods`) and a trend point
 * (`source`, and `row`) then name by index. Parsing puts them back where the app reads them.
 * Built on first use, as the checked schemas in ./common are.
 */
export const KpiListSchema = z.lazy(() =>
  SentKpiListSchema.check(
    z.check<KpiListSent>((payload) => {
      const list = resolved(payload.value);
      if (!Array.isArray(list)) payload.value = list;
      else
        payload.issues.push({
          code: 'custom',
          message: 'names no entry of the answer',
          input: payload.value,
          path: list,
        });
    }),
  ),
) as unknown as z.ZodMiniType<KpiList, KpiListSent>;

export interface KpiFilter {
  period: PeriodId;
  sector: SectorId | null;
}

export const kpiKeys = {
  all: ['kpis'] as const,
  list: (filter: KpiFilter) => [...kpiKeys.all, 'list', filter] as const,
};

export const kpiListOptions = (filter: KpiFilter) =>
  queryOptions({
    ...figureAnswer(kpiKeys.list(filter), '/kpis', KpiListSchema, { ...filter }),
    placeholderData: keepPreviousData,
  });
