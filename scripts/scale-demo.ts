/**
 * `npm run demo:scale`: the dashboard on the scale sample — 36 months (2023M01–2025M12) of 40
 * indicators, 12 sectors and 2,000 projects — in its own database (./var/scale unless DATA_DIR or
 * DATABASE_URL says otherwise). A new database is seeded with the report, then given one
 * workbook per month through the monthly import (server/import/scale.ts), 36 versions, which
 * takes a few minutes the first time; a start interrupted half-way goes on from the last month
 * published. Every screen of it says 演示数据. A database holding anything else is left alone.
 */
import { SCALE_MONTHS } from '../data/scale';
import { history } from '../server/db/publish';
import { loadScale, scaleWorkbookName } from '../server/import/scale';
import { prepareSampleDatabase, refuseDatabase } from '../server/sampleDatabase';

await prepareSampleDatabase('scale', async (db, config) => {
  // Besides the report's first version, only the sample's months, in order, may be there.
  const [, ...later] = (await history(db)).reverse();
  const done = later.length;
  if (later.some((v, i) => v.sourceName !== scaleWorkbookName(SCALE_MONTHS[i] ?? ''))) {
    refuseDatabase(config, 'other data', 'the scale sample');
  }
  if (done >= SCALE_MONTHS.length) return;
  process.stdout.write(`Publishing the scale sample through the monthly import, a version a month (${done} done) …\n`);
  await loadScale(db, {
    months: SCALE_MONTHS.slice(done),
    onStep: (s) =>
      process.stdout.write(
        `  version ${s.version}: ${s.file} (${(s.loadMs / 1000).toFixed(1)} s, ${s.warnings} warnings)\n`,
      ),
  });
});
await import('../server/main');
