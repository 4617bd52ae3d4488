import { kpiHandlers } from './handlers/kpis';
import { metaHandlers } from './handlers/meta';
import { projectHandlers } from './handlers/projects';
import { sectorHandlers } from './handlers/sectors';

/** The happy path: the API as the report describes it. */
export const handlers = [...metaHandlers, ...kpiHandlers, ...sectorHandlers, ...projectHandlers()];
