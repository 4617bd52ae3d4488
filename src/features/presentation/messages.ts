import { defineCatalog } from '../../lib/i18n';

export const presentationMessages = defineCatalog(
  {
    title: '经济运行大屏',
    'what.kpis': '主要指标',
  },
  {
    title: 'Economy wall screen',
    'what.kpis': 'headline figures',
  },
);
