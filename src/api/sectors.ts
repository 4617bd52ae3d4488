import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet } from './client';
import {
  LocalizedTextSchema,
  MeasureSchema,
  PeriodIdSchema,
  ProvenanceSchema,
  SectorIdSchema,
  SeriesSchema,
} from './common';
import type { PeriodId, SectorId } from './common';
import { SectorGroupSchema } from './meta';

export const SectorFigureSchema = z.object({
  id: SectorIdSchema,
  label: LocalizedTextSchema,
  group: SectorGroupSchema,
  /** Above-scale industrial output (规上工业产值) in the period; null when not reported. */
  output: MeasureSchema.nullable(),
  /** Growth of output against the same period last year. */
  growth: MeasureSchema.nullable(),
  /** Above-scale industrial firms (规上工业企业). */
  firms: MeasureSchema.nullable(),
  /** Share of the district's above-scale industrial output. */
  share: MeasureSchema.nullable(),
});
export type SectorFigure = z.infer<typeof SectorFigureSchema>;

export const SectorListSchema = z.object({
  period: PeriodIdSchema,
  items: z.array(SectorFigureSchema).max(50),
});
export type SectorList = z.infer<typeof SectorListSchema>;

export const NamedFirmSchema = z.object({
  name: z.string().min(1).max(200),
  note: LocalizedTextSchema,
  provenance: ProvenanceSchema,
});
export type NamedFirm = z.infer<typeof NamedFirmSchema>;

export const SectorDetailSchema = z.object({
  period: PeriodIdSchema,
  sector: SectorFigureSchema,
  /** Monthly output for the period's year; illustrative points are marked as such. */
  series: SeriesSchema.nullable(),
  firms: z.array(NamedFirmSchema).max(200),
  /** Number of key projects in the sector (all stages). */
  projectCount: z.int().min(0).max(1_000_000),
});
export type SectorDetail = z.infer<typeof SectorDetailSchema>;

export const sectorKeys = {
  all: ['sectors'] as const,
  list: (period: PeriodId) => [...sectorKeys.all, 'list', period] as const,
  detail: (id: SectorId, period: PeriodId) => [...sectorKeys.all, 'detail', id, period] as const,
};

export const sectorListOptions = (period: PeriodId) =>
  queryOptions({
    queryKey: sectorKeys.list(period),
    queryFn: ({ signal }) => apiGet('/sectors', SectorListSchema, { params: { period }, signal }),
  });

export const sectorDetailOptions = (id: SectorId, period: PeriodId) =>
  queryOptions({
    queryKey: sectorKeys.detail(id, period),
    queryFn: ({ signal }) =>
      apiGet(`/sectors/${encodeURIComponent(id)}`, SectorDetailSchema, { params: { period }, signal }),
  });
