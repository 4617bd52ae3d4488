/**
 * `npm run demo`: the dashboard on the sample dataset, in its own database (./var/demo unless
 * DATA_DIR or DATABASE_URL says otherwise). A new demo database is seeded with the report and
 * then given the sample through the monthly import, one workbook of data/demo/ per version, so
 * the demo exercises exactly what an office does each month; every screen of it says 演示数据.
 * A database that holds official data is never turned into a demo.
 */
import { pino } from 'pino';
import { ConfigError, readConfig } from './config';
import { openDatabase } from './db/client';
import { loadFigures } from './db/figures';
import { migrate } from './db/migrate';
import { history } from './db/publish';
import { seedDataset, seedIfEmpty } from './db/seed';
import { publishedVersion } from './db/versions';
import { demoWorkbooks, loadDemo } from './import/demo';

const env = { ...process.env, DATA_DIR: process.env.DATA_DIR ?? './var/demo' };
let config;
try {
  config = readConfig(env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`Configuration error: ${error.message}\n`);
  process.exit(2);
}
const logger = pino({ level: config.logLevel, base: { service: 'beibei-demo' } });
const db = await openDatabase(config, logger);
try {
  await migrate(db);
  await seedIfEmpty(db, () => seedDataset(0));
  const current = await publishedVersion(db);
  const sample = current ? (await loadFigures(db, current.id)).meta.sample : false;
  if (!sample) {
    if ((await history(db)).length > 1) {
      process.stderr.write(
        `${config.databaseUrl ? 'This database' : config.dataDir} holds official data; the demo needs a database of its own (DATA_DIR).\n`,
      );
      process.exit(1);
    }
    process.stdout.write('Loading the sample data through the monthly import…\n');
    for (const step of await loadDemo(db, demoWorkbooks())) {
      process.stdout.write(`  version ${step.version}: ${step.file}\n`);
    }
  }
} finally {
  await db.close();
}
process.env.DATA_DIR = env.DATA_DIR;
await import('./main');
