/**
 * The database of a sample (`npm run demo`, `npm run demo:scale`): its own, ./var/<name> unless
 * DATA_DIR or DATABASE_URL says otherwise, migrated and seeded with the report's version, then
 * given the sample by the caller's `fill`, which may refuse a database holding other data. The
 * caller then starts the server on it (DATA_DIR is left pointing at it).
 */
import { pino } from 'pino';
import { ConfigError, readConfig } from './config';
import type { Config } from './config';
import type { Db } from './db/client';
import { openDatabase } from './db/client';
import { migrate } from './db/migrate';
import { seedDataset, seedIfEmpty } from './db/seed';

/** Refuses `config`'s database for the sample named `what`: it holds other data. */
export function refuseDatabase(config: Config, holds: string, what: string): never {
  process.stderr.write(
    `${config.databaseUrl ? 'This database' : config.dataDir} holds ${holds}; ${what} needs a database of its own (DATA_DIR).\n`,
  );
  process.exit(1);
}

export async function prepareSampleDatabase(
  name: string,
  fill: (db: Db, config: Config) => Promise<void>,
): Promise<void> {
  const env = { ...process.env, DATA_DIR: process.env.DATA_DIR ?? `./var/${name}` };
  let config: Config;
  try {
    config = readConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Configuration error: ${error.message}\n`);
    process.exit(2);
  }
  const db = await openDatabase(config, pino({ level: config.logLevel, base: { service: `beibei-${name}` } }));
  try {
    await migrate(db);
    await seedIfEmpty(db, () => seedDataset(0));
    await fill(db, config);
  } finally {
    await db.close();
  }
  process.env.DATA_DIR = env.DATA_DIR;
}
