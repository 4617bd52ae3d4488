import { describe, expect, it } from 'vitest';
import { demoDataset } from '../data/demo';
import { datasetHandlers } from '../mocks/handlers';
import { server } from '../mocks/node';
import { kpiListOptions } from '../src/api/kpis';
import { metaOptions } from '../src/api/meta';
import { allProjectsOptions, projectDetailOptions, projectListOptions } from '../src/api/projects';
import { createQueryClient } from '../src/api/queryClient';
import { sectorListOptions } from '../src/api/sectors';
import { loadBriefing } from '../src/features/briefing/load';
import { loadProjectDetail } from '../src/features/projects/load';
import { projectPage } from './fixtures';

/**
 * The loaders of the pages whose components ask for more than the route's first query: a render
 * on the server that finds everything already loaded renders once.
 */
describe('loadProjectDetail', () => {
  it('loads the project, its list, and the page before where the project opens its page', async () => {
    server.use(...datasetHandlers(() => demoDataset));
    const client = createQueryClient({ retry: false, report: () => undefined });
    const filter = { stage: 'construction', pageSize: 25, page: 2 } as const;
    const first = projectPage('sample', filter).items[0];
    const id = first?.id ?? '';
    await loadProjectDetail(client, new URL(`http://localhost/projects/${id}?stage=construction&pageSize=25&page=2`));

    expect(client.getQueryData(projectDetailOptions(id).queryKey)?.name).toBe(first?.name);
    expect(client.getQueryData(projectListOptions(filter).queryKey)?.items[0]?.id).toBe(id);
    // Its neighbour before it is the last of page 1, which the page shows as "previous".
    expect(client.getQueryData(projectListOptions({ ...filter, page: 1 }).queryKey)?.items).toHaveLength(25);
    // The page after is not wanted: the project is not last on its page.
    expect(client.getQueryData(projectListOptions({ ...filter, page: 3 }).queryKey)).toBeUndefined();
  });
});

describe('loadBriefing', () => {
  it('loads all that the briefing of the address’s period is written from', async () => {
    const client = createQueryClient({ retry: false, report: () => undefined });
    await loadBriefing(client, new URL('http://localhost/briefing?period=2023M07'));

    expect(client.getQueryData(metaOptions().queryKey)).toBeDefined();
    expect(client.getQueryData(kpiListOptions({ period: '2023M07', sector: null }).queryKey)?.period).toBe('2023M07');
    expect(client.getQueryData(sectorListOptions('2023M07').queryKey)?.period).toBe('2023M07');
    expect(client.getQueryData(allProjectsOptions({ provenance: 'reported' }).queryKey)?.length).toBe(23);
  });
});
