/**
 * The data service under bad input and faults, in-process: configuration errors, a database
 * that is not there at start or goes away, a new version published, path tricks against the
 * built app, oversized queries, wrong methods and server errors.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportDataset } from '../../data/dataset';
import { demoDataset } from '../../data/demo';
import { ConfigError, readConfig } from '../../server/config';
import { openPostgres } from '../../server/db/client';
import type { Db } from '../../server/db/client';
import { DataService } from '../../server/service';
import { createApp } from '../../server/app';
import { loadApp } from '../../server/static';
import { writeVersion } from '../../server/db/versions';
import { emptyTestPostgres, freePort, memoryPglite, silent, startService, TEST_DATABASE_URL } from './harness';
import type { TestServer } from './harness';

/** Waits for what a user (or a load balancer) would see, without a fixed sleep. */
async function eventually(check: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`not true within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('configuration', () => {
  it('has defaults that need no setup', () => {
    const config = readConfig({}, '/srv/app');
    expect(config).toMatchObject({ port: 8080, host: '127.0.0.1', dataDir: '/srv/app/var/db', databaseUrl: null });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be a whole number from 1 to 65535 (got "abc")'],
    [{ PORT: '70000' }, 'PORT must be a whole number from 1 to 65535 (got "70000")'],
    [{ PORT: '80.5' }, 'PORT must be a whole number'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")'],
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'DATABASE_URL must be a PostgreSQL connection URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL must be a PostgreSQL connection URL'],
    [{ HOST: 'a b' }, 'HOST must be a host name or IP address'],
    [{ SEED_EXTRA_PROJECTS: '-1' }, 'SEED_EXTRA_PROJECTS must be a whole number from 0 to 100000'],
  ])('refuses %j with a message naming the variable', (env, message) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(message);
  });

  it('does not print a password from a bad DATABASE_URL', () => {
    expect(() => readConfig({ DATABASE_URL: 'mysql://user:s3cret@host/db' })).not.toThrow(/s3cret/);
  });
});

describe('a database that is not there at start', () => {
  it('starts anyway, answers 503 with a JSON error until the database answers, then recovers without a restart', async () => {
    let attempts = 0;
    const service = new DataService({
      open: async (): Promise<Db> => {
        attempts += 1;
        if (attempts <= 2)
          throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
        return memoryPglite();
      },
      seed: () => reportDataset,
      logger: silent,
      pollMs: 3_600_000,
      retryMs: [10, 20],
    });
    const app = createApp({ service, app: null, logger: silent });
    const started = service.start();

    const ready = await app.request('/readyz');
    expect(ready.status).toBe(503);
    const res = await app.request('/api/v1/kpis');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(await res.json()).toEqual({ error: 'unavailable', message: expect.stringContaining('database') as unknown });
    expect((await app.request('/healthz')).status).toBe(200);

    await started;
    expect(attempts).toBe(3);
    expect((await app.request('/readyz')).status).toBe(200);
    const kpis = (await (await app.request('/api/v1/kpis')).json()) as { items: unknown[] };
    expect(kpis.items.length).toBeGreaterThan(10);
    await service.stop();
  });
});

/** A TCP proxy in front of PostgreSQL that can be switched off and on, like a database going away. */
function switchableProxy(target: URL, port: number) {
  let server: Server | null = null;
  const sockets = new Set<Socket>();
  return {
    up: () =>
      new Promise<void>((resolve) => {
        server = createServer((client) => {
          const upstream = new Socket();
          upstream.connect(Number(target.port || 5432), target.hostname);
          sockets.add(client).add(upstream);
          client.pipe(upstream).pipe(client);
          const drop = () => {
            client.destroy();
            upstream.destroy();
          };
          client.on('error', drop).on('close', drop);
          upstream.on('error', drop).on('close', drop);
        });
        server.listen(port, '127.0.0.1', () => resolve());
      }),
    down: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        sockets.clear();
        if (!server) return resolve();
        server.close(() => resolve());
        server = null;
      }),
  };
}

describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL going away and coming back (TEST_DATABASE_URL)', () => {
  it('503 while it is unreachable at start, recovery when it comes, 503 for new queries when it goes, recovery again', async () => {
    const target = new URL(await emptyTestPostgres('faults'));
    const port = await freePort();
    const proxy = switchableProxy(target, port);
    const viaProxy = new URL(target.href);
    viaProxy.host = `127.0.0.1:${port}`;
    const service = new DataService({
      open: () => Promise.resolve(openPostgres(viaProxy.href, () => undefined)),
      seed: () => reportDataset,
      logger: silent,
      pollMs: 200,
    });
    const app = createApp({ service, app: null, logger: silent });
    const started = service.start();
    expect((await app.request('/readyz')).status).toBe(503);
    expect((await app.request('/api/v1/meta')).status).toBe(503);

    await proxy.up();
    await started;
    expect((await app.request('/readyz')).status).toBe(200);
    expect((await app.request('/api/v1/meta')).status).toBe(200);

    await proxy.down();
    await eventually(async () => (await app.request('/readyz')).status === 503);
    // What was answered before is still served from memory; a new query needs the database.
    expect((await app.request('/api/v1/meta')).status).toBe(200);
    const uncached = await app.request('/api/v1/projects/baoshan-bridge-west-extension');
    expect(uncached.status).toBe(503);
    expect(((await uncached.json()) as { error: string }).error).toBe('unavailable');

    await proxy.up();
    await eventually(async () => (await app.request('/readyz')).status === 200);
    expect((await app.request('/api/v1/projects/baoshan-bridge-west-extension')).status).toBe(200);
    await service.stop();
    await proxy.down();
  });
});

describe('data versions', () => {
  let server: TestServer;
  let db: Db;
  beforeAll(async () => {
    // The sample dataset: its 198 projects make answers large enough to fill the cache.
    server = await startService({
      open: async () => {
        db = await memoryPglite();
        return db;
      },
      seed: () => demoDataset,
    });
  });
  afterAll(() => server.stop());

  it('serves version 1 with an ETag, answers 304 to If-None-Match, and serves a new version once it is published', async () => {
    const first = await server.request('/api/v1/meta');
    const etag = first.headers.get('etag')!;
    expect(((await first.json()) as { dataVersion: { id: number } }).dataVersion.id).toBe(1);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const again = await server.request('/api/v1/meta', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    const kpisBefore = await server.request('/api/v1/kpis?period=2023H1');
    const kpiEtag = kpisBefore.headers.get('etag')!;
    await db.transaction((tx) =>
      writeVersion(
        tx,
        { ...demoDataset, meta: { ...demoDataset.meta, asOf: '2023-09-30' } },
        {
          publishedBy: 'test',
          sourceName: 'test',
        },
      ),
    );
    await server.service.poll();
    const after = await server.request('/api/v1/meta', { headers: { 'If-None-Match': etag } });
    expect(after.status).toBe(200);
    const meta = (await after.json()) as { asOf: string; dataVersion: { id: number } };
    expect(meta).toMatchObject({ asOf: '2023-09-30', dataVersion: { id: 2 } });
    // Unchanged figures, but a new version: the client re-reads them once.
    expect((await server.request('/api/v1/kpis?period=2023H1', { headers: { 'If-None-Match': kpiEtag } })).status).toBe(
      200,
    );
  });

  it('keeps its cache of answers within 16 MiB, keeping the answers asked for most recently', async () => {
    const sorts = [
      'name',
      'planned',
      'start',
      'stage',
      'sector',
      'type',
      'level',
      'progress',
      'completed',
      'lastUpdate',
    ];
    // 160 different answers of about 140 KB each (all 198 projects on one page).
    for (let i = 0; i < 160; i++) {
      await server.request(`/api/v1/projects?pageSize=${300 + i}&sort=${i % 2 ? '-' : ''}${sorts[i % 10]!}`);
      expect((await server.request('/api/v1/meta')).status).toBe(200);
    }
    const snapshot = await server.service.current();
    expect(snapshot.cachedBytes).toBeLessThanOrEqual(16 * 1024 * 1024);
    expect(snapshot.cachedBytes).toBeGreaterThan(8 * 1024 * 1024);
    expect(snapshot.responses.size).toBeLessThan(160);
    expect([...snapshot.responses.keys()]).toContain('/api/v1/meta?');
  });

  it('answers a server error with a JSON message and a request id, never a stack trace', async () => {
    await db.exec('ALTER TABLE projects RENAME TO projects_gone');
    try {
      const res = await server.request('/api/v1/projects/yuxi-high-speed-rail-beibei');
      expect(res.status).toBe(500);
      const body = (await res.json()) as { error: string; message: string };
      expect(body.error).toBe('internal');
      expect(body.message).toContain(res.headers.get('x-request-id')!);
      expect(JSON.stringify(body)).not.toMatch(/projects_gone|relation|at .*\.ts/);
    } finally {
      await db.exec('ALTER TABLE projects_gone RENAME TO projects');
    }
  });
});

describe('the built app and the HTTP edge', () => {
  const root = mkdtempSync(join(tmpdir(), 'beibei-static-'));
  const dist = join(root, 'dist');
  const SECRET = 'SECRET-OUTSIDE-DIST';
  let server: TestServer;
  const script = `console.log(${JSON.stringify('北碚'.repeat(800))});`;
  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(
      join(dist, 'index.html'),
      `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;; script-src &#39;self&#39;"></head><body>app</body></html>`,
    );
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), script);
    writeFileSync(join(root, 'secret.txt'), SECRET);
    writeFileSync(join(dist, '.vite-secret'), SECRET);
    server = await startService({ app: loadApp(dist) });
  });
  afterAll(async () => {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers every route of the app with index.html, not cached, with the build CSP plus frame-ancestors and the security headers', async () => {
    for (const path of ['/', '/projects/baoshan-bridge-west-extension', '/present', '/sectors?period=2023M07']) {
      const res = await server.request(path);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<body>app</body>');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toBe(
        "default-src 'self'; script-src 'self'; frame-ancestors 'none'",
      );
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    }
  });

  it('serves hashed assets as immutable, compressed with brotli or gzip as the client accepts', async () => {
    const br = await server.request('/assets/index-abc123.js', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(script);
    const gz = await server.request('/assets/index-abc123.js', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(script);
    const plain = await server.request('/assets/index-abc123.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
    const json = await server.request('/api/v1/projects', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(json.headers.get('content-encoding')).toBe('gzip');
    expect(JSON.parse(gunzipSync(Buffer.from(await json.arrayBuffer())).toString())).toHaveProperty(
      'total',
      reportDataset.projects.length,
    );
  });

  it.each([
    '/assets/missing.js',
    '/../secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '/%00',
    '/.vite-secret%00.js',
    '/api/v1/projects/..%2F..%2Fsecret.txt',
    '/api/v1/sectors/%2e%2e',
    '/api/v2/meta',
    '/api/v1/',
  ])('%s: 400 or 404, nothing from outside the app, no stack trace', async (path) => {
    const res = await server.request(`http://localhost${path}`);
    expect([400, 404]).toContain(res.status);
    const text = await res.text();
    expect(text).not.toContain(SECRET);
    expect(text).not.toMatch(/\bat .*:\d+:\d+/);
  });

  it('refuses an oversized query string and methods other than GET and HEAD', async () => {
    const long = await server.request(`/api/v1/projects?q=${'x'.repeat(2000)}`);
    expect(long.status).toBe(400);
    expect(((await long.json()) as { error: string }).error).toBe('query_too_long');
    const post = await server.request('/api/v1/meta', { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    const head = await server.request('/api/v1/meta', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
