import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { LocalizedTextSchema, MeasureSchema, PeriodIdSchema, SectorIdSchema } from './common';
import { KpiDirectionSchema, KpiGroupSchema, TargetSchema } from './kpis';
import { figureAnswer } from './versions';

/** One period of an indicator's history: its value as published and what is derived from it. */
export const KpiHistoryPointSchema = z.object({
  period: PeriodIdSchema,
  value: MeasureSchema,
  /**
   * Of a running total from January (1–n月累计) for a month, the month's own value (当月): the total
   * less the month before's, derived with its formula (January's is its total). Null otherwise.
   */
  monthValue: z.nullable(MeasureSchema),
  /** Against the same period a year earlier (同比): as given, else derived from the two values. */
  yoy: z.nullable(MeasureSchema),
  /** The month's own value against the month before's (环比), derived; null where it cannot be. */
  mom: z.nullable(MeasureSchema),
  /** Share of the period's own plan reached (完成当期计划). */
  planCompletion: z.nullable(MeasureSchema),
});
export type KpiHistoryPoint = z.infer<typeof KpiHistoryPointSchema>;

/** Every period an indicator has in the published version, in the order of their ends. */
export const KpiHistorySchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  group: KpiGroupSchema,
  label: LocalizedTextSchema,
  sector: z.nullable(SectorIdSchema),
  /** Which way the indicator is better, as its tile's `direction` (absent: not said, read as higher). */
  direction: z.optional(KpiDirectionSchema),
  /** Whether the figures are running totals from January (累计); null: the catalog does not say. */
  cumulative: z.nullable(z.boolean()),
  /** Earliest end first; of two with the same end, the shorter (2023H2 before 2023M12, January to December). */
  points: z.array(KpiHistoryPointSchema).check(z.maxLength(400)),
  /** The annual targets the version holds, one per year at most. */
  targets: z.array(TargetSchema).check(z.maxLength(50)),
});
export type KpiHistory = z.infer<typeof KpiHistorySchema>;

export const kpiHistoryKeys = {
  all: ['kpiHistory'] as const,
  detail: (id: string) => [...kpiHistoryKeys.all, id] as const,
};

export const kpiHistoryOptions = (id: string) =>
  queryOptions(figureAnswer(kpiHistoryKeys.detail(id), `/kpis/${encodeURIComponent(id)}/history`, KpiHistorySchema));
