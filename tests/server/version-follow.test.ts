/**
 * What an open page's poll of /meta gets: every answer names its data version (X-Data-Version,
 * readable from another origin), an unchanged version is a 304 to If-None-Match, and a version
 * published by another process (the CLI) or rolled back through the admin API is a 200 with the
 * new version, with the same ETag no longer matching.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportDataset } from '../../data/dataset';
import { publish } from '../../server/db/publish';
import { MetaSchema } from '../../src/api/meta';
import { signInEditor, startService } from './harness';
import type { TestServer } from './harness';

describe('the data version of every answer', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startService();
  });
  afterAll(() => server.stop());

  const meta = (etag?: string) => server.request('/api/v1/meta', { headers: etag ? { 'If-None-Match': etag } : {} });

  /** A 200 with the version `id` in the header, the body and the ETag; its ETag. */
  async function expectVersion(res: Response, id: number): Promise<string> {
    expect(res.status).toBe(200);
    expect(res.headers.get('X-Data-Version')).toBe(String(id));
    expect(MetaSchema.parse(await res.json()).dataVersion.id).toBe(id);
    const etag = res.headers.get('ETag') ?? '';
    expect(etag).toMatch(new RegExp(`^"v${id}-`));
    return etag;
  }

  it('answers 304 while nothing is published, and 200 with the new version after a publish and after a rollback', async () => {
    const first = await expectVersion(await meta(), 1);
    const unchanged = await meta(first);
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get('X-Data-Version')).toBe('1');
    expect(await unchanged.text()).toBe('');
    expect((await meta(first)).status).toBe(304);

    // Published by another process (as `npm run data:import -- --publish` does), seen at the service's next poll.
    const september = { ...reportDataset, meta: { ...reportDataset.meta, asOf: '2023-09-30' } };
    await publish(server.service.database(), september, { publishedBy: '甲', sourceName: 'a.xlsx', basedOn: 1 });
    await server.service.poll();
    const second = await expectVersion(await meta(first), 2);
    expect(second).not.toBe(first);
    expect((await meta(second)).status).toBe(304);

    // Rolled back through the admin API: version 1's content again, as version 3 (same figures, another version).
    const { cookie, csrf } = await signInEditor(server);
    const rolledBack = await server.request('/api/v1/admin/versions/1/rollback', {
      method: 'POST',
      headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
      body: JSON.stringify({ basedOn: 2 }),
    });
    expect(rolledBack.status).toBe(201);
    const third = await expectVersion(await meta(second), 3);
    expect(third).not.toBe(first);
    expect((await meta(third)).status).toBe(304);
  });

  it('names the version on every figure answer, readable by an app on another origin', async () => {
    for (const path of [
      '/kpis?period=2023H1',
      '/sectors?period=2023M07',
      '/sectors/automotive',
      '/projects',
      '/meta',
    ]) {
      const res = await server.request(`/api/v1${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('X-Data-Version'), path).toMatch(/^\d+$/);
      expect(res.headers.get('Access-Control-Expose-Headers'), path).toContain('X-Data-Version');
    }
  });
});
