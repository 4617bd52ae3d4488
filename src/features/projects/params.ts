import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import * as z from 'zod/mini';
import { DEFAULT_PERIOD, LevelIdSchema, ProjectTypeIdSchema, StageIdSchema } from '../../api/common';
import { PROJECT_SORT_FIELDS } from '../../api/projects';
import type { ProjectFilter, ProjectSort, ProjectSortField } from '../../api/projects';
import { useSearchContext } from '../../lib/routeSearch';
import { bySchema, param, readSearch, SHARED_PARAMS, sharedSearch } from '../../lib/search';
import type { IgnoredParam, SearchContext, SearchSchema } from '../../lib/search';

export const PAGE_SIZES = [25, 50, 100, 200] as const;
export const DEFAULT_PAGE_SIZE = 50;

const SortSchema = z.string().check(z.regex(new RegExp(`^-?(${PROJECT_SORT_FIELDS.join('|')})$`)));
const PositiveInt = z.coerce.number().check(z.refine(Number.isInteger), z.gte(1), z.lte(1_000_000));
const PageSize = z.coerce.number().check(z.refine((n) => (PAGE_SIZES as readonly number[]).includes(n)));

/** The tracker's own address parameters (the sector is the shared filter). */
export const trackerSearch = {
  stage: param(bySchema(StageIdSchema)),
  level: param(bySchema(LevelIdSchema)),
  type: param(bySchema(ProjectTypeIdSchema)),
  q: param(bySchema(z.string().check(z.maxLength(100)))),
  sort: param<ProjectSort>(bySchema(SortSchema) as (raw: string) => ProjectSort | null),
  page: param(bySchema(PositiveInt), 1),
  pageSize: param(bySchema(PageSize), DEFAULT_PAGE_SIZE),
} satisfies SearchSchema;
export const TRACKER_PARAMS = Object.keys(trackerSearch) as (keyof typeof trackerSearch)[];

export interface TrackerState {
  /** The list query for the API (page and pageSize always set). */
  filter: ProjectFilter & { page: number; pageSize: number };
  /** Values in the address that could not be used. */
  ignored: IgnoredParam[];
}

/** Nothing the tracker's parameters read depends on the API's periods. */
const NO_CONTEXT: SearchContext = { periods: null, defaultPeriod: DEFAULT_PERIOD };

/**
 * Reads the tracker's parameters and the shared sector; an invalid value is dropped and reported,
 * never thrown. The sector is checked against the catalog in `ctx` once /meta has answered (a
 * loader, before it, asks with any well-formed id).
 */
export function parseTrackerSearch(search: URLSearchParams, ctx: SearchContext = NO_CONTEXT): TrackerState {
  const { values, ignored } = readSearch(trackerSearch, search, NO_CONTEXT);
  const { sector } = readSearch({ sector: sharedSearch.sector }, search, ctx).values;
  const filter: TrackerState['filter'] = {
    stage: values.stage ?? undefined,
    sector: sector ?? undefined,
    level: values.level ?? undefined,
    type: values.type ?? undefined,
    q: values.q ?? undefined,
    sort: values.sort ?? undefined,
    page: values.page,
    pageSize: values.pageSize,
  };
  // Drop the keys not in use, so equal filters give equal query keys.
  for (const key of Object.keys(filter) as (keyof ProjectFilter)[]) {
    if (filter[key] === undefined) Reflect.deleteProperty(filter, key);
  }
  return { filter, ignored };
}

export function useTrackerState(): TrackerState {
  const [search] = useSearchParams();
  const ctx = useSearchContext();
  return useMemo(() => parseTrackerSearch(search, ctx), [search, ctx]);
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
  for (const key of [...TRACKER_PARAMS, ...SHARED_PARAMS]) {
    const v = search.get(key);
    if (v !== null && v !== '') kept.set(key, v);
  }
  return kept;
}
