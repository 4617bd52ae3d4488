import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiAnswer } from './client';
import type { Answer } from './client';
import {
  FactSchema,
  IsoDateSchema,
  LevelIdSchema,
  LocalizedTextSchema,
  MeasureSchema,
  PeriodIdSchema,
  ProjectTypeIdSchema,
  PROVENANCE_KINDS,
  ProvenanceSchema,
  SectorIdSchema,
  StageIdSchema,
} from './common';
import type { Provenance } from './common';
import { figureAnswer, figureQuery } from './versions';

/**
 * How precisely the source gives a date: to the `day`, the `month` or the `year`; `before`: on or
 * shortly before the date ("近日", "如今" in a report of that date). A range of years ("未来3年至5年")
 * is a `year` date with an `until`.
 */
export const DatePrecisionSchema = z.enum(['day', 'month', 'year', 'before']);
export type DatePrecision = z.infer<typeof DatePrecisionSchema>;

/** A project's attributes that can each have their own provenance. */
export const PROJECT_FIELDS = [
  'name',
  'description',
  'stage',
  'level',
  'sector',
  'type',
  'start',
  'expectedCompletion',
] as const;
export type ProjectField = (typeof PROJECT_FIELDS)[number];

/**
 * Where each attribute of a project comes from. A project the report names may have its stage
 * from the report and its level assumed: such a field is `illustrative`. An attribute not listed
 * has the project's own provenance.
 */
export const ProjectFieldProvenanceSchema = z.object(
  // A field's own provenance; `name`'s is set when an import renamed the project, so that its name
  // no longer comes from where the project does.
  Object.fromEntries(PROJECT_FIELDS.map((field) => [field, z.optional(ProvenanceSchema)])) as Record<
    ProjectField,
    z.ZodMiniOptional<typeof ProvenanceSchema>
  >,
);
export type ProjectFieldProvenance = z.infer<typeof ProjectFieldProvenanceSchema>;

export const ProjectSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]{1,64}$/)),
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  /** The name in English where the office gives one; the Chinese name stays the project's name. */
  nameEn: z.optional(z.nullable(z.string().check(z.minLength(1), z.maxLength(300)))),
  description: z.string().check(z.maxLength(2000)),
  /** The description in English where the office gives one. */
  descriptionEn: z.optional(z.nullable(z.string().check(z.maxLength(3000)))),
  sector: z.nullable(SectorIdSchema),
  type: ProjectTypeIdSchema,
  stage: StageIdSchema,
  /** 市级 or 区级; null where the source does not say. */
  level: z.nullable(LevelIdSchema),
  /** The period `planned` and `completed` refer to (e.g. 2023H1); null when neither is known. */
  investmentPeriod: z.nullable(PeriodIdSchema),
  /** Investment planned for the period (当期计划投资), yuan; null where the source gives none. */
  planned: z.nullable(MeasureSchema),
  /** Investment completed in the period (当期完成投资), yuan; null where the source gives none. */
  completed: z.nullable(MeasureSchema),
  /** Total investment of the project (总投资), yuan. */
  totalInvestment: z.nullable(MeasureSchema),
  start: z.nullable(IsoDateSchema),
  expectedCompletion: z.nullable(IsoDateSchema),
  lastUpdate: IsoDateSchema,
  /** Whether the source report names this project (reported) or it fills the list (illustrative). */
  provenance: ProvenanceSchema,
  /** Per attribute, where it differs from `provenance` (e.g. a level the report does not give). */
  fieldProvenance: z.optional(ProjectFieldProvenanceSchema),
  /** How precisely `start` and `expectedCompletion` are known; absent: to the day. */
  datePrecision: z.optional(
    z.object({ start: z.optional(DatePrecisionSchema), expectedCompletion: z.optional(DatePrecisionSchema) }),
  ),
});
export type Project = z.infer<typeof ProjectSchema>;

/**
 * A project's name and description as a reader of `locale` sees them: in English the English
 * text where the office gave one, with the Chinese name kept beside it (`original`), else the
 * Chinese text alone.
 */
export function projectText(
  p: Pick<Project, 'name' | 'nameEn' | 'description' | 'descriptionEn'>,
  locale: 'zh-CN' | 'en',
): { name: string; description: string; original: string | null } {
  if (locale === 'en' && p.nameEn) {
    return { name: p.nameEn, description: p.descriptionEn || p.description, original: p.name };
  }
  return {
    name: p.name,
    description: locale === 'en' && p.descriptionEn ? p.descriptionEn : p.description,
    original: null,
  };
}

/** A project's share of its period plan completed; null where either amount is unknown or nothing was planned. */
export const progressOf = (p: Pick<Project, 'planned' | 'completed'>): number | null =>
  p.planned && p.completed && p.planned.value > 0 ? p.completed.value / p.planned.value : null;

/** The provenance of one attribute of a project. */
export const fieldProvenanceOf = (p: Pick<Project, 'provenance' | 'fieldProvenance'>, field: ProjectField) =>
  p.fieldProvenance?.[field] ?? p.provenance;

/** Said by the source report, or reckoned from what it says. */
const ofReport = (provenance: Provenance) => provenance.kind === 'reported' || provenance.kind === 'derived';

/**
 * Everything the list says of the project comes from the source report: the project is one it
 * names, and each attribute and amount is the report's or reckoned from it. Not once an office's
 * import has changed or added any of it, nor of a sample's project.
 */
export const fromReportAlone = (p: Project): boolean =>
  p.provenance.kind === 'reported' &&
  PROJECT_FIELDS.every((field) => ofReport(fieldProvenanceOf(p, field))) &&
  [p.planned, p.completed, p.totalInvestment].every((m) => m === null || ofReport(m.provenance));

export const MilestoneSchema = z.object({
  /** The date, or the first day of the month or year when `precision` says so. */
  date: IsoDateSchema,
  /** Absent: the day is known. */
  precision: z.optional(DatePrecisionSchema),
  /** The end of a range of dates ("未来3年至5年": 2026 until 2028, precision `year`). */
  until: z.optional(IsoDateSchema),
  label: LocalizedTextSchema,
  done: z.boolean(),
  provenance: ProvenanceSchema,
});
export type Milestone = z.infer<typeof MilestoneSchema>;

export const ProjectDetailSchema = z.extend(ProjectSchema, {
  milestones: z.array(MilestoneSchema).check(z.maxLength(100)),
  /** Figures the source gives about the project (a bridge's length, a first phase's investment). */
  facts: z.optional(z.array(FactSchema).check(z.maxLength(20))),
});
export type ProjectDetail = z.infer<typeof ProjectDetailSchema>;

const totalsShape = {
  count: z.int().check(z.gte(0)),
  /** How many of them have their money given: the sums below are over these only. */
  withMoney: z.int().check(z.gte(0)),
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
  /** `reported`: the projects the report names; `illustrative`: the sample's; `imported`: an office's list. */
  provenance: z.optional(z.enum(PROVENANCE_KINDS)),
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
    ...figureAnswer(projectKeys.list(filter), '/projects', ProjectPageSchema, { ...filter }),
    placeholderData: keepPreviousData,
  });

export const projectDetailOptions = (id: string) =>
  queryOptions({
    ...figureAnswer(projectKeys.detail(id), `/projects/${encodeURIComponent(id)}`, ProjectDetailSchema),
  });

/** Page size used to read a whole filtered list (export, neighbours): the API's maximum. */
export const ALL_PAGES_SIZE = MAX_PAGE_SIZE;

/**
 * Every project matching `filter` (all pages, in the filter's sort order), read page by page
 * through the same endpoint the table uses, so an export is exactly what the table lists. The
 * pages are of one data version: a version published between two pages starts the reading over.
 */
export async function allProjectsAnswer(
  filter: Omit<ProjectFilter, 'page' | 'pageSize'>,
  signal?: AbortSignal,
): Promise<Answer<Project[]>> {
  const items: Project[] = [];
  let version: string | null = null;
  for (let page = 1; ; page++) {
    const res = await apiAnswer('/projects', ProjectPageSchema, {
      params: { ...filter, page, pageSize: ALL_PAGES_SIZE },
      signal,
    });
    if (page > 1 && res.version !== version) return allProjectsAnswer(filter, signal);
    version = res.version;
    items.push(...res.data.items);
    if (res.data.items.length === 0 || page * res.data.pageSize >= res.data.total) return { data: items, version };
  }
}

export const fetchAllProjects = (filter: Omit<ProjectFilter, 'page' | 'pageSize'>, signal?: AbortSignal) =>
  allProjectsAnswer(filter, signal).then((answer) => answer.data);

/** The whole filtered list (for the CSV export); cached briefly so a second click is instant. */
export const allProjectsOptions = (filter: Omit<ProjectFilter, 'page' | 'pageSize'>) =>
  queryOptions({
    ...figureQuery([...projectKeys.lists(), 'all', filter] as const, (signal) => allProjectsAnswer(filter, signal)),
    staleTime: 30_000,
  });

/**
 * Every project the source report names (the briefing's): the API picks them, so a page holding
 * them, and its server render's state, carries none of an office's longer list.
 */
export const reportedProjectsOptions = () => allProjectsOptions({ provenance: 'reported' });
