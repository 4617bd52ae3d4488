import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import * as z from 'zod/mini';
import { LevelIdSchema, ProjectTypeIdSchema, SectorIdSchema, StageIdSchema } from '../../api/common';
import { PROJECT_SORT_FIELDS } from '../../api/projects';
import type { ProjectFilter, ProjectSort, ProjectSortField } from '../../api/projects';

export const PAGE_SIZES = [25, 50, 100, 200] as const;
export const DEFAULT_PAGE_SIZE = 50;

/** The tracker's own address parameters (sector is the global filter, read here too). */
export const TRACKER_PARAMS = ['stage', 'level', 'type', 'q', 'sort', 'page', 'pageSize'] as const;
type TrackerParam = (typeof TRACKER_PARAMS)[number];

const SortSchema = z.string().check(z.regex(new RegExp(`^-?(${PROJECT_SORT_FIELDS.join('|')})$`)));
const PositiveInt = z.coerce.number().check(z.refine(Number.isInteger), z.gte(1), z.lte(1_000_000));

const PARAM_SCHEMAS: Record<TrackerParam, z.ZodMiniType> = {
  stage: StageIdSchema,
  level: LevelIdSchema,
  type: ProjectTypeIdSchema,
  q: z.string().check(z.maxLength(100)),
  sort: SortSchema,
  page: PositiveInt,
  pageSize: z.coerce.number().check(z.refine((n) => (PAGE_SIZES as readonly number[]).includes(n))),
};

export interface TrackerState {
  /** The list query for the API (page and pageSize always set). */
  filter: ProjectFilter & { page: number; pageSize: number };
  /** Parameters present in the address that could not be used. */
  ignored: { param: string; value: string }[];
}

const MAX_SHOWN = 40;

/** Reads the tracker's parameters; an invalid value is dropped and reported, never thrown. */
export function parseTrackerSearch(search: URLSearchParams): TrackerState {
  const ignored: TrackerState['ignored'] = [];
  const out: Record<string, unknown> = {};
  for (const param of TRACKER_PARAMS) {
    const value = search.get(param);
    if (value === null || value === '') continue;
    const parsed = PARAM_SCHEMAS[param].safeParse(param === 'q' ? value.trim() : value);
    if (parsed.success) out[param] = parsed.data;
    else ignored.push({ param, value: value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value });
  }
  const sector = SectorIdSchema.safeParse(search.get('sector'));
  const filter: TrackerState['filter'] = {
    stage: out.stage as ProjectFilter['stage'],
    sector: sector.success ? sector.data : undefined,
    level: out.level as ProjectFilter['level'],
    type: out.type as ProjectFilter['type'],
    q: (out.q as string | undefined) || undefined,
    sort: out.sort as ProjectSort | undefined,
    page: (out.page as number | undefined) ?? 1,
    pageSize: (out.pageSize as number | undefined) ?? DEFAULT_PAGE_SIZE,
  };
  // Drop undefined keys so equal filters give equal query keys.
  for (const key of Object.keys(filter) as (keyof ProjectFilter)[]) {
    if (filter[key] === undefined) Reflect.deleteProperty(filter, key);
  }
  return { filter, ignored };
}

export function useTrackerState(): TrackerState {
  const [search] = useSearchParams();
  return useMemo(() => parseTrackerSearch(search), [search]);
}

/** Filter without paging: what an export or the totals refer to. */
export function withoutPaging({
  page: _p,
  pageSize: _s,
  ...rest
}: ProjectFilter): Omit<ProjectFilter, 'page' | 'pageSize'> {
  return rest;
}

export const hasActiveFilters = (f: ProjectFilter) => Boolean(f.stage ?? f.sector ?? f.level ?? f.type ?? f.q);

export function parseSort(sort: string | undefined): { field: ProjectSortField; desc: boolean } | null {
  if (!sort) return null;
  const desc = sort.startsWith('-');
  return { field: (desc ? sort.slice(1) : sort) as ProjectSortField, desc };
}

/** The tracker's list parameters of the current address, to carry into detail links and back. */
export function listSearch(search: URLSearchParams): URLSearchParams {
  const kept = new URLSearchParams();
  for (const key of [...TRACKER_PARAMS, 'sector', 'period', 'lang', 'theme']) {
    const v = search.get(key);
    if (v !== null && v !== '') kept.set(key, v);
  }
  return kept;
}
