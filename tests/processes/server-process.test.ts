/**
 * The data service as the process `npm run serve` starts: a bad configuration, a start killed
 * in the middle of seeding, a second start on the same DATA_DIR, and a graceful stop.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, spawnServer } from '../server/harness';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'beibei-data-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Listening and with its database ready: what a user's first request needs. */
async function ready(server: ReturnType<typeof spawnServer>, ms = 180_000) {
  await server.waitFor(/"msg":"dashboard on /, ms);
  await server.waitFor(/"msg":"database ready"/, ms);
}

const getJson = async <T>(port: number, path: string): Promise<T> =>
  (await (await fetch(`http://127.0.0.1:${port}${path}`)).json()) as T;

describe('the server process', () => {
  it('stops at once with a clear message for a bad configuration value', async () => {
    const server = spawnServer({ PORT: 'eighty', DATA_DIR: tempDir() });
    expect(await server.exited).toBe(2);
    expect(server.output()).toContain(
      'Configuration error: PORT must be a whole number from 1 to 65535 (got "eighty")',
    );
    expect(server.output()).not.toMatch(/\n\s+at /);
  });

  it('killed in the middle of seeding leaves nothing half-written; the next start seeds it whole, once', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    // Many generated projects make the seeding transaction long enough to be killed inside it.
    const env = {
      PORT: String(port),
      DATA_DIR: dataDir,
      DIST_DIR: join(dataDir, 'no-app'),
      SEED_EXTRA_PROJECTS: '30000',
    };
    const first = spawnServer(env);
    await first.waitFor(/seeding the first data version/);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(first.output(), first.output()).not.toContain('seeded the first data version');

    const second = spawnServer(env);
    await ready(second);
    const page = await getJson<{ total: number }>(port, '/api/v1/projects?pageSize=1');
    expect(page.total).toBe(30_198);
    const meta = await getJson<{ dataVersion: { id: number } }>(port, '/api/v1/meta');
    expect(meta.dataVersion.id).toBe(1);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    // A third start finds the data and does not seed again.
    const third = spawnServer(env);
    await ready(third);
    expect(third.output()).not.toContain('seeding the first data version');
    expect((await getJson<{ dataVersion: { id: number } }>(port, '/api/v1/meta')).dataVersion.id).toBe(1);
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
  });

  it('refuses a second server on the same DATA_DIR while the first runs, stops gracefully on SIGTERM, and the second then takes over', async () => {
    const dataDir = tempDir();
    const [portA, portB] = [await freePort(), await freePort()];
    const a = spawnServer({ PORT: String(portA), DATA_DIR: dataDir, DIST_DIR: join(dataDir, 'no-app') });
    await ready(a);
    const b = spawnServer({ PORT: String(portB), DATA_DIR: dataDir, DIST_DIR: join(dataDir, 'no-app') });
    await b.waitFor(new RegExp(`is in use by process ${a.child.pid}`));
    await b.waitFor(/"msg":"dashboard on /);
    expect((await fetch(`http://127.0.0.1:${portB}/readyz`)).status).toBe(503);
    expect((await fetch(`http://127.0.0.1:${portA}/readyz`)).status).toBe(200);

    // A keep-alive connection must not hold the stop up.
    await fetch(`http://127.0.0.1:${portA}/api/v1/meta`, { headers: { Connection: 'keep-alive' } });
    a.child.kill('SIGTERM');
    expect(await a.exited).toBe(0);
    expect(a.output()).toContain('"msg":"stopped"');
    expect(existsSync(join(dataDir, 'server.pid'))).toBe(false);

    await ready(b, 60_000);
    expect((await fetch(`http://127.0.0.1:${portB}/readyz`)).status).toBe(200);
    b.child.kill('SIGTERM');
    expect(await b.exited).toBe(0);
  });
});
