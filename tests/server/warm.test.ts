/**
 * A version's figures answers are computed ahead of readers (server/warm.ts): once it is loaded
 * at start, and once a newer version replaces it, with no request in between; a reader's first
 * request is then served from the cache, with the same body as one computed on request.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { reportDataset } from '../../data/dataset';
import { createApp } from '../../server/app';
import { publish } from '../../server/db/publish';
import { DataService } from '../../server/service';
import { answersToWarm } from '../../server/warm';
import { memoryPglite, silent } from './harness';

const cachedPaths = (service: DataService) => [...(service.loaded()?.responses.keys() ?? [])];

describe('answers computed ahead of readers', () => {
  let service: DataService;
  let cold: DataService;
  let request: (path: string) => Promise<Response>;

  beforeAll(async () => {
    service = new DataService({ open: memoryPglite, seed: () => reportDataset, logger: silent, pollMs: 3_600_000 });
    cold = new DataService({ open: memoryPglite, seed: () => reportDataset, logger: silent, pollMs: 3_600_000 });
    await Promise.all([service.start(), cold.start()]);
    const hono = createApp({ service, app: null, logger: silent, warm: true });
    request = async (path) => hono.request(path);
  });
  afterAll(() => Promise.all([service.stop(), cold.stop()]));

  it('are every period’s figures for the district and each sector, the default period first', () => {
    const snapshot = service.loaded();
    expect(snapshot).not.toBeNull();
    const paths = answersToWarm(snapshot!);
    const { periods, sectors, defaultPeriod } = reportDataset.meta;
    expect(paths).toHaveLength(periods.length * (2 + 2 * sectors.length));
    expect(paths[0]).toBe(`/api/v1/kpis?period=${defaultPeriod}`);
    expect(paths).toContain(`/api/v1/sectors/${sectors[0]!.id}?period=${periods[0]!.id}`);
  });

  it('are in the cache of the version loaded at start before anyone asks, the same as computed on request', async () => {
    const paths = answersToWarm(service.loaded()!);
    await vi.waitFor(() => expect(cachedPaths(service)).toEqual(expect.arrayContaining(paths)), { timeout: 30_000 });
    const other = createApp({ service: cold, app: null, logger: silent });
    for (const path of paths.slice(0, 6)) {
      const [warm, computed] = await Promise.all([request(path), other.request(path)]);
      expect(warm.status, path).toBe(200);
      expect(await warm.text(), path).toBe(await computed.text());
    }
  });

  it('are computed again for a newly published version, with no request in between', async () => {
    const september = { ...reportDataset, meta: { ...reportDataset.meta, asOf: '2023-09-30' } };
    await publish(service.database(), september, { publishedBy: '甲', sourceName: 'a.xlsx', basedOn: 1 });
    await service.poll();
    await vi.waitFor(
      () => {
        expect(service.loaded()?.version.id).toBe(2);
        expect(cachedPaths(service)).toEqual(expect.arrayContaining(answersToWarm(service.loaded()!)));
      },
      { timeout: 30_000 },
    );
  });
});
