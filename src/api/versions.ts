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
import type { Query, QueryClient, QueryFunction, QueryKey } from '@tanstack/react-query';
import type * as z from 'zod/mini';
import { apiAnswer } from './client';
import type { Answer, QueryParams } from './client';

/** How often an open page asks whether a new version was published. */
export const VERSION_POLL_MS = 30_000;

/** Asks the API for one resource, saying which version the answer is from. */
export type Ask<T> = (signal: AbortSignal) => Promise<Answer<T>>;

/** The page moved from one version to another (from null: the first one it was shown). */
export interface VersionChange {
  from: string | null;
  to: string;
}

export interface Switch {
  to: string;
  done: Promise<void>;
}

export interface Follower {
  pinned: string | null;
  switching: Switch | null;
  listeners: Set<(change: VersionChange) => void>;
}

const followers = new WeakMap<QueryClient, Follower>();

export function followerOf(client: QueryClient): Follower {
  let follower = followers.get(client);
  if (!follower) {
    follower = { pinned: null, switching: null, listeners: new Set() };
    followers.set(client, follower);
  }
  return follower;
}

/** The figure queries carry their `ask` in their meta; the other queries (the admin area's) are not versioned. */
const ASK = 'ask';

export function askOf(query: Query): Ask<unknown> | null {
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
export function settled(promise: Promise<void>, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Starts the switch to `version` (or joins the one under way); settles when it is done or has
 * failed. Its code (./versionSwitch) comes with the first switch: most pages never see one.
 */
function switchTo(client: QueryClient, version: string): Promise<void> {
  return import('./versionSwitch').then((m) => m.switchTo(client, version));
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
