import { defineCatalog } from '../../lib/i18n';

export const kpiMessages = defineCatalog(
  {
    'page.title': '经济运行总览',
    'what.kpis': '主要指标',
    noData: '本期无数据',
  },
  {
    'page.title': 'Economic overview',
    'what.kpis': 'headline figures',
    noData: 'No data for this period',
  },
);
