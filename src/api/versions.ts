/**
 * A page shows one published data version at a time, and follows a new one as a whole.
 *
 * Every answer of the API names the version it is from (`X-Data-Version`). The page pins the
 * version of its first answer and accepts only answers of it. When an answer, or the poll of
 * `/meta` every 30 s, names another version (a publish, or a rollback, which publishes old
 * content as a new version: versions are compared by identity, never by order), the page
 * switches: every figure it shows is asked for again, beside the cache, while the page goes on
 * showing the pinned version; once all have come, they are written into the cache in one batch,
 * so one render moves every figure on the page at once. The old version's answers that nothing
 * shows are dropped then, so none is shown later beside the new one; an answer asked for under
 * the old version and arriving after the switch is asked for again. The cache so holds one
 * version at any time, and each answer is checked against it.
 */
import { notifyManager } from '@tanstack/react-query';
import type { Query, QueryClient, QueryFunction, QueryKey } from '@tanstack/react-query';
import type * as z from 'zod/mini';
import { apiAnswer, ApiError } from './client';
import type { Answer, QueryParams } from './client';
import { MAX_RETRIES, retryDelay } from './queryClient';

/** How often an open page asks whether a new version was published. */
export const VERSION_POLL_MS = 30_000;

/** Asks the API for one resource, saying which version the answer is from. */
export type Ask<T> = (signal: AbortSignal) => Promise<Answer<T>>;

/** The page moved from one version to another (from null: the first one it was shown). */
export interface VersionChange {
  from: string | null;
  to: string;
}

interface Switch {
  to: string;
  done: Promise<void>;
}

interface Follower {
  pinned: string | null;
  switching: Switch | null;
  listeners: Set<(change: VersionChange) => void>;
}

const followers = new WeakMap<QueryClient, Follower>();

function followerOf(client: QueryClient): Follower {
  let follower = followers.get(client);
  if (!follower) {
    follower = { pinned: null, switching: null, listeners: new Set() };
    followers.set(client, follower);
  }
  return follower;
}

/** The figure queries carry their `ask` in their meta; the other queries (the admin area's) are not versioned. */
const ASK = 'ask';

function askOf(query: Query): Ask<unknown> | null {
  const ask = query.options.meta?.[ASK];
  return typeof ask === 'function' ? (ask as Ask<unknown>) : null;
}

/**
 * The options of a query of figures: its query function accepts only answers of the version the
 * page shows, and holds an answer of a newer one until the page has switched to it.
 */
export function figureQuery<T, K extends QueryKey>(queryKey: K, ask: Ask<T>) {
  const queryFn: QueryFunction<T, K> = async ({ client, signal }) => {
    const follower = followerOf(client);
    for (;;) {
      const askedUnder = follower.pinned;
      const { data, version } = await ask(signal);
      if (version === null || version === follower.pinned) return data;
      if (follower.pinned === null) {
        follower.pinned = version;
        return data;
      }
      // Another version than the page shows: a newer one if the page has not moved meanwhile
      // (then it is held until the page has switched to it), else an old one, asked for again.
      if (askedUnder === follower.pinned) await settled(switchTo(client, version), signal);
      if (follower.pinned === version) return data;
    }
  };
  return { queryKey, queryFn, meta: { [ASK]: ask } };
}

/** A figure query of one resource of the API (`path`, with `params`), parsed with its contract `schema`. */
export const figureAnswer = <S extends z.ZodMiniType, K extends QueryKey>(
  queryKey: K,
  path: string,
  schema: S,
  params?: QueryParams,
) => figureQuery(queryKey, (signal) => apiAnswer(path, schema, { params, signal }));

/** `promise`, or the abort of `signal` (rejecting with its reason), whichever comes first. */
function settled(promise: Promise<void>, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** An answer of the version switched to came back of yet another one. */
class MovedOn extends Error {
  readonly version: string;
  constructor(version: string) {
    super(`the API moved on to data version ${version}`);
    this.version = version;
  }
}

const pause = (ms: number, signal: AbortSignal) => settled(new Promise((resolve) => setTimeout(resolve, ms)), signal);

/** `ask`, tried again after a failure worth trying again (as a query would be). */
async function askWithRetries(ask: Ask<unknown>, signal: AbortSignal): Promise<Answer<unknown>> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await ask(signal);
    } catch (error) {
      const again = error instanceof ApiError && error.isRetryable && attempt < MAX_RETRIES && !signal.aborted;
      if (!again) throw error;
      await pause(retryDelay(attempt, error), signal);
    }
  }
}

/** The figure queries a page shows: observed, and holding an answer or asking for one. */
const onScreen = (query: Query) =>
  askOf(query) !== null &&
  query.getObserversCount() > 0 &&
  (query.state.data !== undefined || query.state.fetchStatus === 'fetching');

/** Starts the switch to `version` (or joins the one under way); settles when it is done or has failed. */
function switchTo(client: QueryClient, version: string): Promise<void> {
  const follower = followerOf(client);
  if (follower.switching?.to === version) return follower.switching.done;
  const switching: Switch = { to: version, done: Promise.resolve() };
  follower.switching = switching;
  switching.done = runSwitch(client, follower, switching).finally(() => {
    if (follower.switching === switching) follower.switching = null;
  });
  return switching.done;
}

type Outcome = { data: unknown } | { error: ApiError };

async function runSwitch(client: QueryClient, follower: Follower, switching: Switch): Promise<void> {
  const cache = client.getQueryCache();
  const outcomes = new Map<Query, Outcome>();
  const controller = new AbortController();
  const superseded = () => follower.switching !== switching;
  try {
    // Until every query on screen has its answer: pages may mount new ones meanwhile.
    for (;;) {
      if (superseded()) return;
      const missing = cache.findAll({ predicate: (q) => onScreen(q) && !outcomes.has(q) });
      if (missing.length === 0) break;
      await Promise.all(
        missing.map(async (query) => {
          const ask = askOf(query);
          if (!ask) return;
          try {
            const { data, version } = await askWithRetries(ask, controller.signal);
            if (version !== null && version !== switching.to) throw new MovedOn(version);
            outcomes.set(query, { data });
          } catch (error) {
            // The new version's answer may be a refusal (a period it no longer has): shown as such.
            // A query with nothing shown yet takes any failure; one showing figures holds the switch.
            const refusal = error instanceof ApiError && (!error.isRetryable || query.state.data === undefined);
            if (!refusal) throw error;
            outcomes.set(query, { error });
          }
        }),
      );
    }
  } catch (error) {
    controller.abort();
    if (superseded()) return;
    if (error instanceof MovedOn) {
      follower.switching = null;
      return switchTo(client, error.version);
    }
    throw error;
  }
  if (superseded()) return;
  flip(client, follower, switching.to, outcomes);
}

/** Moves the page to `version` in one batch: every figure on screen, the old ones dropped, the listeners told. */
function flip(client: QueryClient, follower: Follower, version: string, outcomes: Map<Query, Outcome>) {
  const cache = client.getQueryCache();
  const from = follower.pinned;
  const now = Date.now();
  const left = new Set<Query>();
  notifyManager.batch(() => {
    follower.pinned = version;
    for (const [query, outcome] of outcomes) {
      if (cache.get(query.queryHash) !== query) continue;
      if ('data' in outcome) {
        client.setQueryData(query.queryKey, outcome.data, { updatedAt: now });
      } else {
        const { error } = outcome;
        query.setState({ data: undefined, dataUpdatedAt: 0, status: 'error', error, errorUpdatedAt: now });
      }
    }
    for (const query of cache.findAll({ predicate: (q) => askOf(q) !== null && !outcomes.has(q) })) {
      if (query.getObserversCount() === 0 && query.state.fetchStatus === 'idle') cache.remove(query);
      else left.add(query);
    }
    if (from !== version) notifyManager.schedule(() => follower.listeners.forEach((l) => l({ from, to: version })));
  });
  // Those left (a failure shown, an answer on its way) ask the new version.
  void client.invalidateQueries({ predicate: (q) => left.has(q) });
}

/** The follower of the page's own client (the one following versions); tests render one app after another. */
let page: Follower | null = null;

/**
 * Follows the published version for the page of `client`: asks for it (`askVersion`, /meta)
 * every `pollMs`, in a background tab too and at once when the tab is shown again, and tells
 * `onChange` when the page has moved to another version. Returns the function that stops it.
 */
export function followVersions(
  client: QueryClient,
  askVersion: Ask<{ dataVersion: { id: number } }>,
  onChange: (change: VersionChange) => void,
  pollMs = VERSION_POLL_MS,
): () => void {
  const follower = followerOf(client);
  page = follower;
  follower.listeners.add(onChange);
  const stopped = new AbortController();
  const poll = async () => {
    const askedUnder = follower.pinned;
    const { data, version } = await askVersion(stopped.signal);
    const current = version ?? String(data.dataVersion.id);
    if (askedUnder !== follower.pinned || current === follower.pinned) return;
    if (follower.pinned === null) follower.pinned = current;
    else await switchTo(client, current);
  };
  // A failed poll or switch is tried again at the next poll; the page meanwhile shows what it has.
  const tick = () => void poll().catch(() => undefined);
  const timer = setInterval(tick, pollMs);
  const onShown = () => {
    if (document.visibilityState === 'visible') tick();
  };
  document.addEventListener('visibilitychange', onShown);
  return () => {
    clearInterval(timer);
    stopped.abort();
    document.removeEventListener('visibilitychange', onShown);
    follower.listeners.delete(onChange);
    if (page === follower) page = null;
  };
}

/**
 * The page of `client` shows `version` (what it was rendered with on the server) until it follows
 * another: set before its first render, so no answer can come back before it.
 */
export function pin(client: QueryClient, version: string): void {
  followerOf(client).pinned ??= version;
}

/** The version the page shows (null before its first answer, or from an API that does not say). */
export const shownVersion = (): string | null => page?.pinned ?? null;

/**
 * Answers kept from an earlier visit are of `version`: the page starts from it when it has no
 * answer yet (a newer version is then switched to as a whole). False when the page already shows
 * another version: the kept answers are not for it.
 */
export function startFrom(version: string): boolean {
  if (!page) return true;
  page.pinned ??= version;
  return page.pinned === version;
}
