/**
 * Publishing data versions: on top of the version a change started from, or refused naming the
 * version that won; rollback as a new version with the old content; the history. The commands as
 * processes are in tests/processes/data-commands.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { reportDataset } from '../../data/dataset';
import type { Dataset } from '../../data/dataset';
import { openPostgres } from '../../server/db/client';
import type { Db } from '../../server/db/client';
import { migrate } from '../../server/db/migrate';
import { conflictWinner, history, loadDataset, publish, rollback } from '../../server/db/publish';
import { ServiceError } from '../../server/errors';
import { seedIfEmpty } from '../../server/db/seed';
import { publishedVersion } from '../../server/db/versions';
import { emptyPglite, emptyTestPostgres, TEST_DATABASE_URL } from './harness';

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
        const conflict = (lost[0] as PromiseRejectedResult).reason as ServiceError;
        expect(conflict).toBeInstanceOf(ServiceError);
        expect(conflict.kind).toBe('conflict');
        const winner = (won[0] as PromiseFulfilledResult<number>).value;
        expect(conflictWinner(conflict)?.id).toBe(winner);
        expect(conflict.message).toContain(`Version ${winner} was published by`);
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

suite('PGlite', emptyPglite);
if (TEST_DATABASE_URL) {
  suite('PostgreSQL (TEST_DATABASE_URL)', async () => {
    const url = await emptyTestPostgres('versions');
    return openPostgres(url, () => undefined);
  });
}
