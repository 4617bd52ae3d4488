/**
 * The data commands as processes: history and rollback, refused while a server holds the embedded
 * database, and a publish killed in the middle leaving the published version as it was.
 */
import { userInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { freePort, spawnCli, spawnServer, tempDirs } from '../server/harness';

describe('the data commands', () => {
  const tempDir = tempDirs('beibei-cli-');

  it('list the history, roll back, and explain a bad version or missing arguments', async () => {
    const env = { DATA_DIR: tempDir() };
    const rolled = spawnCli(env, ['rollback', '1', '--as', '张三']);
    expect(await rolled.exited).toBe(0);
    expect(rolled.output()).toContain('Published version 2 (the content of version 1).');
    const list = spawnCli(env, ['history', '--json']);
    expect(await list.exited).toBe(0);
    const records = JSON.parse(list.stdout()) as { id: number; publishedBy: string; current: boolean }[];
    expect(records.map((r) => [r.id, r.publishedBy, r.current])).toEqual([
      [2, '张三', true],
      [1, 'seed', false],
    ]);
    const missing = spawnCli(env, ['rollback', '7', '--as', '张三']);
    expect(await missing.exited).toBe(1);
    expect(missing.output()).toContain('there is no data version 7');
    const usage = spawnCli(env, ['rollback', 'latest']);
    expect(await usage.exited).toBe(2);
    expect(usage.output()).toContain('npm run data:rollback -- VERSION [--as NAME]');
    // Without --as, the rollback is the account's that ran the command.
    const unnamed = spawnCli(env, ['rollback', '2']);
    expect(await unnamed.exited).toBe(0);
    const after = spawnCli(env, ['history', '--json']);
    expect(await after.exited).toBe(0);
    const latest = (JSON.parse(after.stdout()) as { id: number; publishedBy: string }[])[0];
    expect(latest).toEqual(expect.objectContaining({ id: 3, publishedBy: `cli:${userInfo().username}` }));
  });

  it('are refused while a server uses the embedded database, with its process id', async () => {
    const env = { DATA_DIR: tempDir(), PORT: String(await freePort()) };
    const server = spawnServer(env);
    await server.waitFor(/"msg":"database ready"/);
    const refused = spawnCli(env, ['history']);
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toContain(`is in use by process ${server.child.pid}`);
    expect(await server.stop()).toBe(0);
  });

  it('killed in the middle of publishing leave the published version as it was', async () => {
    // Many projects make the publishing transaction long enough to be killed inside it.
    const env = { DATA_DIR: tempDir(), SEED_EXTRA_PROJECTS: '30000' };
    const seed = spawnCli(env, ['history']);
    expect(await seed.exited).toBe(0);
    const publishing = spawnCli(env, ['rollback', '1', '--as', '张三']);
    await publishing.waitFor(/Publishing the content of version 1/);
    publishing.child.kill('SIGKILL');
    await publishing.exited;
    expect(publishing.output()).not.toContain('Published version 2');

    const after = spawnCli(env, ['history', '--json']);
    expect(await after.exited).toBe(0);
    const records = JSON.parse(after.stdout()) as { id: number; current: boolean; counts: { projects: number } }[];
    expect(records).toEqual([
      expect.objectContaining({
        id: 1,
        current: true,
        counts: expect.objectContaining({ projects: 30_198 }) as unknown,
      }),
    ]);
  });
});
