/**
 * Moving a page to another data version as a whole (see ./versions): every figure it shows asked
 * for again beside the cache, then written in one batch. Loaded with the first switch.
 */
import { notifyManager } from '@tanstack/react-query';
import type { Query, QueryClient } from '@tanstack/react-query';
import { ApiError } from './client';
import type { Answer } from './client';
import { MAX_RETRIES, retryDelay } from './queryClient';
import { askOf, followerOf, settled } from './versions';
import type { Ask, Follower, Switch } from './versions';

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
export function switchTo(client: QueryClient, version: string): Promise<void> {
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
