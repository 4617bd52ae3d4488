/**
 * `npm run admin:unlock` as a process: a name locked by failed sign-ins on the real server stays
 * locked across a restart, the command lifts the lock and says whether there was one.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, login, spawnCli, spawnServer, tempDirs } from '../server/harness';

describe('npm run admin:unlock', () => {
  const dir = tempDirs('beibei-unlock-')();
  const cli = (args: string[], input?: string) => spawnCli({ DATA_DIR: dir }, args, input);

  async function withServer(run: (signIn: (password: string) => Promise<Response>) => Promise<void>) {
    const server = spawnServer({ PORT: String(await freePort()), DATA_DIR: dir, DIST_DIR: join(dir, 'no-app') });
    try {
      await server.ready();
      await run((password) => login(server.request, '王芳', password));
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }

  it('lifts the lock of a name that failed five times, which a restart kept, and says whether it was locked', async () => {
    expect(await cli(['add-user', '王芳'], 'correct horse battery\n').exited).toBe(0);

    await withServer(async (signIn) => {
      for (let i = 0; i < 5; i++) expect((await signIn(`guess number ${i}`)).status).toBe(401);
      expect((await signIn('correct horse battery')).status).toBe(429);
    });
    await withServer(async (signIn) => {
      expect((await signIn('correct horse battery')).status).toBe(429);
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

    await withServer(async (signIn) => {
      expect((await signIn('correct horse battery')).status).toBe(200);
    });
  });
});
