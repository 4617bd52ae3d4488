/** Choosing the database from the configuration, and the dataset the first start seeds. */
import type { Logger } from 'pino';
import { reportDataset } from '../data/dataset';
import type { Dataset } from '../data/dataset';
import { largeProjectSet } from '../data/projects';
import type { Config } from './config';
import { openPglite, openPostgres } from './db';
import type { Db } from './db';

export function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>, logger: Logger): Promise<Db> {
  if (config.databaseUrl) {
    return Promise.resolve(
      openPostgres(config.databaseUrl, (error) => logger.warn({ err: error }, 'a PostgreSQL connection was lost')),
    );
  }
  return openPglite(config.dataDir);
}

/**
 * The report's figures and key projects; with `extraProjects` (benchmarks only), generated
 * projects marked illustrative bring the list up to that many.
 */
export function seedDataset(extraProjects = 0): Dataset {
  if (extraProjects <= 0) return reportDataset;
  return { ...reportDataset, projects: largeProjectSet(reportDataset.projects.length + extraProjects) };
}
