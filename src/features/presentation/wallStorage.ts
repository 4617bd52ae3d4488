import { hashKey } from '@tanstack/react-query';
import type { DehydratedState, Query, QueryKey } from '@tanstack/react-query';
import type { PersistQueryClientOptions, Persister } from '@tanstack/react-query-persist-client';
import * as z from 'zod/mini';
import type { ReadAccess } from '../../api/access';
import { readAccess } from '../../api/client';
import { KpiListSchema, kpiKeys } from '../../api/kpis';
import { MetaSchema, metaKeys } from '../../api/meta';
import { SectorDetailSchema, SectorListSchema, sectorKeys } from '../../api/sectors';
import { shownVersion, startFrom } from '../../api/versions';
import { WallProjectsSchema, wallProjectsKeys } from '../../api/wallProjects';
import { eraseWallData, localStorageOrNull, PERSIST_PREFIX, savedKeys } from './wallSaved';

/** The first part of every wall-screen query key: the screen's own cache entries, apart from the dashboard's. */
export const WALL_KEY = 'presentation';

/** Saved data older than this is not shown: a screen off for a week starts afresh. */
export const PERSIST_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** The API resources the wall screen reads, by query key (after WALL_KEY), each with the schema that parses it. */
const RESOURCES: readonly { key: QueryKey; schema: z.ZodMiniType }[] = [
  { key: metaKeys.all, schema: MetaSchema },
  { key: [...kpiKeys.all, 'list'], schema: KpiListSchema },
  { key: [...sectorKeys.all, 'list'], schema: SectorListSchema },
  { key: [...sectorKeys.all, 'detail'], schema: SectorDetailSchema },
  { key: wallProjectsKeys.all, schema: WallProjectsSchema },
];

function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/**
 * The saved data is only as good as the contract it was parsed with: the buster is a
 * fingerprint of the schemas these queries read, so any change to the contract drops old data
 * instead of feeding a new build a shape it no longer parses.
 */
export const CONTRACT_BUSTER = `v1-${hash(
  JSON.stringify(RESOURCES.map((r) => z.toJSONSchema(r.schema, { unrepresentable: 'any' }))),
)}`;

/** The schema of the resource a wall-screen query key reads, or null for a key the screen never makes. */
function schemaOf(queryKey: readonly unknown[]): z.ZodMiniType | null {
  if (queryKey[0] !== WALL_KEY) return null;
  return RESOURCES.find((r) => r.key.every((part, i) => queryKey[i + 1] === part))?.schema ?? null;
}

/** A wall-screen query holding an answer (the last good one stays through a failed refresh). */
const holdsWallAnswer = (query: Query) => query.queryKey[0] === WALL_KEY && query.state.data !== undefined;

/** `version`: the data version of the answers saved (versions.ts), absent where the API did not say. */
const HeaderSchema = z.object({ buster: z.string(), timestamp: z.number(), version: z.optional(z.string()) });
const AnswerSchema = z.object({
  queryKey: z.array(z.unknown()),
  dataUpdatedAt: z.number(),
  data: z.unknown(),
  version: z.optional(z.string()),
});
type SavedAnswer = z.infer<typeof AnswerSchema>;
type RestoredQuery = DehydratedState['queries'][number];

/**
 * A saved answer as the query it came from, parsed again by the contract (localStorage is
 * anyone's to edit); null if it is unreadable, too old or no longer the contract's shape. It
 * comes back marked invalidated, so the screen shows it and asks the API at once.
 */
function restoredQuery(raw: unknown, now: number, version: string | undefined): RestoredQuery | null {
  const saved = AnswerSchema.safeParse(raw);
  if (!saved.success || saved.data.version !== version) return null;
  const { queryKey, dataUpdatedAt } = saved.data;
  if (now - dataUpdatedAt > PERSIST_MAX_AGE_MS) return null;
  const data = schemaOf(queryKey)?.safeParse(saved.data.data);
  if (!data?.success) return null;
  return {
    queryKey,
    queryHash: hashKey(queryKey),
    dehydratedAt: dataUpdatedAt,
    state: {
      data: data.data,
      dataUpdatedAt,
      dataUpdateCount: 1,
      status: 'success',
      fetchStatus: 'idle',
      isInvalidated: true,
      error: null,
      errorUpdateCount: 0,
      errorUpdatedAt: 0,
      fetchFailureCount: 0,
      fetchFailureReason: null,
      fetchMeta: null,
    },
  };
}

/**
 * Keeps the wall screen's answers in localStorage, one entry per query, so that a screen
 * rebooting during an outage shows its last figures at once. An entry is written only when its
 * query has a new answer (the cache changes on every fetch), and a
 * corrupted entry loses that one query, not the others. Entries of queries gone from the cache
 * are removed with them. The answers are saved with the data version they are of, and restored
 * only as that version: the screen starts from them and switches to a newer version as a whole
 * (api/versions.ts). Figures closed to readers who are not signed in (`access` is `login`)
 * are never kept: the persister erases what it finds instead, and before the API has said
 * which (`null`) it neither writes nor erases.
 */
export function createWallPersister(
  storage: Storage | null = localStorageOrNull(),
  now = Date.now,
  access: () => ReadAccess | null = readAccess,
): Persister {
  /** The answer each saved entry holds, by query hash (its dataUpdatedAt). */
  const saved = new Map<string, number>();
  const entryKey = (queryHash: string) => `${PERSIST_PREFIX}:${queryHash}`;
  const read = (store: Storage, key: string): unknown => {
    try {
      return JSON.parse(store.getItem(key) ?? 'null');
    } catch {
      return null;
    }
  };
  const write = (store: Storage, key: string, value: unknown) => {
    try {
      store.setItem(key, JSON.stringify(value));
    } catch {
      // Storage full: the screen goes on; this answer is simply not there after a reboot.
      store.removeItem(key);
    }
  };
  const removeAll = () => {
    eraseWallData(storage);
    saved.clear();
  };

  return {
    persistClient({ buster, timestamp, clientState }) {
      if (!storage) return;
      const mode = access();
      if (mode === null) return;
      if (mode === 'login') {
        removeAll();
        return;
      }
      let changed = false;
      const present = new Set<string>();
      // Every answer the page holds is of the version it shows: a new version replaces them all at once.
      const version = shownVersion() ?? undefined;
      for (const query of clientState.queries) {
        present.add(query.queryHash);
        if (saved.get(query.queryHash) === query.state.dataUpdatedAt) continue;
        const answer: SavedAnswer = {
          queryKey: [...query.queryKey],
          dataUpdatedAt: query.state.dataUpdatedAt,
          data: query.state.data,
          version,
        };
        write(storage, entryKey(query.queryHash), answer);
        saved.set(query.queryHash, query.state.dataUpdatedAt);
        changed = true;
      }
      for (const queryHash of saved.keys()) {
        if (present.has(queryHash)) continue;
        storage.removeItem(entryKey(queryHash));
        saved.delete(queryHash);
        changed = true;
      }
      if (!changed) return;
      if (saved.size > 0) write(storage, PERSIST_PREFIX, { buster, timestamp, version });
      else storage.removeItem(PERSIST_PREFIX);
    },
    restoreClient() {
      if (!storage) return undefined;
      if (access() === 'login') {
        removeAll();
        return undefined;
      }
      const header = HeaderSchema.safeParse(read(storage, PERSIST_PREFIX));
      if (!header.success) {
        removeAll();
        return undefined;
      }
      // The saved answers are one version's: the page starts from it, unless it has answers of another already.
      const { version } = header.data;
      if (version !== undefined && !startFrom(version)) return undefined;
      const queries: RestoredQuery[] = [];
      for (const key of savedKeys(storage)) {
        if (key === PERSIST_PREFIX) continue;
        const query = restoredQuery(read(storage, key), now(), version);
        if (query && key === entryKey(query.queryHash)) {
          queries.push(query);
          saved.set(query.queryHash, query.state.dataUpdatedAt);
        } else {
          storage.removeItem(key);
        }
      }
      return { ...header.data, clientState: { mutations: [], queries } };
    },
    removeClient: removeAll,
  };
}

/**
 * How the wall screen restores and saves its data: only its own queries, only answers (never a
 * pending request or an error), for a week and under the current contract.
 */
export const wallPersistOptions = (persister: Persister): Omit<PersistQueryClientOptions, 'queryClient'> => ({
  persister,
  maxAge: PERSIST_MAX_AGE_MS,
  buster: CONTRACT_BUSTER,
  dehydrateOptions: { shouldDehydrateQuery: holdsWallAnswer, shouldDehydrateMutation: () => false },
});
