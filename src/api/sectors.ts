import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import {
  FactSchema,
  LocalizedTextSchema,
  MeasureSchema,
  PeriodIdSchema,
  ProvenanceSchema,
  SectorIdSchema,
  SeriesSchema,
} from './common';
import type { PeriodId, SectorId } from './common';
import { SectorGroupSchema } from './meta';
import { figureAnswer } from './versions';

export const SectorFigureSchema = z.object({
  id: SectorIdSchema,
  label: LocalizedTextSchema,
  group: SectorGroupSchema,
  /** Above-scale industrial output (规上工业产值) in the period; null when not reported. */
  output: z.nullable(MeasureSchema),
  /** Growth of output against the same period last year. */
  growth: z.nullable(MeasureSchema),
  /** Above-scale industrial firms (规上工业企业). */
  firms: z.nullable(MeasureSchema),
  /** Share of the district's above-scale industrial output. */
  share: z.nullable(MeasureSchema),
});
export type SectorFigure = z.infer<typeof SectorFigureSchema>;

export const NamedFirmSchema = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  /** The firm's English name where known; the Chinese name stays its name. */
  nameEn: z.optional(z.nullable(z.string().check(z.minLength(1), z.maxLength(300)))),
  note: LocalizedTextSchema,
  provenance: ProvenanceSchema,
  /** Figures the source gives about the firm (580万元 output so far, in production after 90 days). */
  facts: z.optional(z.array(FactSchema).check(z.maxLength(10))),
});
export type NamedFirm = z.infer<typeof NamedFirmSchema>;

export const SectorListSchema = z.object({
  period: PeriodIdSchema,
  items: z.array(SectorFigureSchema).check(z.maxLength(50)),
  /** Firms the source names without saying which sector they belong to: never filed under one. */
  otherFirms: z.array(NamedFirmSchema).check(z.maxLength(200)),
});
export type SectorList = z.infer<typeof SectorListSchema>;

export const SectorDetailSchema = z.object({
  period: PeriodIdSchema,
  sector: SectorFigureSchema,
  /** Monthly output for the period's year; illustrative points are marked as such. */
  series: z.nullable(SeriesSchema),
  firms: z.array(NamedFirmSchema).check(z.maxLength(200)),
  /** Number of key projects in the sector (all stages). */
  projectCount: z.int().check(z.gte(0), z.lte(1_000_000)),
});
export type SectorDetail = z.infer<typeof SectorDetailSchema>;

export const sectorKeys = {
  all: ['sectors'] as const,
  list: (period: PeriodId) => [...sectorKeys.all, 'list', period] as const,
  detail: (id: SectorId, period: PeriodId) => [...sectorKeys.all, 'detail', id, period] as const,
};

export const sectorListOptions = (period: PeriodId) =>
  queryOptions({
    ...figureAnswer(sectorKeys.list(period), '/sectors', SectorListSchema, { period }),
  });

export const sectorDetailOptions = (id: SectorId, period: PeriodId) =>
  queryOptions({
    ...figureAnswer(sectorKeys.detail(id, period), `/sectors/${encodeURIComponent(id)}`, SectorDetailSchema, {
      period,
    }),
  });
