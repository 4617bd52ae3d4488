import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { adminKeys } from '../src/api/admin';
import { changeKeys } from '../src/api/changes';
import { kpiKeys } from '../src/api/kpis';
import { metaKeys } from '../src/api/meta';
import type { Meta } from '../src/api/meta';
import { createQueryClient } from '../src/api/queryClient';
import { projectKeys } from '../src/api/projects';
import { sectorKeys } from '../src/api/sectors';
import { preloadRoute, routes } from '../src/app/routes';
import type { RouteEntry } from '../src/app/routes';
import { server } from '../mocks/node';

/** Every entry of the route table, layouts and pages. */
const entries = (list: RouteEntry[]): RouteEntry[] => list.flatMap((e) => [e, ...entries(e.children ?? [])]);

/** The lazy page of the table's entry `id`. */
function page(id: string) {
  const found = entries(routes).find((e) => e.id === id)?.page;
  if (!found) throw new Error(`no page ${id} in the route table`);
  return found;
}

const preload = (address: string, client: ReturnType<typeof createQueryClient>) =>
  preloadRoute(client, new URL(address, 'http://localhost'));

/** What the preload has put in the query cache (or is asking for). */
const cachedKeys = (client: ReturnType<typeof createQueryClient>) =>
  client
    .getQueryCache()
    .getAll()
    .map((q) => q.queryKey);

/** Every request the page's preload sends, as path + query. */
function recordRequests() {
  const seen: string[] = [];
  const listener = ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    seen.push(url.pathname + url.search);
  };
  server.events.on('request:start', listener);
  return seen;
}

describe('preloading the page at the address the app opens on', () => {
  const seen = recordRequests();
  afterEach(() => seen.splice(0));

  it('loads the overview’s code, its figures for the period in the address and meta before rendering', async () => {
    const load = vi.spyOn(page('overview'), 'load');
    const sectorsLoad = vi.spyOn(page('sectors'), 'load');
    const client = createQueryClient({ retry: false });
    const loaded = preload('/?period=2022&sector=automotive', client);
    expect(load).toHaveBeenCalledOnce();
    expect(sectorsLoad).not.toHaveBeenCalled();
    await expect(loaded).resolves.toBeTypeOf('function');
    await vi.waitFor(() => {
      expect(client.getQueryData(kpiKeys.list({ period: '2022', sector: 'automotive' }))).toBeDefined();
      expect(client.getQueryData(metaKeys.all)).toBeDefined();
    });
    expect(seen[0]).toBe('/api/v1/meta');
    expect(seen.sort()).toEqual(['/api/v1/kpis?period=2022&sector=automotive', '/api/v1/meta']);
  });

  it('loads the sector list for /sectors, and a project with the list it was reached from for its page', async () => {
    const client = createQueryClient({ retry: false });
    preload('/sectors', client);
    await vi.waitFor(() => expect(client.getQueryData(sectorKeys.list('2023H1'))).toBeDefined());

    const detail = vi.spyOn(page('projectDetail'), 'load');
    const other = createQueryClient({ retry: false });
    preload('/projects/p-001', other);
    expect(detail).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(other.getQueryData(projectKeys.list({ page: 1, pageSize: 50 }))).toBeDefined());
    expect(other.getQueryState(projectKeys.detail('p-001'))?.status).not.toBe('pending');
    expect(cachedKeys(other)).toEqual([
      metaKeys.all,
      projectKeys.detail('p-001'),
      projectKeys.list({ page: 1, pageSize: 50 }),
    ]);
  });

  it('asks for every period’s sector list on a sector page without a period, as it may move to another', async () => {
    const client = createQueryClient({ retry: false });
    preload('/sectors/automotive', client);
    await vi.waitFor(() => {
      const periods = client.getQueryData<Meta>(metaKeys.all)?.periods ?? [];
      expect(periods.length).toBeGreaterThan(1);
      for (const p of periods) expect(client.getQueryData(sectorKeys.list(p.id))).toBeDefined();
    });

    const fixed = createQueryClient({ retry: false });
    preload('/sectors/automotive?period=2022', fixed);
    await vi.waitFor(() => expect(fixed.getQueryData(metaKeys.all)).toBeDefined());
    expect(cachedKeys(fixed)).toEqual([metaKeys.all]);
  });

  it('asks for the briefing’s district-wide figures, sectors and the report’s named projects, whatever sector the address names', async () => {
    const client = createQueryClient({ retry: false });
    preload('/briefing?period=2022&sector=pharma', client);
    await vi.waitFor(() => {
      expect(seen).toHaveLength(4);
      expect(client.getQueryData(kpiKeys.list({ period: '2022', sector: null }))).toBeDefined();
    });
    expect(seen.sort()).toEqual([
      '/api/v1/kpis?period=2022',
      '/api/v1/meta',
      '/api/v1/projects?provenance=reported&page=1&pageSize=500',
      '/api/v1/sectors?period=2022',
    ]);
  });

  it('asks the admin area whether the reader is signed in', async () => {
    server.use(http.get('*/api/v1/admin/session', () => HttpResponse.json({ error: 'unauthorized' }, { status: 401 })));
    const client = createQueryClient({ retry: false });
    preload('/admin', client);
    await vi.waitFor(() => expect(client.getQueryState(adminKeys.session())?.status).toBe('success'));
    expect(client.getQueryData(adminKeys.session())).toBeNull();
  });

  it('asks for the versions and the changes of the version the address names, else the current one', async () => {
    const client = createQueryClient({ retry: false });
    preload('/changes', client);
    await vi.waitFor(() => expect(client.getQueryData(changeKeys.of(1))).toBeDefined());
    expect(client.getQueryData(changeKeys.versions())).toBeDefined();
    expect(seen.sort()).toEqual(['/api/v1/meta', '/api/v1/versions', '/api/v1/versions/1/changes']);

    const named = createQueryClient({ retry: false });
    preload('/changes?version=7', named);
    await vi.waitFor(() => expect(named.getQueryState(changeKeys.of(7))?.status).toBe('error'));
  });

  it('asks for the tracker page the address describes, with the global sector filter', async () => {
    const client = createQueryClient({ retry: false });
    preload('/projects?stage=construction&sector=pharma&page=2&pageSize=25&bogus=1', client);
    const filter = { stage: 'construction', sector: 'pharma', page: 2, pageSize: 25 } as const;
    await vi.waitFor(() => expect(client.getQueryData(projectKeys.list(filter))).toBeDefined());
    expect(seen).toContain('/api/v1/projects?stage=construction&sector=pharma&page=2&pageSize=25');
  });

  it('asks for the wall screen’s headline figures with its code', async () => {
    const client = createQueryClient({ retry: false });
    preload('/present?interval=20&period=2022', client);
    await vi.waitFor(() => expect(client.getQueryData(kpiKeys.list({ period: '2022', sector: null }))).toBeDefined());
    expect(seen.sort()).toEqual(['/api/v1/kpis?period=2022', '/api/v1/meta']);
  });

  it('loads no page code for an unknown address', () => {
    const loads = entries(routes).flatMap((e) => (e.page ? [vi.spyOn(e.page, 'load')] : []));
    expect(loads.length).toBe(10);
    preload('/nowhere/at/all', createQueryClient({ retry: false }));
    for (const load of loads) expect(load).not.toHaveBeenCalled();
  });

  it('swallows a failing prefetch: the page’s own query reports it', async () => {
    server.use(http.get('*/api/v1/kpis', () => HttpResponse.json({ message: 'down' }, { status: 500 })));
    const reported: unknown[] = [];
    const client = createQueryClient({ retry: false, report: (error) => reported.push(error) });
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      preload('/', client);
      await vi.waitFor(() =>
        expect(client.getQueryState(kpiKeys.list({ period: '2023H1', sector: null }))?.status).toBe('error'),
      );
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });
});
