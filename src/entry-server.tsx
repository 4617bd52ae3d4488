/**
 * The app rendered on the server: the first screen of an address with its figures, the query
 * cache it was rendered from (dehydrated, for the browser to hydrate, so its first render asks
 * for nothing) and the data version those figures are of. The same route table, components and
 * query options as the browser; the data comes from `fetch`, which the data service points at
 * itself. Built by Vite into the SSR bundle (vite.config.ts) and loaded by server/render/.
 */
import { dehydrate } from '@tanstack/react-query';
import type { DehydratedState, Query, QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import type { ComponentType } from 'react';
import { prerender } from 'react-dom/static';
import { StaticRouter } from 'react-router';
import { apiConfig } from './api/client';
import { metaKeys } from './api/meta';
import type { Meta } from './api/meta';
import { createQueryClient } from './api/queryClient';
import { App } from './app/App';
import { AppRoutes, loadRoute } from './app/routes';
import { DEFAULT_LOCALE } from './lib/i18n';
import { readPrefs } from './lib/search';

/** A page's first screen as the server renders it. */
export interface RenderedPage {
  /** What goes inside #root. */
  html: string;
  /** The queries the page was rendered from, for `hydrate` in the browser. */
  state: DehydratedState;
  /** The data version of every figure in it (the API's X-Data-Version). */
  version: string | null;
  /** `<html lang>` and `data-theme` as the address asks (the theme: null, the system's). */
  lang: string;
  theme: string | null;
  /** The page's module as the build's manifest names it (its chunk and CSS), null for none. */
  page: string | null;
  /** Queries that failed (an unknown project, say): the page is better rendered by the browser. */
  failed: number;
}

/** Every page's module by its path, to name the chunk of the page an address renders. */
const pageModules = import.meta.glob<ComponentType>('./features/*/*Page.tsx', { import: 'default' });
let modulePaths: Promise<Map<ComponentType, string>> | null = null;
const modulePath = async (page: ComponentType) => {
  modulePaths ??= Promise.all(
    Object.entries(pageModules).map(async ([path, load]) => [await load(), `src/${path.slice(2)}`] as const),
  ).then((entries) => new Map(entries));
  return (await modulePaths).get(page) ?? null;
};

/** Renders the components that ask for data one round trip after another, at most this many times. */
const MAX_PASSES = 4;

const silent = () => undefined;

function wantsData(query: Query): boolean {
  if (query.state.status !== 'pending' || query.state.fetchStatus !== 'idle') return false;
  const { enabled } = query.options as { enabled?: boolean | ((q: Query) => boolean) };
  return typeof enabled === 'function' ? enabled(query) : enabled !== false;
}

async function renderToString(client: QueryClient, url: URL, signal: AbortSignal): Promise<string> {
  const failures: Error[] = [];
  const { prelude } = await prerender(
    <StrictMode>
      <App queryClient={client}>
        <StaticRouter location={`${url.pathname}${url.search}`}>
          <AppRoutes />
        </StaticRouter>
      </App>
    </StrictMode>,
    {
      signal,
      // Every boundary inline: no script moves content into place (the page's CSP allows none).
      progressiveChunkSize: Number.POSITIVE_INFINITY,
      onError: (error) => {
        failures.push(error instanceof Error ? error : new Error('the render failed', { cause: error }));
      },
    },
  );
  const html = await new Response(prelude).text();
  if (signal.aborted) throw signal.reason;
  if (failures[0]) throw failures[0];
  return html;
}

/**
 * The first screen of `url`. The route's loaders run first; then each render's queries that
 * have no answer yet (a page asking for what no loader does) are fetched and the page rendered
 * again, until a render asks for nothing new. `fetch` answers the API's requests.
 */
export async function render(url: URL, fetch: typeof globalThis.fetch, signal: AbortSignal): Promise<RenderedPage> {
  apiConfig.fetch = fetch;
  const client = createQueryClient({ retry: false, report: silent });
  const page = await loadRoute(client, url);
  const cache = client.getQueryCache();
  let html = '';
  for (let pass = 1; ; pass++) {
    html = await renderToString(client, url, signal);
    const waiting = cache.findAll({ predicate: wantsData });
    if (waiting.length === 0 || pass === MAX_PASSES) break;
    await Promise.all(waiting.map((query) => query.fetch().catch(silent)));
  }
  const prefs = readPrefs(url.searchParams);
  const meta = client.getQueryData<Meta>(metaKeys.all);
  const state = dehydrate(client);
  for (const query of state.queries) delete query.meta;
  return {
    html,
    state,
    version: meta ? String(meta.dataVersion.id) : null,
    lang: prefs.lang ?? DEFAULT_LOCALE,
    theme: prefs.theme,
    page: page ? await modulePath(page) : null,
    failed: cache.findAll({ predicate: (query) => query.state.status === 'error' }).length,
  };
}
