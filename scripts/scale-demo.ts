/**
 * `npm run demo:scale`: the dashboard on the scale sample — 36 months (2023M01–2025M12) of 40
 * indicators, 12 sectors and 2,000 projects — in its own database (./var/scale unless DATA_DIR or
 * DATABASE_URL says otherwise). A new database is seeded with the report, then given one
 * workbook per month through the monthly import (server/import/scale.ts), 36 versions, which
 * takes a few minutes the first time; a start interrupted half-way goes on from the last month
 * published. Every screen of it says 演示数据. A database holding anything else is left alone.
 */
import { pino } from 'pino';
import { SCALE_MONTHS } from '../data/scale';
import { ConfigError, readConfig } from '../server/config';
import { openDatabase } from '../server/db/client';
import { migrate } from '../server/db/migrate';
import { history } from '../server/db/publish';
import { seedDataset, seedIfEmpty } from '../server/db/seed';
import { loadScale, scaleWorkbookName } from '../server/import/scale';

const env = { ...process.env, DATA_DIR: process.env.DATA_DIR ?? './var/scale' };
let config;
try {
  config = readConfig(env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`Configuration error: ${error.message}\n`);
  process.exit(2);
}
const db = await openDatabase(config, pino({ level: config.logLevel, base: { service: 'beibei-demo-scale' } }));
try {
  await migrate(db);
  await seedIfEmpty(db, () => seedDataset(0));
  // Besides the report's first version, only the sample's months, in order, may be there.
  const [, ...later] = (await history(db)).reverse();
  const done = later.length;
  if (later.some((v, i) => v.sourceName !== scaleWorkbookName(SCALE_MONTHS[i] ?? ''))) {
    process.stderr.write(
      `${config.databaseUrl ? 'This database' : config.dataDir} holds other data; the scale sample needs a database of its own (DATA_DIR).\n`,
    );
    process.exit(1);
  }
  if (done < SCALE_MONTHS.length) {
    process.stdout.write(
      `Publishing the scale sample through the monthly import, a version a month (${done} done) …\n`,
    );
    await loadScale(db, {
      months: SCALE_MONTHS.slice(done),
      onStep: (s) =>
        process.stdout.write(
          `  version ${s.version}: ${s.file} (${(s.loadMs / 1000).toFixed(1)} s, ${s.warnings} warnings)\n`,
        ),
    });
  }
} finally {
  await db.close();
}
process.env.DATA_DIR = env.DATA_DIR;
await import('../server/main');
