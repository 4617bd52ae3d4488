import { reportDataset } from '../data/dataset';
import type { Dataset } from '../data/dataset';
import type { DataVersion } from '../src/api/meta';
import { MOCK_VERSION } from './handlers/common';
import { kpiHandlers } from './handlers/kpis';
import { metaHandlers } from './handlers/meta';
import { projectHandlers } from './handlers/projects';
import { sectorHandlers } from './handlers/sectors';
import { firstVersion, versionHandlers } from './handlers/versions';
import type { MockVersion } from './handlers/versions';

/**
 * Every endpoint over one dataset, published as data version `version` (by default its first:
 * `history` holds the versions before it, if any, oldest first, ending with this one).
 */
export const datasetHandlers = (
  dataset: () => Dataset,
  version: DataVersion = MOCK_VERSION,
  history: () => readonly MockVersion[] = () => firstVersion(dataset, version),
) => [
  ...metaHandlers(dataset, version),
  ...kpiHandlers(dataset, version),
  ...sectorHandlers(dataset, version),
  ...projectHandlers(
    () => dataset().projects,
    version,
    () => dataset().meta,
  ),
  ...versionHandlers(history),
];

/** The happy path: the API as a new database serves it, with the report's figures only. */
export const handlers = datasetHandlers(() => reportDataset);
