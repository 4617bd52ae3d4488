import { queryOptions, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type {
  Query,
  QueryClient,
  QueryFunction,
  QueryFunctionContext,
  QueryKey,
  QueryPersister,
  SkipToken,
  UseQueryResult,
} from '@tanstack/react-query';
import { experimental_createQueryPersister } from '@tanstack/react-query-persist-client';
import * as z from 'zod/mini';
import { SECTOR_IDS } from '../../api/common';
import type { PeriodId, SectorId } from '../../api/common';
import { KpiListSchema, kpiListOptions } from '../../api/kpis';
import { MetaSchema, metaOptions } from '../../api/meta';
import type { Meta } from '../../api/meta';
import { MAX_PAGE_SIZE, ProjectPageSchema, projectListOptions } from '../../api/projects';
import { SectorDetailSchema, SectorListSchema, sectorDetailOptions, sectorListOptions } from '../../api/sectors';
import type { SectorDetail, SectorFigure, SectorList } from '../../api/sectors';
import { nearestPeriod } from '../../domain/periods';
import { listHasFigures } from '../../domain/sectorFigures';

/** Persisted data older than this is not shown: a screen off for a week starts afresh. */
export const PERSIST_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
export const PERSIST_PREFIX = 'beibei.present';

function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/**
 * The persisted data is only as good as the contract it was parsed with: the buster is a
 * fingerprint of the schemas these queries read, so any change to the contract drops old data
 * instead of feeding a new build a shape it no longer parses.
 */
export const CONTRACT_BUSTER = `v1-${hash(
  JSON.stringify(
    [MetaSchema, KpiListSchema, SectorListSchema, SectorDetailSchema, ProjectPageSchema].map((s) =>
      z.toJSONSchema(s, { unrepresentable: 'any' }),
    ),
  ),
)}`;

const storage = (() => {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
})();

/** Only this mode's queries use it: the last good answer of each, kept in localStorage. */
export const presentationPersister = experimental_createQueryPersister({
  storage,
  maxAge: PERSIST_MAX_AGE_MS,
  buster: CONTRACT_BUSTER,
  prefix: PERSIST_PREFIX,
  // The persister's own refetch after a restore leaves its failure unhandled; persisterFn below does it instead.
  refetchOnRestore: false,
});

type PersisterFn = (
  queryFn: (context: QueryFunctionContext) => unknown,
  context: QueryFunctionContext,
  query: Query,
) => Promise<unknown>;

/**
 * Restores a query's saved data when the page starts, then asks the API at once whether it
 * still holds (a screen rebooting during an outage shows the saved figures with the stale badge
 * straight away); every answer the API gives is saved again.
 */
const persisterFn: PersisterFn = async (queryFn, context, query) => {
  const call = { asked: false };
  const data = await (presentationPersister.persisterFn as unknown as PersisterFn)(
    (c) => {
      call.asked = true;
      return queryFn(c);
    },
    context,
    query,
  );
  if (!call.asked) {
    // After the persister has put back the saved timestamp (it does so in a macrotask).
    setTimeout(() => void query.fetch().catch(() => undefined), 0);
  }
  return data;
};

interface BaseOptions<T, K extends QueryKey> {
  queryKey: K;
  queryFn?: QueryFunction<T, K> | SkipToken;
}

/**
 * The wall screen's copy of an API query: its own cache entry (so the dashboard's queries are
 * neither persisted nor refetched on this schedule), refreshed every `refreshMs` even in a
 * background tab, and restored from storage after a reboot.
 */
function live<T, K extends QueryKey>(base: BaseOptions<T, K>, refreshMs: number, client?: QueryClient) {
  return queryOptions<T, Error, T>({
    queryKey: ['presentation', ...base.queryKey],
    // Starts from the dashboard's copy when the app has one (the page table prefetches the first
    // slide's figures while the wall screen's code loads); the schedule refreshes it from there.
    initialData: client ? () => client.getQueryData<T>(base.queryKey) : undefined,
    initialDataUpdatedAt: client ? () => client.getQueryState(base.queryKey)?.dataUpdatedAt : undefined,
    // The API's query functions read only the abort signal, never the key.
    queryFn: base.queryFn as unknown as QueryFunction<T>,
    refetchInterval: refreshMs,
    refetchIntervalInBackground: true,
    staleTime: refreshMs,
    gcTime: Math.max(refreshMs * 2, 10 * 60 * 1000),
    persister: persisterFn as unknown as QueryPersister<T>,
  });
}

/** The period of actual figures nearest to `period`, to fill a slide the period leaves empty. */
export function fallbackPeriod(meta: Meta | undefined, period: PeriodId): PeriodId | null {
  return nearestPeriod(period, meta?.periods.filter((p) => p.kind === 'actual').map((p) => p.id) ?? []);
}

export interface WallData {
  meta: UseQueryResult<Meta>;
  kpis: UseQueryResult<z.infer<typeof KpiListSchema>>;
  projects: UseQueryResult<z.infer<typeof ProjectPageSchema>>;
  /** Sector figures for `sectorPeriod`: the chosen period, or the latest with figures if it has none. */
  sectors: UseQueryResult<SectorList>;
  sectorPeriod: PeriodId;
  sectorDetails: Map<SectorId, UseQueryResult<SectorDetail>>;
  /** Sectors to give a slide each, in the API's order. */
  sectorIds: SectorId[];
  sectorLabel: (id: SectorId) => SectorFigure['label'] | null;
  all: UseQueryResult[];
}

/** Every query the wall screen shows, mounted for as long as the screen runs. */
export function useWallData({
  period,
  sector,
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
  const kpis = useQuery(live(kpiListOptions({ period, sector }), refreshMs, client));
  // The project list (up to 500 projects to parse) is for later slides: asked for once the headline
  // figures have their answer, so it does not hold up the first slide's paint on a slow PC.
  const projects = useQuery({
    ...live(projectListOptions({ sector: sector ?? undefined, sort: 'stage', pageSize: MAX_PAGE_SIZE }), refreshMs),
    enabled: !kpis.isPending,
  });
  const chosen = useQuery(live(sectorListOptions(period), refreshMs));
  const fallback = fallbackPeriod(meta.data, period);
  const useFallback = chosen.data !== undefined && !listHasFigures(chosen.data.items) && fallback !== null;
  const other = useQuery({
    ...live(sectorListOptions(fallback ?? period), refreshMs),
    enabled: useFallback,
  });
  const sectorPeriod = useFallback && other.data !== undefined ? fallback : period;
  const sectors = sectorPeriod === period ? chosen : other;

  const metaSectors = meta.data?.sectors;
  const sectorIds = useMemo<SectorId[]>(() => metaSectors?.map((s) => s.id) ?? [...SECTOR_IDS], [metaSectors]);
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
  return { meta, kpis, projects, sectors, sectorPeriod, sectorDetails, sectorIds, sectorLabel, all };
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
