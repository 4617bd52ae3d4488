/**
 * Every API answer says who may read the figures (`X-Read-Access`, the server's READ_ACCESS), so
 * the app knows whether it may keep them in the browser: under `login` it keeps none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READ_ACCESS_HEADER } from '../../src/api/access';
import { startService, signInEditor } from './harness';
import type { TestServer } from './harness';

describe('READ_ACCESS=public (the default)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startService();
  });
  afterAll(() => server.stop());

  it('says so on the figures, on a 304, on errors and in the admin area', async () => {
    const meta = await server.request('/api/v1/meta');
    expect(meta.status).toBe(200);
    expect(meta.headers.get(READ_ACCESS_HEADER)).toBe('public');
    const again = await server.request('/api/v1/meta', { headers: { 'If-None-Match': meta.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect(again.headers.get(READ_ACCESS_HEADER)).toBe('public');
    const bad = await server.request('/api/v1/kpis?period=1999');
    expect(bad.status).toBe(400);
    expect(bad.headers.get(READ_ACCESS_HEADER)).toBe('public');
    const session = await server.request('/api/v1/admin/session');
    expect(session.status).toBe(401);
    expect(session.headers.get(READ_ACCESS_HEADER)).toBe('public');
  });

  it('leaves the app’s own files and the health checks without it', async () => {
    expect((await server.request('/healthz')).headers.get(READ_ACCESS_HEADER)).toBeNull();
  });
});

describe('READ_ACCESS=login', () => {
  let server: TestServer;
  let cookie = '';
  beforeAll(async () => {
    server = await startService({ readAccess: 'login' });
    ({ cookie } = await signInEditor(server));
  });
  afterAll(() => server.stop());

  it('says so on the refusal a reader who is not signed in gets', async () => {
    const res = await server.request('/api/v1/kpis');
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: string }).error).toBe('signed_out');
    expect(res.headers.get(READ_ACCESS_HEADER)).toBe('login');
  });

  it('says so on the figures a signed-in editor reads, so the app keeps none of them', async () => {
    for (const path of ['/api/v1/meta', '/api/v1/kpis', '/api/v1/projects', '/api/v1/admin/session']) {
      const res = await server.request(path, { headers: { Cookie: cookie } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get(READ_ACCESS_HEADER), path).toBe('login');
    }
  });
});
