/** The first data version, seeded from data/ on the first start. */
import { reportDataset } from '../../data/dataset';
import type { Dataset } from '../../data/dataset';
import { demoDataset } from '../../data/demo';
import { largeProjectSet } from '../../data/projects';
import type { Db } from './client';
import { WRITE_LOCK } from './migrate';
import { writeVersion } from './versions';

/**
 * Seeds the first version from `dataset` unless a version exists. One transaction, so a start
 * killed half-way leaves nothing and the next start seeds again. Returns the version written.
 */
export async function seedIfEmpty(db: Db, dataset: () => Dataset, onSeeding?: () => void): Promise<number | null> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
    const [row] = await tx.query<{ n: number }>('SELECT COUNT(*)::integer AS n FROM data_versions');
    if ((row?.n ?? 0) > 0) return null;
    const data = dataset();
    onSeeding?.();
    return writeVersion(tx, data, {
      publishedBy: 'seed',
      sourceName: 'data/ (2023 mid-year report)',
      note: 'First version, seeded from the report dataset',
    });
  });
}

/**
 * The report's figures and the projects it names; with `extraProjects` (benchmarks only), the
 * sample dataset with generated projects added up to that many: sample data, and labelled so.
 */
export function seedDataset(extraProjects = 0): Dataset {
  if (extraProjects <= 0) return reportDataset;
  return { ...demoDataset, projects: largeProjectSet(demoDataset.projects.length + extraProjects) };
}
