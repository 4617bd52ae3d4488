/**
 * The data service as the process `npm run serve` starts: a bad configuration, a start killed
 * in the middle of seeding, a second start on the same DATA_DIR, and a graceful stop.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, spawnServer, tempDirs } from '../server/harness';
import type { ServerProcess } from '../server/harness';

const tempDir = tempDirs('beibei-data-');

const versionOf = async (server: ServerProcess) =>
  ((await (await server.request('/api/v1/meta')).json()) as { dataVersion: { id: number } }).dataVersion.id;

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
    await second.ready();
    const page = (await (await second.request('/api/v1/projects?pageSize=1')).json()) as { total: number };
    expect(page.total).toBe(30_198);
    expect(await versionOf(second)).toBe(1);
    expect(await second.stop()).toBe(0);

    // A third start finds the data and does not seed again.
    const third = spawnServer(env);
    await third.ready();
    expect(third.output()).not.toContain('seeding the first data version');
    expect(await versionOf(third)).toBe(1);
    expect(await third.stop()).toBe(0);
  });

  it('refuses a second server on the same DATA_DIR while the first runs, stops gracefully on SIGTERM, and the second then takes over', async () => {
    const dataDir = tempDir();
    const [portA, portB] = [await freePort(), await freePort()];
    const a = spawnServer({ PORT: String(portA), DATA_DIR: dataDir, DIST_DIR: join(dataDir, 'no-app') });
    await a.ready();
    const b = spawnServer({ PORT: String(portB), DATA_DIR: dataDir, DIST_DIR: join(dataDir, 'no-app') });
    await b.waitFor(new RegExp(`is in use by process ${a.child.pid}`));
    await b.waitFor(/"msg":"dashboard on /);
    expect((await b.request('/readyz')).status).toBe(503);
    expect((await a.request('/readyz')).status).toBe(200);

    // A keep-alive connection must not hold the stop up.
    await a.request('/api/v1/meta', { headers: { Connection: 'keep-alive' } });
    expect(await a.stop()).toBe(0);
    expect(a.output()).toContain('"msg":"stopped"');
    // The first leaves no lock of its own; the second, retrying, may already hold the directory.
    const lock = join(dataDir, 'server.pid');
    expect(existsSync(lock) ? readFileSync(lock, 'utf8') : null).not.toBe(String(a.child.pid));

    await b.ready(60_000);
    expect((await b.request('/readyz')).status).toBe(200);
    expect(await b.stop()).toBe(0);
  });
});
