/** `npm run admin:add-user` as a process: a password from stdin, a new one the second time, a short one refused. */
import { describe, expect, it } from 'vitest';
import { spawnCli, tempDirs } from '../server/harness';

describe('npm run admin:add-user', () => {
  const dir = tempDirs('beibei-users-')();
  const addUser = (name: string, password: string) => spawnCli({ DATA_DIR: dir }, ['add-user', name], `${password}\n`);

  it('creates an editor from a password on stdin, sets a new one the second time, and refuses a short one', async () => {
    const created = addUser('王芳', 'correct horse battery');
    expect(await created.exited).toBe(0);
    expect(created.output()).toContain('Created editor 王芳.');
    const again = addUser('王芳', 'a different good one');
    expect(await again.exited).toBe(0);
    expect(again.output()).toContain('Set a new password for editor 王芳.');
    const short = addUser('王芳', 'short');
    expect(await short.exited).toBe(1);
    expect(short.output()).toContain('a password has at least 10 characters');
    expect(short.output()).not.toContain('short\n');
  });
});
