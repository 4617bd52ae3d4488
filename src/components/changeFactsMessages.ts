import { defineCatalog } from '../lib/i18n';

/** The facts of a change of the data: its date and its periods (an upload's preview, a published version). */
export const changeFactsMessages = defineCatalog(
  {
    asOf: '数据截至',
    asOfChange: '{before} → {after}',
    asOfSame: '{date}（不变）',
    periodsAdded: '新增时期',
    periodsRemoved: '删除时期',
    none: '无',
  },
  {
    asOf: 'Data as of',
    asOfChange: '{before} → {after}',
    asOfSame: '{date} (unchanged)',
    periodsAdded: 'Periods added',
    periodsRemoved: 'Periods removed',
    none: 'None',
  },
);
