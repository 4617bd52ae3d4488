/**
 * Publishing data versions: on top of the version a change started from, or refused naming the
 * version that won; rollback as a new version with the old content; the history; and the data
 * commands as processes (a crash in the middle of publishing leaves the previous version).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reportDataset } from '../../data/dataset';
import type { Dataset } from '../../data/dataset';
import { openPglite, openPostgres } from '../../server/db/client';
import type { Db } from '../../server/db/client';
import { migrate } from '../../server/db/migrate';
import { history, loadDataset, publish, rollback, VersionConflict } from '../../server/db/publish';
import { seedIfEmpty } from '../../server/db/seed';
import { publishedVersion } from '../../server/db/versions';
import { freePort, resetPostgres, spawnServer, TEST_DATABASE_URL } from './harness';

const september: Dataset = { ...reportDataset, meta: { ...reportDataset.meta, asOf: '2023-09-30' } };

async function seeded(open: () => Promise<Db>): Promise<Db> {
  const db = await open();
  await migrate(db);
  await seedIfEmpty(db, () => reportDataset);
  return db;
}

function suite(name: string, open: () => Promise<Db>) {
  describe(`publishing on ${name}`, () => {
    it('publishes on top of the version it started from, and refuses a second publish on the same base, naming the winner', async () => {
      const db = await seeded(open);
      try {
        const base = (await publishedVersion(db))!.id;
        const results = await Promise.allSettled([
          publish(db, september, { publishedBy: '甲', sourceName: 'a.xlsx', basedOn: base }),
          publish(db, september, { publishedBy: '乙', sourceName: 'b.xlsx', basedOn: base }),
        ]);
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r) => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        const conflict = (lost[0] as PromiseRejectedResult).reason as VersionConflict;
        expect(conflict).toBeInstanceOf(VersionConflict);
        const winner = (won[0] as PromiseFulfilledResult<number>).value;
        expect(conflict.winner.id).toBe(winner);
        expect(conflict.message).toContain(`version ${winner} was published by`);
        // The loser changed nothing: one new version, and it is the one published.
        const versions = await history(db);
        expect(versions.map((v) => v.id)).toEqual([winner, base]);
        expect(versions[0]).toMatchObject({ current: true, basedOn: base });
        expect((await loadDataset(db, winner)).meta.asOf).toBe('2023-09-30');
      } finally {
        await db.close();
      }
    });

    it('rolls back by publishing an old version’s content as a new version, and keeps the history', async () => {
      const db = await seeded(open);
      try {
        const first = (await publishedVersion(db))!.id;
        const second = await publish(db, september, { publishedBy: '甲', sourceName: 'a.xlsx', basedOn: first });
        const third = await rollback(db, first, '乙');
        expect(third).toBe(second + 1);
        expect((await publishedVersion(db))!.id).toBe(third);
        expect(await loadDataset(db, third)).toEqual(await loadDataset(db, first));
        expect((await loadDataset(db, third)).projects[0]!.milestones.length).toBeGreaterThan(0);
        const [latest] = await history(db);
        expect(latest).toMatchObject({
          id: third,
          publishedBy: '乙',
          sourceName: `rollback to version ${first}`,
          basedOn: second,
          current: true,
        });
        await expect(rollback(db, 999, '乙')).rejects.toThrow('there is no data version 999');
      } finally {
        await db.close();
      }
    });
  });
}

suite('PGlite', () => openPglite('memory://'));
if (TEST_DATABASE_URL) {
  const url = TEST_DATABASE_URL;
  suite('PostgreSQL (TEST_DATABASE_URL)', async () => {
    await resetPostgres(url);
    return openPostgres(url, () => undefined);
  });
}

describe('the data commands', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'beibei-cli-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const cli = (args: string[], env: Record<string, string>) => spawnServer(env, ['server/cli.ts', ...args]);

  it('list the history, roll back, and explain a bad version or missing arguments', async () => {
    const env = { DATA_DIR: tempDir() };
    const rolled = cli(['rollback', '1', '--as', '张三'], env);
    expect(await rolled.exited).toBe(0);
    expect(rolled.output()).toContain('Published version 2 (the content of version 1).');
    const list = cli(['history', '--json'], env);
    expect(await list.exited).toBe(0);
    const records = JSON.parse(list.stdout()) as { id: number; publishedBy: string; current: boolean }[];
    expect(records.map((r) => [r.id, r.publishedBy, r.current])).toEqual([
      [2, '张三', true],
      [1, 'seed', false],
    ]);
    const missing = cli(['rollback', '7', '--as', '张三'], env);
    expect(await missing.exited).toBe(1);
    expect(missing.output()).toContain('there is no data version 7');
    const usage = cli(['rollback', 'latest'], env);
    expect(await usage.exited).toBe(2);
    expect(usage.output()).toContain('npm run data:rollback -- VERSION [--as NAME]');
    // Without --as, the rollback is the account's that ran the command.
    const unnamed = cli(['rollback', '2'], env);
    expect(await unnamed.exited).toBe(0);
    const after = cli(['history', '--json'], env);
    expect(await after.exited).toBe(0);
    const latest = (JSON.parse(after.stdout()) as { id: number; publishedBy: string }[])[0];
    expect(latest).toEqual(expect.objectContaining({ id: 3, publishedBy: `cli:${userInfo().username}` }));
  });

  it('are refused while a server uses the embedded database, with its process id', async () => {
    const env = { DATA_DIR: tempDir(), PORT: String(await freePort()) };
    const server = spawnServer(env);
    await server.waitFor(/"msg":"database ready"/);
    const refused = cli(['history'], env);
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toContain(`is in use by process ${server.child.pid}`);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('killed in the middle of publishing leave the published version as it was', async () => {
    // Many projects make the publishing transaction long enough to be killed inside it.
    const env = { DATA_DIR: tempDir(), SEED_EXTRA_PROJECTS: '30000' };
    const seed = cli(['history'], env);
    expect(await seed.exited).toBe(0);
    const publishing = cli(['rollback', '1', '--as', '张三'], env);
    await publishing.waitFor(/Publishing the content of version 1/);
    publishing.child.kill('SIGKILL');
    await publishing.exited;
    expect(publishing.output()).not.toContain('Published version 2');

    const after = cli(['history', '--json'], env);
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
