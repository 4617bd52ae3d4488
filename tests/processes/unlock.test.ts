/**
 * `npm run admin:unlock` as a process: a name locked by failed sign-ins on the real server stays
 * locked across a restart, the command lifts the lock and says whether there was one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, spawnServer } from '../server/harness';

describe('npm run admin:unlock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'beibei-unlock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (args: string[]) => spawnServer({ DATA_DIR: dir }, ['server/cli.ts', ...args]);

  async function withServer(run: (login: (password: string) => Promise<Response>) => Promise<void>) {
    const port = await freePort();
    const server = spawnServer({ PORT: String(port), DATA_DIR: dir, DIST_DIR: join(dir, 'no-app') });
    try {
      await server.waitFor(/"msg":"database ready"/);
      await server.waitFor(/"msg":"dashboard on /);
      await run((password) =>
        fetch(`http://127.0.0.1:${port}/api/v1/admin/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ name: '王芳', password }),
        }),
      );
    } finally {
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }
  }

  it('lifts the lock of a name that failed five times, which a restart kept, and says whether it was locked', async () => {
    const add = cli(['add-user', '王芳']);
    add.child.stdin.end('correct horse battery\n');
    expect(await add.exited).toBe(0);

    await withServer(async (login) => {
      for (let i = 0; i < 5; i++) expect((await login(`guess number ${i}`)).status).toBe(401);
      expect((await login('correct horse battery')).status).toBe(429);
    });
    await withServer(async (login) => {
      expect((await login('correct horse battery')).status).toBe(429);
    });

    const unlocked = cli(['unlock', '王芳']);
    expect(await unlocked.exited).toBe(0);
    expect(unlocked.output()).toContain('王芳 was locked (5 failed sign-ins in the last 15 min) and is unlocked now.');
    const again = cli(['unlock', '王芳']);
    expect(await again.exited).toBe(0);
    expect(again.output()).toContain(
      '王芳 was not locked (0 failed sign-ins in the last 15 min); its failed sign-ins are cleared.',
    );
    const usage = cli(['unlock']);
    expect(await usage.exited).toBe(2);
    expect(usage.output()).toContain('npm run admin:unlock -- NAME');

    await withServer(async (login) => {
      expect((await login('correct horse battery')).status).toBe(200);
    });
  });
});
