/**
 * Test data as the API gives it: the datasets answered by the server's own answer logic. Unit
 * tests beside src/ take their data from here (the app's code may not import data/, server/ or
 * mocks/, its tests neither).
 */
import type { PeriodId, SectorId } from '../src/api/common';
import { http } from 'msw';
import type { ProjectDetail, ProjectFilter } from '../src/api/projects';
import { reportDataset } from '../data/dataset';
import { demoDataset } from '../data/demo';
import { largeProjectSet } from '../data/projects';
import { kpiList, metaOf, sectorList } from '../server/answers/figures';
import { queryProjects } from '../server/answers/projects';
import { MOCK_VERSION, problem } from '../mocks/handlers/common';
import { projectHandlers } from '../mocks/handlers/projects';
import { ENDPOINTS, scenarioHandlers } from '../mocks/scenarios';
import type { Endpoint } from '../mocks/scenarios';

export { problem } from '../mocks/handlers/common';
export { breakers, ENDPOINTS, failWith, malformed, slow } from '../mocks/scenarios';

/** The report's own data (what a new database serves) and the sample (data/demo.ts). */
const DATASETS = { report: reportDataset, sample: demoDataset };
export type DatasetName = keyof typeof DATASETS;

export const projectsOf = (dataset: DatasetName): readonly ProjectDetail[] => DATASETS[dataset].projects;

/** `/projects` for `filter`, as the API answers it. */
export const projectPage = (dataset: DatasetName | readonly ProjectDetail[], filter: ProjectFilter = {}) =>
  queryProjects(typeof dataset === 'string' ? projectsOf(dataset) : dataset, filter);

/** `/meta`, as the API answers it. */
export const metaOfDataset = (dataset: DatasetName) => metaOf(DATASETS[dataset], MOCK_VERSION);

/** `/kpis` items for a period (and sector) of the report. */
export const reportKpis = (period: PeriodId, sector: SectorId | null = null) =>
  kpiList(reportDataset, period, sector).items;

/** `/sectors` items for a period of the report. */
export const reportSectors = (period: PeriodId) => sectorList(reportDataset, period).items;

/** Handlers for the mock API: the sample dataset instead of the report's. */
export const sampleApi = () => scenarioHandlers('demo');

/** Handlers for the mock API: `/projects` over these projects. */
export const projectsApi = (projects: readonly ProjectDetail[]) => projectHandlers(() => projects);

export { largeProjectSet };

/** `endpoint` answering HTTP 500 until `heal()`, then as the mock API does. */
export function failingUntilHealed(endpoint: Endpoint) {
  let failing = true;
  return {
    handler: http.get(ENDPOINTS[endpoint], () => (failing ? problem(500, 'injected', 'injected HTTP 500') : undefined)),
    heal: () => {
      failing = false;
    },
  };
}
