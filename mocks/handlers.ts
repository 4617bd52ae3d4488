import { reportDataset } from '../data/dataset';
import type { Dataset } from '../data/dataset';
import type { DataVersion } from '../src/api/meta';
import { MOCK_VERSION } from './handlers/common';
import { kpiHandlers } from './handlers/kpis';
import { metaHandlers } from './handlers/meta';
import { projectHandlers } from './handlers/projects';
import { sectorHandlers } from './handlers/sectors';

/** Every endpoint over one dataset, published as data version `version`. */
export const datasetHandlers = (dataset: () => Dataset, version: DataVersion = MOCK_VERSION) => [
  ...metaHandlers(dataset, version),
  ...kpiHandlers(dataset, version),
  ...sectorHandlers(dataset, version),
  ...projectHandlers(
    () => dataset().projects,
    version,
    () => dataset().meta,
  ),
];

/** The happy path: the API as a new database serves it, with the report's figures only. */
export const handlers = datasetHandlers(() => reportDataset);
