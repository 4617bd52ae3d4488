/**
 * The embedded database's disk: PGlite runs no checkpointer, so its write-ahead log grew with
 * every version published until the database was closed (128 MB of a three-year database's
 * 259 MB). A publish or a rollback ends with the log back at its minimum, 2 segments of 16 MB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportDataset } from '../../data/dataset';
import type { Db } from '../../server/db/client';
import { migrate } from '../../server/db/migrate';
import { publish, rollback } from '../../server/db/publish';
import { seedDataset, seedIfEmpty } from '../../server/db/seed';
import { memoryPglite } from './harness';

const MB = 2 ** 20;

describe('the embedded database’s write-ahead log', () => {
  let db: Db;
  beforeAll(async () => {
    db = await memoryPglite();
    await migrate(db);
    await seedIfEmpty(db, () => seedDataset(0));
  });
  afterAll(() => db.close());

  const logBytes = async () =>
    Number((await db.query<{ bytes: string }>('SELECT sum(size)::text AS bytes FROM pg_ls_waldir()'))[0]?.bytes);
  /** About 50 MB of log, as many versions published in a row write. */
  const writeMuch = () =>
    db.exec(`CREATE TABLE IF NOT EXISTS scratch (x text);
      INSERT INTO scratch SELECT repeat(md5(g::text), 30) FROM generate_series(1, 50000) g;
      TRUNCATE scratch`);

  it('is back at 32 MB after a publish, however much was written before', async () => {
    await writeMuch();
    expect(await logBytes()).toBeGreaterThan(48 * MB);
    await publish(db, reportDataset, { publishedBy: 'wal', sourceName: 'report.xlsx', basedOn: 1 });
    expect(await logBytes()).toBeLessThanOrEqual(32 * MB);
  });

  it('and after a rollback', async () => {
    await writeMuch();
    expect(await logBytes()).toBeGreaterThan(48 * MB);
    await rollback(db, 1, 'wal');
    expect(await logBytes()).toBeLessThanOrEqual(32 * MB);
  });
});
