import { queryOptions, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { QueryClient, QueryFunction, QueryKey, QueryMeta, SkipToken, UseQueryResult } from '@tanstack/react-query';
import type * as z from 'zod/mini';
import type { PeriodId, SectorId } from '../../api/common';
import { kpiListOptions } from '../../api/kpis';
import type { KpiListSchema } from '../../api/kpis';
import { metaOptions } from '../../api/meta';
import type { Meta } from '../../api/meta';
import { sectorDetailOptions, sectorListOptions } from '../../api/sectors';
import type { SectorDetail, SectorFigure, SectorList } from '../../api/sectors';
import { wallProjectsOptions } from '../../api/wallProjects';
import type { WallProjects } from '../../api/wallProjects';
import { nearestPeriod } from '../../domain/periods';
import { listHasFigures } from '../../domain/sectorFigures';
import { sectorColors } from '../../lib/sectorColors';
import type { SectorColorOf } from '../../lib/sectorColors';
import { WALL_KEY } from './wallStorage';

interface BaseOptions<T, K extends QueryKey> {
  queryKey: K;
  queryFn?: QueryFunction<T, K> | SkipToken;
  meta?: QueryMeta;
}

/**
 * The wall screen's copy of an API query: its own cache entry (so the dashboard's queries are
 * neither saved nor refetched on this schedule), refreshed every `refreshMs` even in a
 * background tab. Its answers are saved and restored by wallStorage.ts.
 */
function live<T, K extends QueryKey>(base: BaseOptions<T, K>, refreshMs: number, client?: QueryClient) {
  const { queryKey, queryFn, meta } = base;
  // The API's query function, called with the API's own key (every resource the screen reads has one).
  const ask: QueryFunction<T> = (context) =>
    typeof queryFn === 'function'
      ? queryFn({ ...context, queryKey })
      : Promise.reject(new Error(`No query function for ${JSON.stringify(queryKey)}`));
  return queryOptions<T, Error, T>({
    queryKey: [WALL_KEY, ...queryKey],
    // Starts from the dashboard's copy when the app has one (the page table prefetches the first
    // slide's figures while the wall screen's code loads); the schedule refreshes it from there.
    initialData: client ? () => client.getQueryData<T>(queryKey) : undefined,
    initialDataUpdatedAt: client ? () => client.getQueryState(queryKey)?.dataUpdatedAt : undefined,
    queryFn: ask,
    // What makes it a query of figures, which a new data version replaces with the page's others.
    meta,
    refetchInterval: refreshMs,
    refetchIntervalInBackground: true,
    staleTime: refreshMs,
    gcTime: Math.max(refreshMs * 2, 10 * 60 * 1000),
  });
}

/** The period of actual figures nearest to `period`, to fill a slide the period leaves empty. */
export function fallbackPeriod(meta: Meta | undefined, period: PeriodId): PeriodId | null {
  return nearestPeriod(period, meta?.periods.filter((p) => p.kind === 'actual').map((p) => p.id) ?? []);
}

export interface WallData {
  meta: UseQueryResult<Meta>;
  kpis: UseQueryResult<z.infer<typeof KpiListSchema>>;
  /** The project list's totals by stage and the projects the report names (wallProjects.ts). */
  projects: UseQueryResult<WallProjects>;
  /** Sector figures for `sectorPeriod`: the chosen period, or the latest with figures if it has none. */
  sectors: UseQueryResult<SectorList>;
  sectorPeriod: PeriodId;
  sectorDetails: Map<SectorId, UseQueryResult<SectorDetail>>;
  /** Sectors to give a slide each, in the API's order. */
  sectorIds: SectorId[];
  sectorLabel: (id: SectorId) => SectorFigure['label'] | null;
  /** Each sector's colour, from the screen's own /meta: saved with its answers, so an outage keeps them. */
  sectorColor: SectorColorOf;
  all: UseQueryResult[];
}

/** Every query the wall screen shows, mounted for as long as the screen runs. */
export function useWallData({
  period,
  sector: asked,
  refreshMs,
  perSector,
}: {
  period: PeriodId;
  sector: SectorId | null;
  refreshMs: number;
  perSector: boolean;
}): WallData {
  const client = useQueryClient();
  const meta = useQuery(live(metaOptions(), refreshMs, client));
  const metaSectors = meta.data?.sectors;
  // A sector the catalog does not have filters nothing: the screen shows the whole district.
  const sector = asked !== null && metaSectors && !metaSectors.some((s) => s.id === asked) ? null : asked;
  const kpis = useQuery(live(kpiListOptions({ period, sector }), refreshMs, client));
  // The projects are for later slides: asked for once the headline figures have their answer, so
  // they do not hold up the first slide's paint on a slow PC.
  const projects = useQuery({ ...live(wallProjectsOptions(sector), refreshMs), enabled: !kpis.isPending });
  const chosen = useQuery(live(sectorListOptions(period), refreshMs));
  const fallback = fallbackPeriod(meta.data, period);
  const useFallback = chosen.data !== undefined && !listHasFigures(chosen.data.items) && fallback !== null;
  const other = useQuery({
    ...live(sectorListOptions(fallback ?? period), refreshMs),
    enabled: useFallback,
  });
  const sectorPeriod = useFallback && other.data !== undefined ? fallback : period;
  const sectors = sectorPeriod === period ? chosen : other;

  const sectorIds = useMemo<SectorId[]>(() => metaSectors?.map((s) => s.id) ?? [], [metaSectors]);
  const sectorColor = useMemo(() => sectorColors(metaSectors ?? []), [metaSectors]);
  const details = useQueries({
    queries: (perSector ? sectorIds : []).map((id) => live(sectorDetailOptions(id, sectorPeriod), refreshMs)),
  });
  const sectorDetails = new Map<SectorId, UseQueryResult<SectorDetail>>();
  if (perSector) sectorIds.forEach((id, i) => details[i] && sectorDetails.set(id, details[i]));

  const sectorLabel = (id: SectorId) =>
    meta.data?.sectors.find((s) => s.id === id)?.label ?? sectors.data?.items.find((s) => s.id === id)?.label ?? null;

  const all: UseQueryResult[] = [meta, kpis, projects, chosen];
  if (useFallback) all.push(other);
  for (const d of details) all.push(d);
  return { meta, kpis, projects, sectors, sectorPeriod, sectorDetails, sectorIds, sectorLabel, sectorColor, all };
}

export interface Staleness {
  /** Some data could not be refreshed: the time the oldest shown data was fetched, or null if never. */
  stale: boolean;
  since: number | null;
}

/** Whether the screen shows data it could not refresh, and since when. */
export function staleness(queries: readonly UseQueryResult[]): Staleness {
  let since: number | null = null;
  let stale = false;
  for (const q of queries) {
    if (!q.isError) continue;
    stale = true;
    if (q.data !== undefined && q.dataUpdatedAt > 0)
      since = since === null ? q.dataUpdatedAt : Math.min(since, q.dataUpdatedAt);
  }
  return { stale, since };
}
