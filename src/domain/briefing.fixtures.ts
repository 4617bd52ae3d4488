/**
 * Figures for the briefing's unit tests, as the API answers them: the report's own (2023 H1, Jan–Jul
 * and as of 26 August), each with the line it comes from and the digits it is printed with.
 */
import type { Measure, Provenance, Unit } from '../api/common';
import type { Kpi } from '../api/kpis';
import type { SectorFigure } from '../api/sectors';
import { kpi, reported, sectorFigure } from '../../tests/factories';

export const derivedFrom = (formula: string): Provenance => ({ kind: 'derived', formula });

/** A measure as the report prints it: `digits` significant digits. */
export const printed = (
  value: number,
  unit: Unit,
  digits: number,
  provenance: Provenance,
  extra: Partial<Measure> = {},
): Measure => ({ value, unit, digits, provenance, ...extra });
/** An amount in 亿元. */
export const yi = (v: number, digits: number, provenance: Provenance, extra: Partial<Measure> = {}) =>
  printed(v * 1e8, 'cny', digits, provenance, extra);
export const pct = (v: number, digits: number, provenance: Provenance) => printed(v, 'percent', digits, provenance);
export const pp = (v: number, digits: number, provenance: Provenance) => printed(v, 'pp', digits, provenance);

/** An indicator of 2023 H1 named in both languages, with nothing but what `over` gives it. */
const named = (id: string, zh: string, en: string, over: Partial<Kpi> = {}): Kpi =>
  kpi(id, { label: { 'zh-CN': zh, en }, group: 'industry', value: null, ...over });

/** A fact beside a figure. */
export const fact = (zh: string, en: string, value: Measure) => ({ label: { 'zh-CN': zh, en }, value });

const task156 = { completion: pct(156, 3, reported('L52')), kpi: 'attraction-target-completion' };

/** The report's figures for 2023 H1 (L32–L104). */
export const H1 = {
  gdpShare: named('industry-gdp-share', '工业占GDP比重', 'Industry share of GDP', {
    value: pct(45.3, 3, reported('L32')),
  }),
  outputGrowth: named('industrial-output-growth', '规上工业总产值增速', 'Above-scale industrial output growth', {
    value: pct(-5.4, 2, derivedFrom('2.4 − 7.8 (L81)')),
  }),
  /** The district's output of 2022, derived from the electronics industry's (L36). */
  output2022: named('industrial-output', '规上工业总产值', 'Above-scale industrial gross output', {
    period: '2022',
    valuePeriod: '2022',
    value: yi(918.7, 4, derivedFrom('550.29亿元 ÷ 59.9% (L36)')),
    target: { period: '2023', kind: 'cumulative', value: yi(1000, 4, reported('L32')) },
  }),
  valueAddedTarget: named(
    'industrial-value-added-growth',
    '规上工业增加值增速',
    'Above-scale industrial value-added growth',
    {
      valuePeriod: null,
      target: { period: '2023', kind: 'level', value: pct(8, 1, reported('L32')) },
    },
  ),
  manufacturingTarget: named('manufacturing-investment', '制造业投资', 'Manufacturing investment', {
    valuePeriod: null,
    target: { period: '2023', kind: 'cumulative', value: yi(150, 3, reported('L32')) },
  }),
  signed: named('investment-signed', '签约资金', 'Investment signed', {
    group: 'attraction',
    value: yi(180, 3, reported('L52')),
    periodTarget: task156,
    target: { period: '2023', kind: 'cumulative', value: yi(400, 3, reported('L54')) },
  }),
  arrived: named('investment-arrived', '到位资金', 'Investment arrived', {
    group: 'attraction',
    value: yi(70, 2, reported('L52')),
    yoy: pct(41, 2, reported('L52')),
    periodTarget: task156,
    target: { period: '2023', kind: 'cumulative', value: yi(150, 3, reported('L54'), { qualifier: 'atLeast' }) },
  }),
  completion: named('attraction-target-completion', '完成当期招商目标任务', 'Investment attraction vs period target', {
    group: 'attraction',
    value: pct(156, 3, reported('L52')),
    periodTarget: task156,
  }),
  startRate: named('project-start-rate', '落地开工率', 'Project start rate', {
    group: 'attraction',
    value: pct(65, 2, reported('L52')),
    comparisons: [
      {
        kind: 'cityAverage',
        reference: pct(58, 2, derivedFrom('65 − 7 (L52)')),
        difference: pp(7, 1, reported('L52')),
      },
    ],
  }),
  keyProjects: named('key-projects', '重点建设项目完成投资', 'Key construction projects: investment completed', {
    group: 'projects',
    value: yi(139.73, 5, reported('L56')),
    planCompletion: pct(119.8, 4, reported('L56')),
    facts: [fact('重点建设项目', 'Key construction projects', printed(198, 'projects', 3, reported('L56')))],
  }),
  municipal: named(
    'municipal-key-projects',
    '区牵头市级重点项目完成投资',
    'Municipal key projects led by Beibei: investment completed',
    {
      group: 'projects',
      value: yi(19.23, 4, reported('L58')),
      planCompletion: pct(139.2, 4, reported('L58')),
      facts: [
        fact(
          '区牵头市级重点建设项目',
          'Municipal key projects led by Beibei',
          printed(22, 'projects', 2, reported('L58')),
        ),
        fact(
          '纳入市级重点项目清单',
          'Projects on the municipal key list',
          printed(48, 'projects', 2, reported('L56-L58')),
        ),
      ],
    },
  ),
  entities: named('private-entities', '民营经济市场主体', 'Private market entities', {
    group: 'private',
    value: printed(87100, 'entities', 3, reported('L81')),
    yoy: pct(10, 3, reported('L81')),
    facts: [
      fact('新发展市场主体', 'New entities', printed(8000, 'entities', 4, reported('L81'), { qualifier: 'over' })),
    ],
  }),
  privateOutput: named(
    'private-industrial-output-growth',
    '规上民营工业总产值增速',
    'Above-scale private industrial output growth',
    {
      group: 'private',
      value: pct(2.4, 2, reported('L81')),
      comparisons: [
        {
          kind: 'district',
          reference: pct(-5.4, 2, derivedFrom('2.4 − 7.8 (L81)')),
          difference: pp(7.8, 2, reported('L81')),
        },
        { kind: 'contribution', reference: null, difference: pp(1.8, 2, reported('L81')) },
      ],
    },
  ),
  loans: named('tech-firm-loans', '科技型企业获得贷款', 'Loans to tech firms', {
    group: 'sme',
    value: yi(0.55, 4, reported('L104')),
  }),
  rd: named('rd-institutions', '推荐市级备案新型研发机构', 'Recommended as municipal new-type R&D institutions', {
    group: 'sme',
    value: printed(1, 'firms', 1, reported('L104')),
    facts: [
      fact(
        '储备区级新型研发机构',
        'Held in reserve as district R&D institutions',
        printed(4, 'firms', 1, reported('L104')),
      ),
    ],
  }),
};

/** The report's figures of 26 August (L74–L102), under the period 2023D0826. */
export const AS_OF_REPORT = {
  support: named('private-support', '政策资金惠及民营企业', 'Private firms receiving policy funds', {
    group: 'private',
    period: '2023D0826',
    valuePeriod: '2023D0826',
    value: printed(108, 'firms', 3, reported('L74')),
    facts: [fact('直接扶持市场主体', 'Businesses supported directly', printed(47, 'firms', 2, reported('L74')))],
  }),
  giants: named('little-giants', '国家专精特新“小巨人”企业', 'National "little giant" firms', {
    group: 'sme',
    period: '2023D0826',
    valuePeriod: '2023D0826',
    value: printed(18, 'firms', 2, reported('L102')),
  }),
  srdi: named('municipal-srdi-firms', '市级“专精特新”企业', 'Municipal specialised SMEs (专精特新)', {
    group: 'sme',
    period: '2023D0826',
    valuePeriod: '2023D0826',
    value: printed(242, 'firms', 3, reported('L102')),
    facts: [
      fact('今年新认定', 'Newly recognised in 2023', printed(79, 'firms', 2, reported('L102'))),
      fact('新认定数量全市排名', 'City rank by newly recognised firms', printed(4, 'rank', 1, reported('L102'))),
    ],
  }),
};

export const sector = (
  id: SectorFigure['id'],
  zh: string,
  en: string,
  group: SectorFigure['group'],
  over: Partial<SectorFigure> = {},
): SectorFigure => sectorFigure(id, { label: { 'zh-CN': zh, en }, group, ...over });

const L42 = { kind: 'reported', source: 'L42', assumedPeriod: true } as const;

/** The report's sectors for Jan–Jul 2023 (L38–L42; L42 gives no period). */
export const SECTORS_M07: SectorFigure[] = [
  sector('electronics', '电子信息', 'Electronic information', 'leading'),
  sector('automotive', '汽车', 'Automotive', 'leading', {
    output: yi(56.67, 4, reported('L38')),
    growth: pct(10.8, 3, reported('L38')),
  }),
  sector('equipment', '装备', 'Equipment', 'leading', {
    output: yi(54.66, 4, reported('L40')),
    growth: pct(7.4, 2, reported('L40')),
  }),
  sector('pharma', '医药', 'Pharmaceuticals', 'multipoint', { output: yi(38.62, 4, L42), growth: pct(12.8, 3, L42) }),
  sector('materials', '材料', 'Materials', 'multipoint', { output: yi(27.36, 4, L42), growth: pct(54.9, 3, L42) }),
  sector('energy', '能源', 'Energy', 'multipoint', { output: yi(36.25, 4, L42), growth: pct(8.9, 2, L42) }),
];
