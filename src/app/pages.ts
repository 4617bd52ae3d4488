import type { QueryClient } from '@tanstack/react-query';
import { matchPath } from 'react-router';
import { kpiListOptions } from '../api/kpis';
import { metaOptions } from '../api/meta';
import { sectorListOptions } from '../api/sectors';
import { DEFAULT_PERIOD } from '../api/common';
import { readSearch, sharedSearch } from '../lib/search';
import type { SharedSearch } from '../lib/search';
import { lazyPage } from './lazyPage';
import type { LazyPage } from './lazyPage';

/** A failed prefetch is not reported here: the page's own query shows it, with a retry. */
const ignore = () => undefined;

interface Page extends LazyPage {
  /** The route's path pattern, as in routes.tsx. */
  path: string;
  /** Data the page asks for first, requested before its code has arrived. */
  prefetch?: (queryClient: QueryClient, filters: SharedSearch, search: URLSearchParams) => Promise<unknown>;
}

/** The headline figures for the filters in the address: the overview's, and the wall screen's first slide. */
const prefetchKpis: Page['prefetch'] = (client, { period, sector }) =>
  client.query(kpiListOptions({ period, sector })).catch(ignore);

/**
 * Without a period in the address a sector page may move to the nearest period that has figures
 * (the default one may have none): the other periods' sector lists are asked for at once, not
 * after the first answer has come back empty.
 */
const prefetchOtherPeriods = (client: QueryClient, search: URLSearchParams) =>
  search.has('period')
    ? Promise.resolve()
    : client
        .query(metaOptions())
        .then((meta) => Promise.all(meta.periods.map((p) => client.query(sectorListOptions(p.id)))))
        .catch(ignore);

// Each page is its own chunk: the overview does not pay for the tracker or the charts.
export const pages = {
  overview: {
    path: '/',
    ...lazyPage(() => import('../features/kpis/OverviewPage')),
    prefetch: prefetchKpis,
  },
  sectors: {
    path: '/sectors',
    ...lazyPage(() => import('../features/sectors/SectorsPage')),
    prefetch: (client, filters, search) =>
      Promise.all([
        client.query(sectorListOptions(filters.period)).catch(ignore),
        prefetchOtherPeriods(client, search),
      ]),
  },
  sectorDetail: {
    path: '/sectors/:sectorId',
    ...lazyPage(() => import('../features/sectors/SectorDetailPage')),
    prefetch: (client, _filters, search) => prefetchOtherPeriods(client, search),
  },
  projects: {
    path: '/projects',
    ...lazyPage(() => import('../features/projects/ProjectsPage')),
    prefetch: (client, _filters, search) =>
      // Imported here, not at the top: the tracker's address model stays out of the other pages' code.
      Promise.all([import('../features/projects/params'), import('../api/projects')])
        .then(([{ parseTrackerSearch }, { projectListOptions }]) =>
          client.query(projectListOptions(parseTrackerSearch(search).filter)),
        )
        .catch(ignore),
  },
  projectDetail: { path: '/projects/:projectId', ...lazyPage(() => import('../features/projects/ProjectDetailPage')) },
  briefing: {
    path: '/briefing',
    ...lazyPage(() => import('../features/briefing/BriefingPage')),
    prefetch: (client, { period }) => client.query(kpiListOptions({ period, sector: null })).catch(ignore),
  },
  admin: {
    path: '/admin',
    ...lazyPage(() => import('../features/admin/AdminPage')),
    // Imported here, not at the top: the admin contract stays out of every other page's code.
    prefetch: (client) =>
      import('../api/admin').then(({ sessionOptions }) => client.query(sessionOptions())).catch(ignore),
  },
  presentation: {
    path: '/present',
    ...lazyPage(() => import('../features/presentation/PresentationPage')),
    // The first slide's figures; the wall screen starts from them (see its live queries).
    prefetch: prefetchKpis,
  },
} satisfies Record<string, Page>;

/**
 * Starts loading what the page at `pathname` needs, before React renders it: its code, the
 * figures every page shows (meta) and the page's own first query for the filters in the address.
 * Without this the page's code
 * is requested only when React first renders the route, and its data only when that code has
 * arrived and mounted: two round trips after the app's own code, instead of none. Resolves when
 * the page's code has loaded (or failed to), so that the first render need not suspend.
 */
export function preloadPage(
  { pathname, search }: Pick<Location, 'pathname' | 'search'>,
  queryClient: QueryClient,
): Promise<unknown> {
  queryClient.query(metaOptions()).catch(ignore);
  const page: Page | undefined = Object.values(pages).find((p) => matchPath(p.path, pathname) !== null);
  if (!page) return Promise.resolve();
  const params = new URLSearchParams(search);
  // Before /meta answers only the grammar of the period is known: a period it then refuses was a wasted prefetch, no more.
  const filters = readSearch(sharedSearch, params, { periods: null, defaultPeriod: DEFAULT_PERIOD }).values;
  void page.prefetch?.(queryClient, filters, params);
  // A failed load is reported by the route's error boundary, which asks for the module again.
  return page.load().catch(ignore);
}
