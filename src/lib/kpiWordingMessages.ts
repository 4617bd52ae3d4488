import { defineCatalog } from './i18n';
import type { CatalogKey } from './i18n';

/**
 * How a figure stands: its pace against the annual target and the calendar (序时进度), its change
 * on last year, its plan completion and its comparisons. One wording for the dashboard's tiles and
 * the wall screen; see kpiWording.ts for which line applies.
 */
export const kpiWordingMessages = defineCatalog(
  {
    'pace.ahead': '快于序时进度 {points} 个百分点',
    'pace.behind': '慢于序时进度 {points} 个百分点',
    'pace.onSchedule': '与序时进度持平',
    'pace.exceeded': '已完成全年目标',
    'pace.level.ahead': '高于目标 {points} 个百分点',
    'pace.level.behind': '低于目标 {points} 个百分点',
    'pace.level.onSchedule': '与目标持平',
    yoy: '同比 {value}',
    'yoy.flat': '同比持平',
    mom: '环比 {value}',
    'mom.flat': '环比持平',
    monthValue: '当月 {value}',
    planCompletion: '完成当期计划的 {value}',
    'compare.cityAverage': '比全市平均（{reference}）高 {difference}',
    'compare.cityAverage.below': '比全市平均（{reference}）低 {difference}',
    'compare.cityRank': '全市排名{rank}',
    'compare.district': '比全区（{reference}）高 {difference}',
    'compare.district.below': '比全区（{reference}）低 {difference}',
    'compare.contribution': '拉动全区增长 {difference}',
  },
  {
    'pace.ahead': 'ahead of schedule by {points} points',
    'pace.behind': 'behind schedule by {points} points',
    'pace.onSchedule': 'on schedule',
    'pace.exceeded': 'annual target reached',
    'pace.level.ahead': 'above target by {points} points',
    'pace.level.behind': 'below target by {points} points',
    'pace.level.onSchedule': 'at target',
    yoy: '{value} year on year',
    'yoy.flat': 'unchanged year on year',
    mom: '{value} on the month before',
    'mom.flat': 'unchanged on the month before',
    monthValue: '{value} in the month',
    planCompletion: '{value} of the period’s plan',
    'compare.cityAverage': '{difference} above the city average ({reference})',
    'compare.cityAverage.below': '{difference} below the city average ({reference})',
    'compare.cityRank': 'ranks {rank} in the city',
    'compare.district': '{difference} above the district as a whole ({reference})',
    'compare.district.below': '{difference} below the district as a whole ({reference})',
    'compare.contribution': 'adds {difference} to the district’s growth',
  },
);

export type KpiWordingKey = CatalogKey<typeof kpiWordingMessages>;
