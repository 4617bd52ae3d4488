import { reportDataset } from '../data/dataset';
import type { Dataset } from '../data/dataset';
import { kpiHandlers } from './handlers/kpis';
import { metaHandlers } from './handlers/meta';
import { projectHandlers } from './handlers/projects';
import { sectorHandlers } from './handlers/sectors';

/** Every endpoint over one dataset. */
export const datasetHandlers = (dataset: () => Dataset) => [
  ...metaHandlers(dataset),
  ...kpiHandlers(dataset),
  ...sectorHandlers(dataset),
  ...projectHandlers(() => dataset().projects),
];

/** The happy path: the API as a new database serves it, with the report's figures only. */
export const handlers = datasetHandlers(() => reportDataset);
