import { defineCatalog } from '../lib/i18n';
import type { CatalogKey } from '../lib/i18n';

/** How sample data (the demo) names itself on every screen and in every export. */
export const sampleMessages = defineCatalog(
  {
    'sample.label': '演示数据 · 非正式统计',
    'sample.detail': '本看板显示的是演示用的示例数据，不是北碚区的正式统计数据，请勿引用。',
  },
  {
    'sample.label': 'Sample data, not official statistics',
    'sample.detail':
      'This dashboard shows sample data for demonstration, not official statistics of Beibei District: do not quote it.',
  },
);
export type SampleMessageKey = CatalogKey<typeof sampleMessages>;
