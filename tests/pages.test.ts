import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { kpiKeys } from '../src/api/kpis';
import { metaKeys } from '../src/api/meta';
import { createQueryClient } from '../src/api/queryClient';
import { projectKeys } from '../src/api/projects';
import { sectorKeys } from '../src/api/sectors';
import { pages, preloadPage } from '../src/app/pages';
import { server } from '../mocks/node';

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
    const load = vi.spyOn(pages.overview, 'load');
    const sectorsLoad = vi.spyOn(pages.sectors, 'load');
    const client = createQueryClient({ retry: false });
    preloadPage({ pathname: '/', search: '?period=2022&sector=automotive' }, client);
    expect(load).toHaveBeenCalledOnce();
    expect(sectorsLoad).not.toHaveBeenCalled();
    await vi.waitFor(() => {
      expect(client.getQueryData(kpiKeys.list({ period: '2022', sector: 'automotive' }))).toBeDefined();
      expect(client.getQueryData(metaKeys.all)).toBeDefined();
    });
    expect(seen.sort()).toEqual(['/api/v1/kpis?period=2022&sector=automotive', '/api/v1/meta']);
  });

  it('loads the sector list for /sectors, and only meta for a page without a first query', async () => {
    const client = createQueryClient({ retry: false });
    preloadPage({ pathname: '/sectors', search: '' }, client);
    await vi.waitFor(() => expect(client.getQueryData(sectorKeys.list('2023H1'))).toBeDefined());

    const detail = vi.spyOn(pages.projectDetail, 'load');
    const other = createQueryClient({ retry: false });
    preloadPage({ pathname: '/projects/p-001', search: '' }, other);
    expect(detail).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(other.getQueryData(metaKeys.all)).toBeDefined());
    expect(
      other
        .getQueryCache()
        .getAll()
        .map((q) => q.queryKey),
    ).toEqual([metaKeys.all]);
  });

  it('asks for the tracker page the address describes, with the global sector filter', async () => {
    const client = createQueryClient({ retry: false });
    preloadPage(
      { pathname: '/projects', search: '?stage=construction&sector=pharma&page=2&pageSize=25&bogus=1' },
      client,
    );
    const filter = { stage: 'construction', sector: 'pharma', page: 2, pageSize: 25 } as const;
    await vi.waitFor(() => expect(client.getQueryData(projectKeys.list(filter))).toBeDefined());
    expect(seen).toContain('/api/v1/projects?stage=construction&sector=pharma&page=2&pageSize=25');
  });

  it('asks for the wall screen’s headline figures with its code', async () => {
    const client = createQueryClient({ retry: false });
    preloadPage({ pathname: '/present', search: '?interval=20&period=2022' }, client);
    await vi.waitFor(() => expect(client.getQueryData(kpiKeys.list({ period: '2022', sector: null }))).toBeDefined());
    expect(seen.sort()).toEqual(['/api/v1/kpis?period=2022', '/api/v1/meta']);
  });

  it('loads no page code for an unknown address', () => {
    const loads = Object.values(pages).map((page) => vi.spyOn(page, 'load'));
    preloadPage({ pathname: '/nowhere/at/all', search: '' }, createQueryClient({ retry: false }));
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
      preloadPage({ pathname: '/', search: '' }, client);
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
