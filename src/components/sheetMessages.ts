import { defineCatalog } from '../lib/i18n';

/** The import template's sheets by name, as the admin page and the data updates page show them. */
export const sheetMessages = defineCatalog(
  {
    sectorCatalog: '产业目录',
    kpiGroupCatalog: '指标分组',
    indicatorCatalog: '指标目录',
    indicators: '指标',
    sectors: '产业',
    projects: '项目',
  },
  {
    sectorCatalog: 'Sector catalog',
    kpiGroupCatalog: 'Indicator groups',
    indicatorCatalog: 'Indicator catalog',
    indicators: 'Indicators',
    sectors: 'Sectors',
    projects: 'Projects',
  },
);
