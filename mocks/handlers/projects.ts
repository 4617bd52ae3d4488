import { http, HttpResponse } from 'msw';
import * as z from 'zod/mini';
import { STAGE_IDS } from '../../src/api/common';
import { MAX_PAGE_SIZE, ProjectFilterSchema } from '../../src/api/projects';
import type { Project, ProjectDetail, ProjectFilter, ProjectPage, ProjectSortField } from '../../src/api/projects';
import { keyProjects } from '../fixtures/projects';
import { API, problem } from './common';

export const DEFAULT_PAGE_SIZE = 50;

const progress = (p: Project) => (p.planned.value > 0 ? p.completed.value / p.planned.value : -1);
const stageOrder = new Map(STAGE_IDS.map((s, i) => [s, i]));
const collator = new Intl.Collator('zh-CN');

const sortValue: Record<ProjectSortField, (p: Project) => string | number> = {
  name: (p) => p.name,
  sector: (p) => p.sector ?? '',
  type: (p) => p.type,
  stage: (p) => stageOrder.get(p.stage) ?? 0,
  level: (p) => p.level,
  planned: (p) => p.planned.value,
  completed: (p) => p.completed.value,
  progress,
  start: (p) => p.start ?? '',
  expectedCompletion: (p) => p.expectedCompletion ?? '',
  lastUpdate: (p) => p.lastUpdate,
};

function compare(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** Everything a real server does with the list query: validate, filter, search, sort, total and page. */
export function queryProjects(all: readonly ProjectDetail[], filter: ProjectFilter): ProjectPage {
  const q = filter.q?.trim().toLowerCase() ?? '';
  const matches = all.filter(
    (p) =>
      (!filter.stage || p.stage === filter.stage) &&
      (!filter.sector || p.sector === filter.sector) &&
      (!filter.level || p.level === filter.level) &&
      (!filter.type || p.type === filter.type) &&
      (q === '' || p.name.toLowerCase().includes(q) || p.description.toLowerCase().includes(q)),
  );
  if (filter.sort) {
    const desc = filter.sort.startsWith('-');
    const key = sortValue[filter.sort.replace(/^-/, '') as ProjectSortField];
    matches.sort((a, b) => {
      const c = compare(key(a), key(b)) || collator.compare(a.name, b.name);
      return desc ? -c : c;
    });
  }
  const pageSize = filter.pageSize ?? DEFAULT_PAGE_SIZE;
  const page = filter.page ?? 1;
  const sum = (items: readonly Project[]) => ({
    count: items.length,
    planned: items.reduce((a, p) => a + p.planned.value, 0),
    completed: items.reduce((a, p) => a + p.completed.value, 0),
  });
  // Totals per stage ignore the stage filter so the funnel can show every stage for the other filters.
  const withoutStage = filter.stage
    ? queryProjects(all, { ...filter, stage: undefined, page: 1, pageSize: 1 }).stageTotals
    : null;
  return {
    items: matches.slice((page - 1) * pageSize, page * pageSize).map(({ milestones: _m, ...p }) => p),
    page,
    pageSize,
    total: matches.length,
    totals: sum(matches),
    stageTotals:
      withoutStage ?? STAGE_IDS.map((stage) => ({ stage, ...sum(matches.filter((p) => p.stage === stage)) })),
  };
}

export function parseProjectFilter(url: URL): ProjectFilter | Response {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of url.searchParams) {
    if (value === '') continue;
    raw[key] = key === 'page' || key === 'pageSize' ? Number(value) : value;
  }
  const parsed = z.strictObject(ProjectFilterSchema.shape).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return problem(
      400,
      'bad_query',
      `${issue?.path.join('.') || 'query'}: ${issue?.message ?? 'invalid'} (page size ≤ ${MAX_PAGE_SIZE})`,
    );
  }
  return parsed.data;
}

export const projectHandlers = (source: () => readonly ProjectDetail[] = () => keyProjects) => [
  http.get(`${API}/projects`, ({ request }) => {
    const filter = parseProjectFilter(new URL(request.url));
    if (filter instanceof Response) return filter;
    return HttpResponse.json<ProjectPage>(queryProjects(source(), filter));
  }),
  http.get<{ id: string }>(`${API}/projects/:id`, ({ params }) => {
    const project = source().find((p) => p.id === params.id);
    if (!project) return problem(404, 'not_found', `no project "${params.id}"`);
    return HttpResponse.json<ProjectDetail>(project);
  }),
];
