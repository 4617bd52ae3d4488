import type { QueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import type { ComponentType } from 'react';
import { matchRoutes, Outlet, useRoutes } from 'react-router';
import type { RouteObject } from 'react-router';
import { kpiListOptions } from '../api/kpis';
import { metaOptions } from '../api/meta';
import { readSearch, searchContextOf, sharedSearch } from '../lib/search';
import { AppLayout } from './AppLayout';
import { lazyPage } from './lazyPage';
import type { LazyPage } from './lazyPage';
import { NotFoundPage } from './NotFoundPage';
import { PageFallback } from './PageFallback';
import { RootLayout } from './RootLayout';

/**
 * Warms the query cache with what a route shows first, for the address `url`. It may reject: the
 * caller decides what a failure means (before the first render it means nothing, as the page's own
 * query reports it). It reads nothing but its arguments, so a server can call it too.
 */
export type RouteLoader = (queryClient: QueryClient, url: URL) => Promise<unknown>;

/** One entry of the route table: a layout (with children) or a page, and what it loads. */
export interface RouteEntry {
  /** Names the entry (as React Router's route id). */
  id: string;
  /** The path below the parent's; a layout without one wraps its children's paths. */
  path?: string;
  /** The parent's own address. */
  index?: true;
  /** A layout, or a page that is part of the app's own code. */
  Component?: ComponentType;
  /** A page in a chunk of its own, loaded with the address's first data before React renders it. */
  page?: LazyPage;
  loader?: RouteLoader;
  children?: RouteEntry[];
}

/**
 * The shared filters in the address, read as the page reads them: against /meta's periods,
 * sectors and default period (the report's half-year is not every dataset's; a guess would be
 * refused and leave a server-rendered page to the browser). /meta comes from the cache when the
 * page came with it, and is asked for first by every page anyway.
 */
const filtersOf = (client: QueryClient, url: URL) =>
  client.query(metaOptions()).then((meta) => readSearch(sharedSearch, url.searchParams, searchContextOf(meta)).values);

/** The headline figures for the filters in the address: the overview's, and the wall screen's first slide. */
const loadKpis: RouteLoader = (client, url) =>
  filtersOf(client, url).then(({ period, sector }) => client.query(kpiListOptions({ period, sector })));

/** The sector pages' contract, imported when one is opened: the other pages' first load does without it. */
const sectorContract = () => import('../api/sectors');

/**
 * Without a period in the address a sector page may move to the nearest period that has figures
 * (the default one may have none): the other periods' sector lists are asked for at once, not
 * after the first answer has come back empty.
 */
const loadOtherPeriods: RouteLoader = (client, url) =>
  url.searchParams.has('period')
    ? Promise.resolve()
    : Promise.all([client.query(metaOptions()), sectorContract()]).then(([meta, { sectorListOptions }]) =>
        Promise.all(meta.periods.map((p) => client.query(sectorListOptions(p.id)))),
      );

/** The wall screen: no header, and its own fallback while its code loads. */
function BareLayout() {
  return (
    <Suspense fallback={<PageFallback />}>
      <Outlet />
    </Suspense>
  );
}

/**
 * The route table: React Router's routes, the pages' code and their first data all come from it.
 * Each page is its own chunk: the overview does not pay for the tracker or the charts.
 */
export const routes: RouteEntry[] = [
  {
    id: 'root',
    Component: RootLayout,
    // Every page shows the figures' date and periods; asked for before anything else.
    loader: (client) => client.query(metaOptions()),
    children: [
      {
        id: 'app',
        Component: AppLayout,
        children: [
          {
            id: 'overview',
            index: true,
            page: lazyPage(() => import('../features/kpis/OverviewPage')),
            loader: loadKpis,
          },
          {
            id: 'sectors',
            path: 'sectors',
            page: lazyPage(() => import('../features/sectors/SectorsPage')),
            loader: (client, url) =>
              Promise.all([
                Promise.all([sectorContract(), filtersOf(client, url)]).then(([{ sectorListOptions }, { period }]) =>
                  client.query(sectorListOptions(period)),
                ),
                loadOtherPeriods(client, url),
              ]),
          },
          {
            id: 'sectorDetail',
            path: 'sectors/:sectorId',
            page: lazyPage(() => import('../features/sectors/SectorDetailPage')),
            loader: loadOtherPeriods,
          },
          {
            id: 'indicator',
            path: 'indicators/:indicatorId',
            page: lazyPage(() => import('../features/indicators/IndicatorPage')),
            loader: (client, url) =>
              import('../features/indicators/load').then(({ loadIndicator }) => loadIndicator(client, url)),
          },
          {
            id: 'projects',
            path: 'projects',
            page: lazyPage(() => import('../features/projects/ProjectsPage')),
            // Imported here, not at the top: the tracker's address model stays out of the other pages' code.
            loader: (client, url) =>
              Promise.all([import('../features/projects/params'), import('../api/projects')]).then(
                ([{ parseTrackerSearch }, { projectListOptions }]) =>
                  client.query(projectListOptions(parseTrackerSearch(url.searchParams).filter)),
              ),
          },
          {
            id: 'projectDetail',
            path: 'projects/:projectId',
            page: lazyPage(() => import('../features/projects/ProjectDetailPage')),
            loader: (client, url) =>
              import('../features/projects/load').then(({ loadProjectDetail }) => loadProjectDetail(client, url)),
          },
          {
            id: 'briefing',
            path: 'briefing',
            page: lazyPage(() => import('../features/briefing/BriefingPage')),
            loader: (client, url) =>
              import('../features/briefing/load').then(({ loadBriefing }) => loadBriefing(client, url)),
          },
          {
            id: 'changes',
            path: 'changes',
            page: lazyPage(() => import('../features/changes/ChangesPage')),
            loader: (client, url) =>
              import('../features/changes/load').then(({ loadChanges }) => loadChanges(client, url)),
          },
          {
            id: 'admin',
            path: 'admin',
            page: lazyPage(() => import('../features/admin/AdminPage')),
            // Imported here, not at the top: the admin contract stays out of every other page's code.
            loader: (client) => import('../api/admin').then(({ sessionOptions }) => client.query(sessionOptions())),
          },
          { id: 'notFound', path: '*', Component: NotFoundPage },
        ],
      },
      {
        id: 'bare',
        Component: BareLayout,
        children: [
          {
            id: 'presentation',
            path: 'present',
            page: lazyPage(() => import('../features/presentation/PresentationPage')),
            // The first slide's figures; the wall screen starts from them (see its live queries).
            loader: loadKpis,
          },
        ],
      },
    ],
  },
];

/** The table's entry behind each of React Router's routes. */
const entryOf = new Map<RouteObject, RouteEntry>();

function toRouteObject(entry: RouteEntry): RouteObject {
  const common = { id: entry.id, Component: entry.page?.Component ?? entry.Component };
  const route: RouteObject = entry.index
    ? { ...common, index: true }
    : { ...common, path: entry.path, children: entry.children?.map(toRouteObject) };
  entryOf.set(route, entry);
  return route;
}

const routeObjects = routes.map(toRouteObject);

/**
 * The app's routes, from the table. Declarative routes (not the data router): the app loads its
 * data with TanStack Query, and `createBrowserRouter` would add 16 KB gzip to the first load of
 * every page for loaders that `preloadRoute` runs as well.
 */
export function AppRoutes() {
  return useRoutes(routeObjects);
}

/** The table's entries an address matches, outermost first. */
const matchedEntries = (url: URL) =>
  (matchRoutes(routeObjects, url.pathname) ?? []).flatMap((m) => entryOf.get(m.route) ?? []);

/** A failed prefetch is not reported here: the page's own query shows it, with a retry. */
const ignore = () => undefined;

/** The page in a chunk of its own that `url` opens, if it has one. */
export const pageAt = (url: URL): LazyPage | undefined => matchedEntries(url).at(-1)?.page;

/** Starts loading the code of the page at `url`; resolves when it has loaded (or failed to). */
export function preloadPageCode(url: URL): Promise<unknown> {
  const page = pageAt(url);
  // A failed load is reported by the route's error boundary, which asks for the module again.
  return page ? page.load().catch(ignore) : Promise.resolve();
}

/**
 * Starts loading what the address needs before React renders it: the loaders of every route it
 * matches (outermost first, so /meta goes first) and the page's code. Without this the page's
 * code is requested only when React first renders the route, and its data only when that code
 * has arrived and mounted: two round trips after the app's own code, instead of none. Resolves
 * when the page's code has loaded (or failed to), so that the first render need not suspend.
 */
export function preloadRoute(queryClient: QueryClient, url: URL): Promise<unknown> {
  for (const entry of matchedEntries(url)) void entry.loader?.(queryClient, url).catch(ignore);
  return preloadPageCode(url);
}

/**
 * For a render on the server: every loader the address matches, awaited (a failed one leaves its
 * query to report it), and the page's component once its code has loaded (null: no page of its own).
 */
export async function loadRoute(queryClient: QueryClient, url: URL): Promise<ComponentType | null> {
  const matched = matchedEntries(url);
  const [page] = await Promise.all([
    matched.at(-1)?.page?.load() ?? null,
    ...matched.map((entry) => entry.loader?.(queryClient, url).catch(ignore)),
  ]);
  return page;
}
