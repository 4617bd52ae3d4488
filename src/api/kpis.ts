import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet } from './client';
import { LocalizedTextSchema, MeasureSchema, PeriodIdSchema, SectorIdSchema, SeriesSchema } from './common';
import type { PeriodId, SectorId } from './common';

export const KPI_GROUPS = ['industry', 'attraction', 'projects', 'private', 'sme'] as const;
export const KpiGroupSchema = z.enum(KPI_GROUPS);
export type KpiGroup = z.infer<typeof KpiGroupSchema>;

export const TargetSchema = z.object({
  period: PeriodIdSchema,
  /** `cumulative`: a total reached over the year (progress and 序时进度 apply); `level`: a rate to reach. */
  kind: z.enum(['cumulative', 'level']),
  value: MeasureSchema,
});
export type Target = z.infer<typeof TargetSchema>;

export const ComparisonSchema = z.object({
  /**
   * `cityAverage`: vs the city average; `cityRank`: rank among the city's districts;
   * `district`: vs the district-wide figure; `contribution`: points added to the district figure.
   */
  kind: z.enum(['cityAverage', 'cityRank', 'district', 'contribution']),
  reference: MeasureSchema.nullable(),
  difference: MeasureSchema.nullable(),
});
export type Comparison = z.infer<typeof ComparisonSchema>;

export const KpiFactSchema = z.object({
  label: LocalizedTextSchema,
  value: MeasureSchema,
});
export type KpiFact = z.infer<typeof KpiFactSchema>;

export const KpiSchema = z.object({
  id: z.string().min(1).max(100),
  group: KpiGroupSchema,
  label: LocalizedTextSchema,
  /** The sector the figure belongs to; null for district-wide figures. */
  sector: SectorIdSchema.nullable(),
  headline: z.boolean(),
  /** The period the value is for (the period asked for). */
  period: PeriodIdSchema,
  /** null: the source has no figure for this period. */
  value: MeasureSchema.nullable(),
  /** Change against the same period last year. */
  yoy: MeasureSchema.nullable(),
  /** Share of the period's own plan reached (完成当期计划), e.g. 119.8 %. */
  planCompletion: MeasureSchema.nullable(),
  target: TargetSchema.nullable(),
  comparisons: z.array(ComparisonSchema).max(10),
  facts: z.array(KpiFactSchema).max(10),
  series: SeriesSchema.nullable(),
  /** Periods for which this figure has a value. */
  availablePeriods: z.array(PeriodIdSchema).max(100),
});
export type Kpi = z.infer<typeof KpiSchema>;

export const KpiListSchema = z.object({
  period: PeriodIdSchema,
  sector: SectorIdSchema.nullable(),
  items: z.array(KpiSchema).max(500),
});
export type KpiList = z.infer<typeof KpiListSchema>;

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
    queryKey: kpiKeys.list(filter),
    queryFn: ({ signal }) => apiGet('/kpis', KpiListSchema, { params: { ...filter }, signal }),
    placeholderData: keepPreviousData,
  });
