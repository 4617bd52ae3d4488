import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiGet } from './client';
import {
  IsoDateSchema,
  LevelIdSchema,
  LocalizedTextSchema,
  MeasureSchema,
  PeriodIdSchema,
  ProjectTypeIdSchema,
  ProvenanceSchema,
  SectorIdSchema,
  StageIdSchema,
} from './common';

export const ProjectSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]{1,64}$/)),
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  description: z.string().check(z.maxLength(2000)),
  sector: z.nullable(SectorIdSchema),
  type: ProjectTypeIdSchema,
  stage: StageIdSchema,
  level: LevelIdSchema,
  /** The period `planned` and `completed` refer to (e.g. 2023H1). */
  investmentPeriod: PeriodIdSchema,
  /** Investment planned for the period (当期计划投资), yuan. */
  planned: MeasureSchema,
  /** Investment completed in the period (当期完成投资), yuan. */
  completed: MeasureSchema,
  /** Total investment of the project (总投资), yuan. */
  totalInvestment: z.nullable(MeasureSchema),
  start: z.nullable(IsoDateSchema),
  expectedCompletion: z.nullable(IsoDateSchema),
  lastUpdate: IsoDateSchema,
  /** Whether the source report names this project (reported) or it fills the list (illustrative). */
  provenance: ProvenanceSchema,
});
export type Project = z.infer<typeof ProjectSchema>;

export const MilestoneSchema = z.object({
  date: IsoDateSchema,
  label: LocalizedTextSchema,
  done: z.boolean(),
  provenance: ProvenanceSchema,
});
export type Milestone = z.infer<typeof MilestoneSchema>;

export const ProjectDetailSchema = z.extend(ProjectSchema, {
  milestones: z.array(MilestoneSchema).check(z.maxLength(100)),
});
export type ProjectDetail = z.infer<typeof ProjectDetailSchema>;

const totalsShape = {
  count: z.int().check(z.gte(0)),
  planned: z.number().check(z.gte(0), z.lte(1e15)),
  completed: z.number().check(z.gte(0), z.lte(1e15)),
};
export const StageTotalSchema = z.object({ stage: StageIdSchema, ...totalsShape });
export type StageTotal = z.infer<typeof StageTotalSchema>;

export const PROJECT_SORT_FIELDS = [
  'name',
  'sector',
  'type',
  'stage',
  'level',
  'planned',
  'completed',
  'progress',
  'start',
  'expectedCompletion',
  'lastUpdate',
] as const;
export const ProjectSortFieldSchema = z.enum(PROJECT_SORT_FIELDS);
export type ProjectSortField = z.infer<typeof ProjectSortFieldSchema>;
/** `field` ascending, `-field` descending. */
export type ProjectSort = ProjectSortField | `-${ProjectSortField}`;

export const MAX_PAGE_SIZE = 500;

export const ProjectPageSchema = z.object({
  items: z.array(ProjectSchema).check(z.maxLength(MAX_PAGE_SIZE)),
  page: z.int().check(z.gte(1)),
  pageSize: z.int().check(z.gte(1), z.lte(MAX_PAGE_SIZE)),
  /** Number of projects matching the filters (all pages). */
  total: z.int().check(z.gte(0)),
  /** Totals over the whole filtered set, not only this page. */
  totals: z.object(totalsShape),
  stageTotals: z.array(StageTotalSchema).check(z.maxLength(10)),
});
export type ProjectPage = z.infer<typeof ProjectPageSchema>;

export const ProjectFilterSchema = z.object({
  stage: z.optional(StageIdSchema),
  sector: z.optional(SectorIdSchema),
  level: z.optional(LevelIdSchema),
  type: z.optional(ProjectTypeIdSchema),
  q: z.optional(z.string().check(z.maxLength(100))),
  sort: z.optional(z.string().check(z.regex(new RegExp(`^-?(${PROJECT_SORT_FIELDS.join('|')})$`)))),
  page: z.optional(z.int().check(z.gte(1))),
  pageSize: z.optional(z.int().check(z.gte(1), z.lte(MAX_PAGE_SIZE))),
});
export type ProjectFilter = z.infer<typeof ProjectFilterSchema>;

export const projectKeys = {
  all: ['projects'] as const,
  lists: () => [...projectKeys.all, 'list'] as const,
  list: (filter: ProjectFilter) => [...projectKeys.lists(), filter] as const,
  detail: (id: string) => [...projectKeys.all, 'detail', id] as const,
};

export const projectListOptions = (filter: ProjectFilter) =>
  queryOptions({
    queryKey: projectKeys.list(filter),
    queryFn: ({ signal }) => apiGet('/projects', ProjectPageSchema, { params: { ...filter }, signal }),
    placeholderData: keepPreviousData,
  });

export const projectDetailOptions = (id: string) =>
  queryOptions({
    queryKey: projectKeys.detail(id),
    queryFn: ({ signal }) => apiGet(`/projects/${encodeURIComponent(id)}`, ProjectDetailSchema, { signal }),
  });

/** Page size used to read a whole filtered list (export, neighbours): the API's maximum. */
export const ALL_PAGES_SIZE = MAX_PAGE_SIZE;

/**
 * Every project matching `filter` (all pages, in the filter's sort order), read page by page
 * through the same endpoint the table uses, so an export is exactly what the table lists.
 */
export async function fetchAllProjects(
  filter: Omit<ProjectFilter, 'page' | 'pageSize'>,
  signal?: AbortSignal,
): Promise<Project[]> {
  const items: Project[] = [];
  for (let page = 1; ; page++) {
    const res = await apiGet('/projects', ProjectPageSchema, {
      params: { ...filter, page, pageSize: ALL_PAGES_SIZE },
      signal,
    });
    items.push(...res.items);
    if (res.items.length === 0 || page * res.pageSize >= res.total) return items;
  }
}

/** The whole filtered list (for the CSV export); cached briefly so a second click is instant. */
export const allProjectsOptions = (filter: Omit<ProjectFilter, 'page' | 'pageSize'>) =>
  queryOptions({
    queryKey: [...projectKeys.lists(), 'all', filter] as const,
    queryFn: ({ signal }) => fetchAllProjects(filter, signal),
    staleTime: 30_000,
  });
