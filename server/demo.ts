/**
 * `npm run demo`: the dashboard on the sample dataset, in its own database (./var/demo unless
 * DATA_DIR or DATABASE_URL says otherwise). A new demo database is seeded with the report and
 * then given the sample through the monthly import, one workbook of data/demo/ per version, so
 * the demo exercises exactly what an office does each month; every screen of it says 演示数据.
 * A database that holds official data is never turned into a demo.
 */
import { loadFigures } from './db/figures';
import { history } from './db/publish';
import { publishedVersion } from './db/versions';
import { demoWorkbooks, loadDemo } from './import/demo';
import { prepareSampleDatabase, refuseDatabase } from './sampleDatabase';

await prepareSampleDatabase('demo', async (db, config) => {
  const current = await publishedVersion(db);
  const sample = current ? (await loadFigures(db, current.id)).meta.sample : false;
  if (sample) return;
  if ((await history(db)).length > 1) refuseDatabase(config, 'official data', 'the demo');
  process.stdout.write('Loading the sample data through the monthly import…\n');
  for (const step of await loadDemo(db, demoWorkbooks())) {
    process.stdout.write(`  version ${step.version}: ${step.file}\n`);
  }
});
await import('./main');
