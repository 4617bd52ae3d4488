/**
 * The scale sample (`npm run demo:scale`, `npm run bench:scale`): a district economy over three
 * years of months, 2023M01–2025M12, as an office's monthly 经济运行 report would track it — 40
 * indicators in ten groups, 12 sectors and 2,000 key projects moving through their stages. Every
 * value is illustrative: the database it is imported into becomes sample data, labelled as such.
 *
 * `scaleDataset(month)` is the data as the office had it that month: figures up to that month,
 * that year's targets, the catalog of that year. The catalog changes twice, each in January: in
 * 2024 the office reports 网络零售额 and splits 智能仪器仪表 out of 装备, in 2025 it reports
 * 旅游综合收入 and splits 集成电路 out of 电子信息 (earlier months keep the old grouping).
 *
 * What holds in every month (tests/server/scale.test.ts): cumulative 1–n月 totals never fall
 * within a year; the sectors' shares add up to 100 %; their outputs and firms add up to the
 * district's 规上工业总产值 and 规上工业企业; parts stay below their whole (税收 ≤ 一般公共预算收入,
 * 制造业投资 ≤ 工业投资 ≤ 固定资产投资, 出口 + 进口 = 进出口); each project's completed investment is
 * at most its planned one, and the projects' completed investment is 重点建设项目完成投资; 同比 is
 * the change against the same month a year earlier (2022, not published, is generated for it).
 */
import type { LocalizedText, PeriodId, ProjectTypeId, SectorId, StageId, Unit } from '../src/api/common';
import type { KpiGroupInfo, PeriodInfo, SectorInfo } from '../src/api/meta';
import type { ProjectDetail } from '../src/api/projects';
import { reportDataset } from './dataset';
import type { Dataset, SectorFigureRow } from './dataset';
import { apportion, illustrative, mulberry32, raw } from './measure';
import type { KpiDefinition, KpiDirection, KpiPeriodValue } from './report';

/** 2022 is generated for the 同比 of 2023 only; the sample publishes 2023–2025. */
const BASE_YEAR = 2022;
const YEARS = [2023, 2024, 2025] as const;
/** Months are indexed from January of BASE_YEAR: 12 is 2023M01, 47 is 2025M12. */
const MONTHS = (YEARS.length + 1) * 12;
const FIRST_PUBLISHED = 12;

const yearOf = (t: number) => BASE_YEAR + Math.floor(t / 12);
const monthOf = (t: number) => (((t % 12) + 12) % 12) + 1;
const monthId = (t: number): PeriodId => `${yearOf(t)}M${String(monthOf(t)).padStart(2, '0')}`;
const isoDay = (t: number, day: number) => `${monthId(t).replace('M', '-')}-${String(day).padStart(2, '0')}`;
const monthEnd = (t: number) => isoDay(t, new Date(Date.UTC(yearOf(t), monthOf(t), 0)).getUTCDate());

/** The sample's 36 months, in order: 2023M01 … 2025M12. */
export const SCALE_MONTHS: readonly PeriodId[] = Array.from({ length: MONTHS - FIRST_PUBLISHED }, (_, i) =>
  monthId(FIRST_PUBLISHED + i),
);

const indexOf = (month: PeriodId): number => {
  const t = SCALE_MONTHS.indexOf(month);
  if (t < 0) throw new Error(`${month} is not a month of the scale sample (${SCALE_MONTHS[0]}–${SCALE_MONTHS.at(-1)})`);
  return t + FIRST_PUBLISHED;
};

/** A month's weight in its year (Spring Festival lows, the December push); they add up to 12. */
const SEASON = [0.78, 0.7, 1.0, 0.96, 1.0, 1.08, 0.96, 0.95, 1.04, 0.98, 1.05, 1.5];

const round = (x: number, step: number) => Number((Math.round(x / step) * step).toPrecision(15));
const percent = (x: number) => Math.round(x * 1000) / 10;
const text = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/* ------------------------------------------------------------------------------------------ */
/* Sectors                                                                                     */

interface SectorSpec {
  /** Share of the district's above-scale output in the base year, growth a year, firms in the base year. */
  weight: number;
  growth: number;
  firms: number;
  /** Reported under this sector until the year `since`, when the office lists it on its own. */
  parent?: SectorId;
  since?: number;
}

const NEW_SECTORS: SectorInfo[] = (
  [
    ['food', '食品及农产品加工', 'Food and farm produce processing', 'multipoint', '#00796B', '#4DB6AC'],
    ['aviation', '通用航空', 'General aviation', 'multipoint', '#3949AB', '#9FA8DA'],
    ['instruments', '智能仪器仪表', 'Smart instruments', 'leading', '#8D4E2B', '#D7A27F'],
    ['integrated-circuits', '集成电路', 'Integrated circuits', 'leading', '#2E7D32', '#81C784'],
  ] as const
).map(([id, zh, en, group, light, dark]) => ({ id, label: text(zh, en), group, color: { light, dark } }));

const SECTOR_SPECS: Record<SectorId, SectorSpec> = {
  electronics: { weight: 0.5, growth: 0.07, firms: 78 },
  automotive: { weight: 0.1, growth: 0.09, firms: 51 },
  equipment: { weight: 0.08, growth: 0.06, firms: 62 },
  motorcycle: { weight: 0.04, growth: 0.03, firms: 24 },
  materials: { weight: 0.05, growth: 0.12, firms: 33 },
  pharma: { weight: 0.06, growth: 0.1, firms: 29 },
  consumer: { weight: 0.03, growth: 0.04, firms: 27 },
  energy: { weight: 0.04, growth: 0.05, firms: 12 },
  food: { weight: 0.02, growth: 0.05, firms: 21 },
  aviation: { weight: 0.01, growth: 0.18, firms: 6 },
  instruments: { weight: 0.03, growth: 0.08, firms: 14, parent: 'equipment', since: 2024 },
  'integrated-circuits': { weight: 0.04, growth: 0.15, firms: 9, parent: 'electronics', since: 2025 },
};

const ALL_SECTORS: SectorInfo[] = [...reportDataset.meta.sectors, ...NEW_SECTORS];

/** The sectors the office lists in `year`, in the catalog's order. */
const sectorsIn = (year: number) => ALL_SECTORS.filter((s) => (SECTOR_SPECS[s.id]?.since ?? 0) <= year);

/** The sector a sector's figures are reported under in `year`. */
const reportedAs = (id: SectorId, year: number): SectorId => {
  const spec = SECTOR_SPECS[id];
  return spec?.parent && (spec.since ?? 0) > year ? spec.parent : id;
};

/* ------------------------------------------------------------------------------------------ */
/* Monthly series                                                                              */

/** A flow's amount in each month: `annual` in the base year, growing by about `growth` a year. */
function monthlyFlow(rand: () => number, annual: number, growth: number, noise = 0.06): number[] {
  const yearly = Array.from({ length: YEARS.length + 1 }, () => growth + (rand() - 0.5) * 0.04);
  let level = annual / 12;
  return Array.from({ length: MONTHS }, (_, t) => {
    if (t > 0 && monthOf(t) === 1) level *= 1 + (yearly[Math.floor(t / 12)] ?? growth);
    return level * (SEASON[monthOf(t) - 1] ?? 1) * (1 + (rand() - 0.5) * 2 * noise);
  });
}

/** Running totals from January (1–n月累计), rounded to `step`: never falling within a year. */
function cumulative(monthly: readonly number[], step: number): number[] {
  let running = 0;
  return monthly.map((v, t) => {
    running = monthOf(t) === 1 ? v : running + v;
    return round(running, step);
  });
}

/** A level at each month's end (a stock: deposits, firms), from `start` growing by about `growth` a year. */
function stock(rand: () => number, start: number, growth: number, step: number, noise = 0.004): number[] {
  let level = start;
  return Array.from({ length: MONTHS }, () => {
    level *= (1 + growth) ** (1 / 12) * (1 + (rand() - 0.5) * 2 * noise);
    return round(level, step);
  });
}

/** A rate around `mean` (a percentage as the office reports it), one decimal. */
const rate = (rand: () => number, mean: number, swing: number) =>
  Array.from({ length: MONTHS }, (_, t) => round(mean + swing * (Math.sin(t / 3) * 0.6 + (rand() - 0.5) * 0.8), 0.1));

/* ------------------------------------------------------------------------------------------ */
/* Projects                                                                                    */

const PLACES: [string, string][] = [
  ['蔡家', 'Caijia'],
  ['水土', 'Shuitu'],
  ['歇马', 'Xiema'],
  ['童家溪', 'Tongjiaxi'],
  ['施家梁', 'Shijialiang'],
  ['静观', 'Jingguan'],
  ['天府', 'Tianfu'],
  ['澄江', 'Chengjiang'],
  ['东阳', 'Dongyang'],
  ['龙凤桥', 'Longfengqiao'],
  ['复兴', 'Fuxing'],
  ['三圣', 'Sansheng'],
  ['柳荫', 'Liuyin'],
  ['金刀峡', 'Jindaoxia'],
  ['天生', 'Tiansheng'],
  ['朝阳', 'Chaoyang'],
  ['缙云', 'Jinyun'],
  ['嘉陵', 'Jialing'],
  ['北温泉', 'Beiwenquan'],
  ['双凤', 'Shuangfeng'],
  ['悦来', 'Yuelai'],
  ['同兴', 'Tongxing'],
  ['马鞍溪', "Ma'anxi"],
  ['西山坪', 'Xishanping'],
];

const THINGS: Record<ProjectTypeId, [string, string][]> = {
  manufacturing: [
    ['智能制造基地', 'smart manufacturing base'],
    ['零部件生产线', 'components line'],
    ['标准厂房', 'standard factory buildings'],
    ['技术改造项目', 'technical upgrade'],
    ['研发制造中心', 'R&D and manufacturing centre'],
    ['扩能项目', 'capacity expansion'],
  ],
  transport: [
    ['道路改造工程', 'road upgrade'],
    ['立交工程', 'interchange'],
    ['隧道工程', 'tunnel'],
    ['干道拓宽工程', 'trunk road widening'],
    ['片区路网工程', 'local road network'],
  ],
  health: [
    ['社区卫生服务中心', 'community health centre'],
    ['医院扩建工程', 'hospital extension'],
  ],
  education: [
    ['中学新建工程', 'new secondary school'],
    ['幼儿园建设项目', 'kindergarten'],
    ['职业教育实训基地', 'vocational training base'],
  ],
  housing: [
    ['保障性租赁住房', 'affordable rental housing'],
    ['老旧小区改造', 'old estate renovation'],
  ],
  logistics: [
    ['冷链物流中心', 'cold-chain logistics centre'],
    ['仓储配送基地', 'warehousing and distribution base'],
  ],
  ecology: [
    ['生态修复工程', 'ecological restoration'],
    ['滨江公园建设', 'riverside park'],
    ['污水管网完善工程', 'sewer network'],
  ],
  urban: [
    ['城市更新项目', 'urban renewal'],
    ['街区提升工程', 'street improvement'],
  ],
  park: [
    ['科创园区', 'science and innovation park'],
    ['孵化器建设项目', 'incubator'],
  ],
  agritech: [
    ['现代农业示范园', 'modern farming demonstration park'],
    ['农产品加工园', 'farm produce processing park'],
  ],
  aerospace: [['通航产业园', 'general aviation park']],
};

const TYPE_WEIGHTS: [ProjectTypeId, number][] = [
  ['manufacturing', 38],
  ['transport', 20],
  ['health', 5],
  ['education', 8],
  ['housing', 7],
  ['logistics', 5],
  ['ecology', 6],
  ['urban', 5],
  ['park', 3],
  ['agritech', 2],
  ['aerospace', 1],
];

const SECTOR_WORDS: Record<SectorId, string> = {
  electronics: '电子信息',
  automotive: '汽车',
  equipment: '装备',
  motorcycle: '摩托车',
  materials: '新材料',
  pharma: '生物医药',
  consumer: '消费品',
  energy: '新能源',
  food: '食品',
  aviation: '通航',
  instruments: '仪器仪表',
  'integrated-circuits': '集成电路',
};

export const SCALE_PROJECT_COUNT = 2000;

function pickWeighted<T>(rand: () => number, items: readonly (readonly [T, number])[]): T {
  let r = rand() * items.reduce((a, [, w]) => a + w, 0);
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1]![0];
}

/** A project's life in month indexes: signed, preliminary work, construction and completion begin. */
interface ProjectPlan {
  id: string;
  name: string;
  nameEn: string;
  type: ProjectTypeId;
  /** The sector as the latest catalog has it; earlier years may report it under its parent. */
  sector: SectorId | null;
  level: 'municipal' | 'district';
  signed: number;
  preliminary: number;
  construction: number;
  completed: number;
  /** Start and completion day of month; total investment (yuan). */
  startDay: number;
  endDay: number;
  total: number;
  /** Planned and completed investment in each month (yuan, whole 万元). */
  planned: number[];
  done: number[];
}

function projectPlans(): ProjectPlan[] {
  const rand = mulberry32(2025_12);
  const seen = new Map<string, number>();
  const sectorWeights = Object.entries(SECTOR_SPECS).map(([id, s]) => [id, s.weight] as const);
  return Array.from({ length: SCALE_PROJECT_COUNT }, (_, i) => {
    const type = pickWeighted(rand, TYPE_WEIGHTS);
    const sector = type === 'manufacturing' ? pickWeighted(rand, sectorWeights) : null;
    const [place, placeEn] = PLACES[Math.floor(rand() * PLACES.length)]!;
    const things = THINGS[type];
    const [thing, thingEn] = things[Math.floor(rand() * things.length)]!;
    const base = `${place}${sector ? (SECTOR_WORDS[sector] ?? '') : ''}${thing}`;
    const phase = (seen.get(base) ?? 0) + 1;
    seen.set(base, phase);
    const sectorEn = sector ? `${ALL_SECTORS.find((s) => s.id === sector)?.label.en.toLowerCase() ?? ''} ` : '';
    const signed = Math.floor(rand() * 100) - 44;
    const preliminary = signed + 1 + Math.floor(rand() * 4);
    const construction = preliminary + 1 + Math.floor(rand() * 6);
    const completed = construction + 6 + Math.floor(rand() * 30);
    // Lognormal sizes around 5,000万元, from 1,000万 to 30亿.
    const normal = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
    const total = round(Math.min(3e9, Math.max(1e7, 5e7 * Math.exp(0.9 * normal))), 1e6);
    const planned = Array.from({ length: MONTHS }, (_, t) => {
      if (t >= preliminary && t < construction) return round((total * 0.03) / (construction - preliminary), 1e4);
      if (t >= construction && t < completed) return round((total * 0.92) / (completed - construction), 1e4);
      return 0;
    });
    return {
      id: `xm-${String(i + 1).padStart(4, '0')}`,
      name: phase > 1 ? `${base}（${phase}期）` : base,
      nameEn: `${placeEn} ${sectorEn}${thingEn}${phase > 1 ? ` (phase ${phase})` : ''}`,
      type,
      sector,
      level: rand() < 0.08 ? 'municipal' : 'district',
      signed,
      preliminary,
      construction,
      completed,
      startDay: 1 + Math.floor(rand() * 28),
      endDay: 1 + Math.floor(rand() * 28),
      total,
      planned,
      done: planned.map((p) => round(p * (0.72 + rand() * 0.28), 1e4)),
    };
  });
}

const stageAt = (p: ProjectPlan, t: number): StageId =>
  t < p.signed
    ? 'negotiating'
    : t < p.preliminary
      ? 'signed'
      : t < p.construction
        ? 'preliminary'
        : t < p.completed
          ? 'construction'
          : 'completed';

/** Planned and completed investment from January to month `t` (当期: 1–n月). */
function yearToDate(p: ProjectPlan, t: number): { planned: number; completed: number } {
  let planned = 0;
  let completed = 0;
  for (let s = t - monthOf(t) + 1; s <= t; s++) {
    planned += p.planned[s] ?? 0;
    completed += p.done[s] ?? 0;
  }
  return { planned: round(planned, 1e4), completed: round(completed, 1e4) };
}

/** Whether a project's row differs from the month before: a new stage, new money, or January's reset. */
const rowChanged = (p: ProjectPlan, t: number) =>
  stageAt(p, t) !== stageAt(p, t - 1) ||
  (p.planned[t] ?? 0) > 0 ||
  (monthOf(t) === 1 && yearToDate(p, t - 1).planned > 0);

const TYPE_TEXT: Record<ProjectTypeId, string> = {
  manufacturing: '产业项目',
  transport: '交通项目',
  health: '卫生项目',
  education: '教育项目',
  housing: '住房项目',
  logistics: '物流项目',
  ecology: '生态项目',
  urban: '城市更新项目',
  park: '园区项目',
  agritech: '农业项目',
  aerospace: '通航项目',
};

/** A project's row as the office lists it at month `t`. */
function projectAt(p: ProjectPlan, t: number): ProjectDetail {
  const stage = stageAt(p, t);
  const money = yearToDate(p, t);
  const started = stage === 'construction' || stage === 'completed';
  // The row last changed when its stage or its money did; the office dates it that month's end.
  let changed = t;
  while (changed > FIRST_PUBLISHED && !rowChanged(p, changed)) changed--;
  const hasMoney = money.planned > 0;
  return {
    id: p.id,
    name: p.name,
    nameEn: p.nameEn,
    description: `${TYPE_TEXT[p.type]}（示意数据）`,
    descriptionEn: 'Sample project (illustrative data)',
    sector: p.sector ? reportedAs(p.sector, yearOf(t)) : null,
    type: p.type,
    stage,
    level: p.level,
    investmentPeriod: hasMoney ? monthId(t) : null,
    planned: hasMoney ? raw(money.planned, 'cny', illustrative) : null,
    completed: hasMoney ? raw(money.completed, 'cny', illustrative) : null,
    totalInvestment: stage === 'negotiating' ? null : raw(p.total, 'cny', illustrative),
    start: started ? isoDay(p.construction, p.startDay) : null,
    expectedCompletion: stage === 'negotiating' ? null : isoDay(p.completed, p.endDay),
    lastUpdate: monthEnd(changed),
    provenance: illustrative,
    milestones: [],
  };
}

/* ------------------------------------------------------------------------------------------ */
/* Indicators                                                                                  */

const GROUPS: KpiGroupInfo[] = [
  { id: 'economy', label: text('综合', 'Economy overall') },
  ...reportDataset.meta.kpiGroups.filter((g) => g.id === 'industry'),
  { id: 'investment', label: text('投资', 'Investment') },
  { id: 'consumption', label: text('消费', 'Consumption') },
  { id: 'fiscal', label: text('财政金融', 'Public finance and banking') },
  { id: 'trade', label: text('对外开放', 'Foreign trade') },
  ...reportDataset.meta.kpiGroups.filter((g) => g.id !== 'industry'),
];

/** How an indicator's figures behave: a flow (1–n月累计), a stock at the month's end, or a rate. */
type Kind = 'flow' | 'stock' | 'rate';

/** Where an indicator's monthly figures come from. */
type Make =
  /** A flow of its own: its amount in the base year (yuan or count), its growth a year. */
  | { flow: number; growth: number; noise?: number; step?: number }
  /** A share of another flow, month by month, so it never exceeds it. */
  | { part: string; share: number }
  /** The sum of other flows' published running totals. */
  | { sum: string[] }
  /** A level at each month's end; counts of recognised firms grow without noise, so never fall. */
  | { stock: number; growth: number; step?: number; noise?: number }
  | { rate: number; swing: number }
  /** Added up from the sectors' rows or the project list (withTotals). */
  | { total: true };

interface Options {
  headline?: boolean;
  /** Reported at quarter ends only (GDP and what comes with it). */
  quarterly?: boolean;
  /** Flows and stocks: a target of growth over last year's figure (e.g. 0.07); rates: the level aimed at. */
  target?: number;
  /** First reported in January of this year. */
  since?: number;
}

type Row = [
  id: string,
  group: string,
  zh: string,
  en: string,
  unit: Unit,
  direction: KpiDirection,
  make: Make,
  options?: Options,
];

const YI = 1e8;

/**
 * The catalog, in its order within each group (the overview orders the groups as GROUPS does),
 * one indicator a line so that it reads as the table it is.
 */
// prettier-ignore
const INDICATORS: Row[] = [
  ['gdp', 'economy', '地区生产总值', 'Gross domestic product', 'cny', 'higher', { flow: 780 * YI, growth: 0.055 }, { headline: true, quarterly: true, target: 0.065 }],
  ['tertiary-value-added', 'economy', '第三产业增加值', 'Value added of services', 'cny', 'higher', { part: 'gdp', share: 0.46 }, { quarterly: true }],
  ['disposable-income', 'economy', '全体居民人均可支配收入', 'Disposable income per resident', 'cny', 'higher', { flow: 42_000, growth: 0.055, step: 1 }, { quarterly: true, target: 0.06 }],
  ['urban-unemployment', 'economy', '城镇调查失业率', 'Surveyed urban unemployment rate', 'percent', 'lower', { rate: 5.2, swing: 0.3 }, { target: 5.5 }],
  ['industrial-output', 'industry', '规上工业总产值', 'Above-scale industrial gross output', 'cny', 'higher', { total: true }, { headline: true, target: 0.08 }],
  ['industrial-value-added-growth', 'industry', '规上工业增加值增速', 'Above-scale industrial value-added growth', 'percent', 'higher', { rate: 7.4, swing: 1.6 }, { target: 8 }],
  ['above-scale-firms', 'industry', '规上工业企业', 'Above-scale industrial firms', 'firms', 'higher', { total: true }],
  ['industrial-profit', 'industry', '规上工业利润总额', 'Above-scale industrial profit', 'cny', 'higher', { flow: 52 * YI, growth: 0.04 }],
  ['industrial-sales-rate', 'industry', '工业产品销售率', 'Industrial sales ratio', 'percent', 'higher', { rate: 97.8, swing: 0.6 }],
  ['fixed-asset-investment', 'investment', '固定资产投资', 'Fixed-asset investment', 'cny', 'higher', { flow: 420 * YI, growth: 0.06 }, { headline: true, target: 0.08 }],
  ['industrial-investment', 'investment', '工业投资', 'Industrial investment', 'cny', 'higher', { part: 'fixed-asset-investment', share: 0.36 }],
  ['manufacturing-investment', 'industry', '制造业投资', 'Manufacturing investment', 'cny', 'higher', { part: 'industrial-investment', share: 0.82 }, { target: 0.1 }],
  ['infrastructure-investment', 'investment', '基础设施投资', 'Infrastructure investment', 'cny', 'higher', { part: 'fixed-asset-investment', share: 0.28 }],
  ['real-estate-investment', 'investment', '房地产开发投资', 'Real-estate development investment', 'cny', 'neutral', { part: 'fixed-asset-investment', share: 0.22 }],
  ['retail-sales', 'consumption', '社会消费品零售总额', 'Retail sales of consumer goods', 'cny', 'higher', { flow: 330 * YI, growth: 0.065 }, { headline: true, target: 0.07 }],
  ['catering-revenue', 'consumption', '餐饮收入', 'Catering revenue', 'cny', 'higher', { part: 'retail-sales', share: 0.13 }],
  ['online-retail', 'consumption', '网络零售额', 'Online retail sales', 'cny', 'higher', { part: 'retail-sales', share: 0.2 }, { since: 2024, target: 0.12 }],
  ['tourism-revenue', 'consumption', '旅游综合收入', 'Tourism revenue', 'cny', 'higher', { flow: 48 * YI, growth: 0.09 }, { since: 2025 }],
  ['public-budget-revenue', 'fiscal', '一般公共预算收入', 'General public budget revenue', 'cny', 'higher', { flow: 40 * YI, growth: 0.045 }, { headline: true, target: 0.05 }],
  ['tax-revenue', 'fiscal', '税收收入', 'Tax revenue', 'cny', 'higher', { part: 'public-budget-revenue', share: 0.7 }],
  ['public-budget-expenditure', 'fiscal', '一般公共预算支出', 'General public budget expenditure', 'cny', 'neutral', { flow: 76 * YI, growth: 0.03 }],
  ['deposits', 'fiscal', '金融机构本外币存款余额', 'Bank deposits outstanding', 'cny', 'higher', { stock: 1120 * YI, growth: 0.08, step: 1e6 }],
  ['loans', 'fiscal', '金融机构本外币贷款余额', 'Bank loans outstanding', 'cny', 'higher', { stock: 930 * YI, growth: 0.1, step: 1e6 }],
  ['foreign-trade', 'trade', '进出口总额', 'Foreign trade (exports and imports)', 'cny', 'higher', { sum: ['exports', 'imports'] }, { headline: true, target: 0.06 }],
  ['exports', 'trade', '出口额', 'Exports', 'cny', 'higher', { flow: 118 * YI, growth: 0.06, noise: 0.12 }, { target: 0.07 }],
  ['imports', 'trade', '进口额', 'Imports', 'cny', 'neutral', { flow: 57 * YI, growth: 0.03, noise: 0.12 }],
  ['foreign-capital', 'trade', '实际利用外资', 'Foreign capital used', 'cny', 'higher', { flow: 3.2 * YI, growth: 0.04 }, { target: 0.05 }],
  ['investment-signed', 'attraction', '签约资金', 'Investment signed', 'cny', 'higher', { flow: 360 * YI, growth: 0.07 }, { headline: true, target: 0.08 }],
  ['investment-arrived', 'attraction', '到位资金', 'Investment arrived', 'cny', 'higher', { part: 'investment-signed', share: 0.4 }, { target: 0.08 }],
  ['new-projects-signed', 'attraction', '新签约项目', 'New projects signed', 'projects', 'higher', { flow: 130, growth: 0.04, step: 1 }],
  ['key-projects', 'projects', '重点建设项目完成投资', 'Key construction projects: investment completed', 'cny', 'higher', { total: true }, { headline: true, target: 0.08 }],
  ['projects-under-construction', 'projects', '在建重点项目', 'Key projects under construction', 'projects', 'higher', { total: true }],
  ['projects-started', 'projects', '新开工重点项目', 'Key projects started', 'projects', 'higher', { total: true }],
  ['projects-completed', 'projects', '建成投产重点项目', 'Key projects completed', 'projects', 'higher', { total: true }],
  ['private-entities', 'private', '民营经济市场主体', 'Private market entities', 'entities', 'higher', { stock: 84_000, growth: 0.07, step: 100 }, { target: 0.06 }],
  ['new-market-entities', 'private', '新登记市场主体', 'New market entities registered', 'entities', 'higher', { flow: 16_000, growth: 0.03, step: 1 }],
  ['private-investment', 'private', '民间投资', 'Private investment', 'cny', 'higher', { part: 'fixed-asset-investment', share: 0.45 }],
  ['little-giants', 'sme', '国家专精特新“小巨人”企业', 'National "little giant" firms', 'firms', 'higher', { stock: 17, growth: 0.14, noise: 0 }],
  ['municipal-srdi-firms', 'sme', '市级“专精特新”企业', 'Municipal specialised SMEs (专精特新)', 'firms', 'higher', { stock: 230, growth: 0.16, noise: 0 }, { target: 0.15 }],
  ['high-tech-firms', 'sme', '高新技术企业', 'High-tech firms', 'firms', 'higher', { stock: 255, growth: 0.12, noise: 0 }, { target: 0.12 }],
];

/** Flows' counts and the totals made from projects are whole numbers; money is to 0.01亿元. */
const flowStep = (unit: Unit) => (unit === 'cny' ? 1e6 : 1);

/** The totals (withTotals) that count what there is at a month's end rather than what happened in it. */
const STOCK_TOTALS = new Set(['above-scale-firms', 'projects-under-construction']);

const kindOf = (make: Make, id: string): Kind =>
  'rate' in make ? 'rate' : 'stock' in make || STOCK_TOTALS.has(id) ? 'stock' : 'flow';

interface IndicatorSpec extends Options {
  id: string;
  group: string;
  label: LocalizedText;
  unit: Unit;
  kind: Kind;
  direction: KpiDirection;
  /** The published figure at each month: a running total for flows. */
  values: number[];
}

interface Generated {
  indicators: IndicatorSpec[];
  /** Each sector's output (yuan) in each month and its firms at each month's end. */
  sectorOutput: Map<SectorId, number[]>;
  sectorFirms: Map<SectorId, number[]>;
  projects: ProjectPlan[];
}

function generate(): Generated {
  const rand = mulberry32(2023_01);
  const sectorOutput = new Map<SectorId, number[]>();
  const sectorFirms = new Map<SectorId, number[]>();
  for (const [id, s] of Object.entries(SECTOR_SPECS)) {
    sectorOutput.set(id, monthlyFlow(rand, 920 * YI * s.weight, s.growth, 0.05));
    sectorFirms.set(id, stock(rand, s.firms, s.growth / 2, 1, 0.006));
  }
  /** Each flow's own amount in each month, for the parts made from it. */
  const monthly = new Map<string, number[]>();
  const values = new Map<string, number[]>();
  const made = (id: string, make: Make, unit: Unit): number[] => {
    if ('flow' in make) {
      const own = monthlyFlow(rand, make.flow, make.growth, make.noise);
      monthly.set(id, own);
      return cumulative(own, make.step ?? flowStep(unit));
    }
    if ('part' in make) {
      const own = (monthly.get(make.part) ?? []).map(
        (v) => v * Math.min(0.98, make.share * (1 + (rand() - 0.5) * 0.1)),
      );
      monthly.set(id, own);
      return cumulative(own, flowStep(unit));
    }
    if ('stock' in make) {
      return stock(rand, make.stock, make.growth, make.step ?? 1, make.noise);
    }
    if ('rate' in make) return rate(rand, make.rate, make.swing);
    return [];
  };
  for (const [id, , , , unit, , make] of INDICATORS) if (!('sum' in make)) values.set(id, made(id, make, unit));
  for (const [id, , , , , , make] of INDICATORS) {
    if ('sum' in make) {
      const parts = make.sum.map((p) => values.get(p) ?? []);
      values.set(id, parts[0]?.map((_, t) => parts.reduce((a, l) => a + (l[t] ?? 0), 0)) ?? []);
    }
  }
  const indicators = INDICATORS.map(([id, group, zh, en, unit, direction, make, options]): IndicatorSpec => ({
    id,
    group,
    label: text(zh, en),
    unit,
    kind: kindOf(make, id),
    direction,
    ...options,
    values: values.get(id) ?? [],
  }));
  return { indicators, sectorOutput, sectorFirms, projects: projectPlans() };
}

let generated: Generated | null = null;
const sample = () => (generated ??= withTotals(generate()));

/* ------------------------------------------------------------------------------------------ */
/* Sector rows and the totals made from them                                                   */

interface SectorMonth {
  output: number;
  growth: number;
  firms: number;
  share: number;
}

/**
 * Each listed sector's figures at month `t`: its running output (to 0.01亿元), its growth against
 * the same months a year earlier on the same grouping, its firms and its share of the district.
 */
function sectorMonth(g: Pick<Generated, 'sectorOutput' | 'sectorFirms'>, t: number): Map<SectorId, SectorMonth> {
  const year = yearOf(t);
  const groups = new Map<SectorId, SectorId[]>();
  for (const id of Object.keys(SECTOR_SPECS)) {
    const as = reportedAs(id, year);
    groups.set(as, [...(groups.get(as) ?? []), id]);
  }
  const runningOutput = (members: SectorId[], at: number) =>
    members.reduce((a, id) => {
      const monthly = g.sectorOutput.get(id) ?? [];
      return a + monthly.slice(at - monthOf(at) + 1, at + 1).reduce((x, y) => x + y, 0);
    }, 0);
  const listed = sectorsIn(year).map((s) => s.id);
  const outputs = listed.map((id) => round(runningOutput(groups.get(id) ?? [], t), 1e6));
  const shares = apportion(
    1000,
    outputs.map((o) => o / 1e6),
    1,
  );
  return new Map(
    listed.map((id, i) => {
      const members = groups.get(id) ?? [];
      const output = outputs[i] ?? 0;
      const yearBefore = t >= 12 ? runningOutput(members, t - 12) : output;
      return [
        id,
        {
          output,
          growth: percent(output / yearBefore - 1),
          firms: members.reduce((a, m) => a + (g.sectorFirms.get(m)?.[t] ?? 0), 0),
          share: (shares[i] ?? 0) / 10,
        },
      ];
    }),
  );
}

/** The district totals the sectors and the projects make up, filled into their indicators. */
function withTotals(g: Generated): Generated {
  const months = Array.from({ length: MONTHS }, (_, t) => t);
  const bySector = months.map((t) => [...sectorMonth(g, t).values()]);
  const totals: Record<string, number[]> = {
    'industrial-output': bySector.map((rows) => rows.reduce((a, r) => a + r.output, 0)),
    'above-scale-firms': bySector.map((rows) => rows.reduce((a, r) => a + r.firms, 0)),
    'key-projects': months.map((t) =>
      round(
        g.projects.reduce((a, p) => a + yearToDate(p, t).completed, 0),
        1e6,
      ),
    ),
    'projects-under-construction': months.map((t) => g.projects.filter((p) => stageAt(p, t) === 'construction').length),
    'projects-started': months.map(
      (t) => g.projects.filter((p) => p.construction <= t && p.construction > t - monthOf(t)).length,
    ),
    'projects-completed': months.map(
      (t) => g.projects.filter((p) => p.completed <= t && p.completed > t - monthOf(t)).length,
    ),
  };
  return { ...g, indicators: g.indicators.map((s) => (totals[s.id] ? { ...s, values: totals[s.id] ?? [] } : s)) };
}

/** Each month's completion, once per sample: every later month's dataset repeats the months before. */
const planCompletions = new WeakMap<Generated, Map<number, number>>();

/** Completed against planned investment of all projects from January to month `t`, in per cent. */
function projectPlanCompletion(g: Generated, t: number): number {
  let byMonth = planCompletions.get(g);
  if (!byMonth) planCompletions.set(g, (byMonth = new Map<number, number>()));
  const known = byMonth.get(t);
  if (known !== undefined) return known;
  let planned = 0;
  let completed = 0;
  for (const p of g.projects) {
    const m = yearToDate(p, t);
    planned += m.planned;
    completed += m.completed;
  }
  const completion = percent(completed / planned);
  byMonth.set(t, completion);
  return completion;
}

/* ------------------------------------------------------------------------------------------ */
/* The dataset of a month                                                                      */

const published = (spec: IndicatorSpec, t: number) =>
  t >= FIRST_PUBLISHED && (spec.since ?? 0) <= yearOf(t) && (!spec.quarterly || monthOf(t) % 3 === 0);

/** The target for `year`: growth over last year's total (flows), or its year-end level (stocks), or a rate. */
function targetFor(spec: IndicatorSpec, year: number): number | null {
  if (spec.target === undefined || (spec.since ?? 0) > year) return null;
  if (spec.kind === 'rate') return spec.target;
  const last = spec.values[(year - BASE_YEAR) * 12 - 1] ?? 0;
  const aimed = last * (1 + spec.target);
  if (spec.unit !== 'cny') return round(aimed, aimed >= 1000 ? 10 : 1);
  return round(aimed, aimed >= 10 * YI ? 1e7 : aimed >= YI ? 1e6 : 1);
}

function indicatorAt(g: Generated, spec: IndicatorSpec, t: number): KpiDefinition {
  const values: Partial<Record<PeriodId, KpiPeriodValue>> = {};
  for (let s = FIRST_PUBLISHED; s <= t; s++) {
    if (!published(spec, s)) continue;
    const value = spec.values[s] ?? 0;
    const before = spec.values[s - 12];
    values[monthId(s)] = {
      value: raw(value, spec.unit, illustrative),
      ...(spec.kind !== 'rate' && before ? { yoy: raw(percent(value / before - 1), 'percent', illustrative) } : {}),
      ...(spec.id === 'key-projects'
        ? { planCompletion: raw(projectPlanCompletion(g, s), 'percent', illustrative) }
        : {}),
    };
  }
  const year = yearOf(t);
  const target = targetFor(spec, year);
  return {
    id: spec.id,
    group: spec.group,
    label: spec.label,
    sector: null,
    headline: spec.headline ?? false,
    values,
    unit: spec.unit,
    direction: spec.direction,
    ...(spec.kind === 'rate' ? {} : { cumulative: spec.kind === 'flow' }),
    ...(target === null
      ? {}
      : {
          target: {
            period: String(year),
            kind: spec.kind === 'flow' ? 'cumulative' : 'level',
            value: raw(target, spec.unit, illustrative),
          },
        }),
  };
}

function sectorRows(g: Generated, t: number): SectorFigureRow[] {
  const rows: SectorFigureRow[] = [];
  for (let s = FIRST_PUBLISHED; s <= t; s++) {
    for (const [sector, f] of sectorMonth(g, s)) {
      rows.push({
        sector,
        period: monthId(s),
        output: raw(f.output, 'cny', illustrative),
        growth: raw(f.growth, 'percent', illustrative),
        firms: raw(f.firms, 'firms', illustrative),
        share: raw(f.share, 'percent', illustrative),
        series: null,
      });
    }
  }
  return rows;
}

/**
 * The scale sample as the office had it in `month` (2023M01 … 2025M12): every figure up to that
 * month, the year's targets, the catalog of the year and the projects as they stood. Published on
 * the 10th of the month after.
 */
export function scaleDataset(month: PeriodId): Dataset {
  const g = sample();
  const t = indexOf(month);
  const year = yearOf(t);
  const kpis = g.indicators.filter((s) => (s.since ?? 0) <= year).map((s) => indicatorAt(g, s, t));
  const periods: PeriodInfo[] = SCALE_MONTHS.slice(0, t - FIRST_PUBLISHED + 1).map((id) => ({ id, kind: 'actual' }));
  if (kpis.some((k) => k.target)) periods.push({ id: String(year), kind: 'target' });
  return {
    meta: {
      ...reportDataset.meta,
      asOf: `${monthId(t + 1).replace('M', '-')}-10`,
      defaultPeriod: month,
      sample: true,
      periods,
      sectors: sectorsIn(year),
      kpiGroups: GROUPS,
    },
    kpis,
    sectorFigures: sectorRows(g, t),
    namedFirms: reportDataset.namedFirms,
    projects: g.projects.map((p) => projectAt(p, t)),
  };
}
