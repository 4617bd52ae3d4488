import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Measure, PeriodId, Provenance } from '../../../api/common';
import type { Kpi } from '../../../api/kpis';
import type { Locale } from '../../../lib/i18n';
import { formatPeriod } from '../../../lib/format';
import { measure } from '../../../../tests/factories';
import { metaOfDataset, reportKpis } from '../../../../tests/fixtures';
import { renderWithData } from '../../../../tests/render';
import { taskLabel } from '../model';
import { KpiTile } from './KpiTile';

const PERIODS = metaOfDataset('report').periods;

/** The report's figure `id` for `period`, changed by `patch` as a server with other figures would send it. */
function reportKpi(id: string, period: PeriodId = '2023H1', patch: Partial<Kpi> = {}) {
  const items = reportKpis(period);
  const kpi = items.find((k) => k.id === id);
  if (!kpi) throw new Error(`no figure ${id}`);
  return { kpi: { ...kpi, ...patch }, items };
}

/** A figure's tile, as the overview draws it for `period` (?lang=en in `path` for English). */
function renderTile(
  id: string,
  { period = '2023H1', path = '/', patch = {} }: { period?: PeriodId; path?: string; patch?: Partial<Kpi> } = {},
) {
  const { kpi, items } = reportKpi(id, period, patch);
  const rendered = renderWithData(<KpiTile kpi={kpi} periods={PERIODS} taskLabel={taskLabel(kpi, items)} />, path);
  return { ...rendered, tile: screen.getByRole('article') };
}

const yuan = (yi: number) => measure(yi * 1e8, 'cny');

/** A tile as printed: its name, texts on it, its source as a screen reader hears it, and the value's own period where that is not the period chosen. */
type Printed = [tile: string, texts: string[], source: RegExp, period?: string];

/** Every row of DATA.md "Headline figures", as its tile prints it; a figure first known on 26 August with `toDate`. */
const HEADLINE: { id: string; toDate?: true; 'zh-CN': Printed; en: Printed }[] = [
  {
    id: 'industry-gdp-share',
    'zh-CN': ['工业占GDP比重', ['45.3%'], /报告数据；出处：报告第32段/],
    en: ['Industry share of GDP', ['45.3%'], /Reported; Source: the report, paragraph 32/],
  },
  {
    // The district's output is known for 2022 only: the latest figure, with its year, beside the 2023 target.
    id: 'industrial-output',
    'zh-CN': [
      '规上工业总产值',
      ['918.7亿元', '2023年全年目标：1000亿元'],
      /推算数据；算法：550\.29亿元 ÷ 59\.9% \(L36\)/,
      '2022年',
    ],
    en: [
      'Above-scale industrial gross output',
      ['¥91.87B', 'Target 2023 (full year): ¥100.0B'],
      /Derived; Formula: 550\.29亿元 ÷ 59\.9% \(L36\)/,
      '2022',
    ],
  },
  {
    id: 'investment-signed',
    'zh-CN': [
      '签约资金',
      ['180亿元', '2023年全年目标：400亿元', '完成 45.0% · 序时 49.6%', '完成当期招商目标任务 156%，当期目标已完成'],
      /报告第52段/,
    ],
    en: [
      'Investment signed',
      [
        '¥18.0B',
        'Target 2023 (full year): ¥40.0B',
        '45.0% done · 49.6% of year',
        'Investment attraction vs period target: 156%, period target met',
      ],
      /paragraph 52/,
    ],
  },
  {
    id: 'investment-arrived',
    'zh-CN': [
      '到位资金',
      ['70亿元', '同比 +41%', '2023年全年目标：150亿元以上', '完成当期招商目标任务 156%，当期目标已完成'],
      /报告第52段/,
    ],
    en: [
      'Investment arrived',
      [
        '¥7.0B',
        '+41% year on year',
        'Target 2023 (full year): ≥ ¥15.0B',
        'Investment attraction vs period target: 156%, period target met',
      ],
      /paragraph 52/,
    ],
  },
  {
    id: 'attraction-target-completion',
    'zh-CN': ['完成当期招商目标任务', ['156%'], /报告第52段/],
    en: ['Investment attraction vs period target', ['156%'], /paragraph 52/],
  },
  {
    id: 'project-start-rate',
    'zh-CN': ['落地开工率', ['65%', '比全市平均（58%）高 7个百分点'], /报告第52段/],
    en: ['Project start rate', ['65%', '7 pp above the city average (58%)'], /paragraph 52/],
  },
  {
    id: 'key-projects',
    'zh-CN': ['重点建设项目完成投资', ['139.73亿元', '完成当期计划的 119.8%', '重点建设项目198个'], /报告第56段/],
    en: [
      'Key construction projects: investment completed',
      ['¥13.97B', '119.8% of the period’s plan', 'Key construction projects198 projects'],
      /paragraph 56/,
    ],
  },
  {
    id: 'municipal-key-projects',
    'zh-CN': [
      '区牵头市级重点项目完成投资',
      ['19.23亿元', '完成当期计划的 139.2%', '区牵头市级重点建设项目22个', '纳入市级重点项目清单48个'],
      /报告第58段/,
    ],
    en: [
      'Municipal key projects led by Beibei: investment completed',
      [
        '¥1.92B',
        '139.2% of the period’s plan',
        'Municipal key projects led by Beibei22 projects',
        'Projects on the municipal key list48 projects',
      ],
      /paragraph 58/,
    ],
  },
  {
    id: 'private-entities',
    'zh-CN': ['民营经济市场主体', ['8.71万户', '同比 +10.0%', '新发展市场主体8000余户'], /报告第81段/],
    en: [
      'Private market entities',
      ['87,100 entities', '+10.0% year on year', 'New entities8,000+ entities'],
      /paragraph 81/,
    ],
  },
  {
    id: 'private-industrial-output-growth',
    'zh-CN': [
      '规上民营工业总产值增速',
      ['2.4%', '比全区（−5.4%）高 7.8个百分点', '拉动全区增长 1.8个百分点'],
      /报告第81段/,
    ],
    en: [
      'Above-scale private industrial output growth',
      ['2.4%', '7.8 pp above the district as a whole (−5.4%)', 'adds 1.8 pp to the district’s growth'],
      /paragraph 81/,
    ],
  },
  {
    id: 'industrial-output-growth',
    'zh-CN': ['规上工业总产值增速', ['−5.4%'], /推算数据；算法：2\.4 − 7\.8 \(L81\)/],
    en: ['Above-scale industrial output growth', ['−5.4%'], /Derived; Formula: 2\.4 − 7\.8 \(L81\)/],
  },
  {
    id: 'tech-firm-loans',
    'zh-CN': [
      '科技型企业获得贷款',
      ['5500万元', '获贷科技型企业32家', '种子基金投资迅检、重庆联航2家企业120万元'],
      /报告第104段/,
    ],
    en: [
      'Loans to tech firms',
      ['¥55M', 'Tech firms financed32 firms', 'Seed fund investment in 2 firms (Xunjian, Chongqing Lianhang)¥1.2M'],
      /paragraph 104/,
    ],
  },
  {
    id: 'rd-institutions',
    'zh-CN': ['推荐市级备案新型研发机构', ['1家', '储备区级新型研发机构4家'], /报告第104段/],
    en: [
      'Recommended as municipal new-type R&D institutions',
      ['1 firm', 'Held in reserve as district R&D institutions4 firms'],
      /paragraph 104/,
    ],
  },
  {
    id: 'little-giants',
    toDate: true,
    'zh-CN': ['国家专精特新“小巨人”企业', ['18家', '今年组织新申报16家', '今年组织复核2家'], /报告第102段/],
    en: [
      'National "little giant" firms',
      ['18 firms', 'Applications organised this year16 firms', 'Re-reviews organised this year2 firms'],
      /paragraph 102/,
    ],
  },
  {
    id: 'municipal-srdi-firms',
    toDate: true,
    // L102: the city rank (第四) is the 79 newly recognised firms', not the 242's.
    'zh-CN': ['市级“专精特新”企业', ['242家', '今年新认定79家', '新认定数量全市排名第4'], /报告第102段/],
    en: [
      'Municipal specialised SMEs (专精特新)',
      ['242 firms', 'Newly recognised in 202379 firms', 'City rank by newly recognised firms4th'],
      /paragraph 102/,
    ],
  },
  {
    id: 'private-support',
    toDate: true,
    'zh-CN': [
      '政策资金惠及民营企业',
      ['108家', '发放创业担保贷款1023万元', '直接扶持市场主体47家', '协调解决企业困难问题1100余件'],
      /报告第74段/,
    ],
    en: [
      'Private firms receiving policy funds',
      [
        '108 firms',
        'Guaranteed start-up loans¥10.23M',
        'Businesses supported directly47 firms',
        'Firm problems solved1,100+ cases',
      ],
      /paragraph 74/,
    ],
  },
];

describe('KpiTile: every headline figure of the report', () => {
  for (const locale of ['zh-CN', 'en'] as const satisfies Locale[]) {
    it(`renders with unit, period and provenance (${locale})`, () => {
      for (const row of HEADLINE) {
        const [name, texts, source, ownPeriod] = row[locale];
        const period = row.toDate ? '2023D0826' : '2023H1';
        const { tile, unmount } = renderTile(row.id, { period, path: locale === 'en' ? '/?lang=en' : '/' });
        expect(tile).toHaveAccessibleName(name);
        for (const text of texts) expect(tile, `${name}: ${text}`).toHaveTextContent(text);
        if (ownPeriod) expect(within(tile).getByText(ownPeriod, { exact: true })).toBeInTheDocument();
        // A figure of the period chosen does not repeat the period the page already names.
        else {
          for (const id of ['2022', '2023H1', '2023M07', '2023D0826']) {
            expect(within(tile).queryByText(formatPeriod(id, locale), { exact: true })).toBeNull();
          }
        }
        // The tile's own badge comes first; each fact has its own after it.
        const [badge] = within(tile).getAllByRole('button', {
          name: locale === 'en' ? /^Data source:/ : /^数据来源：/,
        });
        expect(badge, name).toHaveAccessibleDescription(source);
        unmount();
      }
    });
  }
});

describe('KpiTile: a change is marked, a fall as much as a rise', () => {
  it('marks the derived −5.4% growth with ▼ and says 下降, and +41% year on year with ▲ and 上升', () => {
    const { tile: fall, unmount } = renderTile('industrial-output-growth');
    expect(within(fall).getByText('▼')).toBeInTheDocument();
    expect(fall).toHaveTextContent('下降−5.4%');
    unmount();
    const { tile: rise } = renderTile('investment-arrived');
    expect(within(rise).getByText('▲')).toBeInTheDocument();
    expect(rise).toHaveTextContent('上升');
  });
});

const L52: Provenance = { kind: 'reported', source: 'L52' };
const IMPORTED: Provenance = {
  kind: 'imported',
  import: { file: '2023年3月.xlsx', version: 2, sheet: '指标', row: 4 },
};
const ILLUSTRATIVE: Provenance = { kind: 'illustrative' };
const point = (month: number, yi: number, provenance: Provenance) => ({
  period: `2023M${String(month).padStart(2, '0')}`,
  value: yi * 1e8,
  provenance,
});
const cumulative = (...points: ReturnType<typeof point>[]): Kpi['series'] => ({
  unit: 'cny',
  cumulative: true,
  points,
});

describe('KpiTile: trends from known points only', () => {
  it('draws no trend from one known point, however many illustrative ones', () => {
    const series = cumulative(...[1, 2, 3, 4, 5].map((m) => point(m, m * 25, ILLUSTRATIVE)), point(6, 180, L52));
    const { tile } = renderTile('investment-signed', { patch: { series } });
    expect(within(tile).queryByRole('img')).not.toBeInTheDocument();
    expect(tile).not.toHaveTextContent(/走势|示意/);
  });

  it('writes two known points as words, with their periods and values', () => {
    const series = cumulative(point(1, 8, ILLUSTRATIVE), point(3, 30, IMPORTED), point(6, 70, L52));
    const { tile } = renderTile('investment-arrived', { patch: { series } });
    expect(within(tile).queryByRole('img')).not.toBeInTheDocument();
    expect(tile).toHaveTextContent('走势：2023年1–3月累计 30亿元 → 2023年1–6月累计 70亿元');
  });

  it('draws a line from three known points, the illustrative one left out', () => {
    const series = cumulative(
      point(3, 60, IMPORTED),
      point(4, 80, IMPORTED),
      point(5, 110, ILLUSTRATIVE),
      point(6, 139.73, L52),
    );
    const { tile } = renderTile('key-projects', { patch: { series } });
    expect(within(tile).getByRole('img', { name: /^重点建设项目完成投资走势：/ })).toHaveAccessibleName(
      '重点建设项目完成投资走势：2023年1–3月累计 60亿元 → 2023年1–4月累计 80亿元 → 2023年1–6月累计 139.73亿元',
    );
  });
});

describe('KpiTile: schedule pace (序时进度)', () => {
  it('judges 180 of 400亿元 at the end of June by the reported period target (156 %), the calendar as context', () => {
    const { tile } = renderTile('investment-signed');
    expect(within(tile).getByRole('progressbar', { name: '2023年全年目标：400亿元' })).toHaveAttribute(
      'aria-valuetext',
      '已完成全年目标的 45.0%，序时进度 49.6%',
    );
    expect(tile).toHaveTextContent('完成当期招商目标任务 156%，当期目标已完成');
    expect(tile).not.toHaveTextContent('慢于序时进度');
  });

  it('says behind schedule by the calendar where no period target is reported', () => {
    const { tile } = renderTile('investment-signed', { patch: { periodTarget: null } });
    expect(tile).toHaveTextContent('慢于序时进度 4.6 个百分点');
  });

  it('judges a figure by the end of its own period, not the period chosen', () => {
    const { tile } = renderTile('investment-signed', { period: '2023D0826', patch: { periodTarget: null } });
    expect(within(tile).getByText('2023年上半年', { exact: true })).toBeInTheDocument();
    // 45.0 % of the target at the end of June, not at 26 August (65.2 % of the year).
    expect(tile).toHaveTextContent('完成 45.0% · 序时 49.6%');
    expect(tile).toHaveTextContent('慢于序时进度 4.6 个百分点');
  });

  it('says ahead of schedule when progress runs ahead of the year', () => {
    const { tile } = renderTile('investment-signed', {
      path: '/?lang=en',
      patch: { value: yuan(250), periodTarget: null },
    });
    expect(within(tile).getByRole('progressbar')).toHaveAttribute(
      'aria-valuetext',
      '62.5% of the annual target reached; 49.6% of the year elapsed',
    );
    expect(tile).toHaveTextContent('62.5% done · 49.6% of year');
    expect(tile).toHaveTextContent('ahead of schedule by 12.9 points');
  });

  it('says the annual target is reached once it is, as the briefing does, not how far ahead of the year', () => {
    const { tile } = renderTile('investment-signed', { patch: { value: yuan(420), periodTarget: null } });
    expect(tile).toHaveTextContent('完成 105.0% · 序时 49.6%');
    expect(tile).toHaveTextContent('已完成全年目标');
    expect(tile).not.toHaveTextContent('快于序时进度');
  });

  it('says on schedule when progress equals the elapsed share of the year', () => {
    const { tile } = renderTile('investment-signed', {
      patch: { value: yuan((400 * 181) / 365), periodTarget: null },
    });
    expect(tile).toHaveTextContent('与序时进度持平');
    expect(tile).not.toHaveTextContent('落后');
  });

  it('judges a growth target by the rate itself', () => {
    const { tile } = renderTile('industrial-value-added-growth', {
      patch: {
        valuePeriod: '2023H1',
        value: { value: 6.5, unit: 'percent', digits: 2, provenance: { kind: 'reported', source: 'L32' } },
      },
    });
    expect(tile).toHaveAccessibleName('规上工业增加值增速');
    expect(tile).toHaveTextContent('6.5%');
    expect(tile).toHaveTextContent('低于目标 1.5 个百分点');
    expect(within(tile).queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('shows no progress or verdict where there is no target for the year', () => {
    const { tile } = renderTile('industrial-output', { period: '2022' });
    expect(tile).toHaveTextContent('918.7亿元');
    expect(within(tile).queryByRole('progressbar')).not.toBeInTheDocument();
    expect(tile).not.toHaveTextContent(/目标|序时进度/);
  });

  it('does not judge a figure of one year against the target of the next', () => {
    const { tile } = renderTile('industrial-output');
    expect(tile).toHaveTextContent('918.7亿元');
    expect(tile).toHaveTextContent('2023年全年目标：1000亿元');
    expect(within(tile).queryByRole('progressbar')).not.toBeInTheDocument();
    expect(tile).not.toHaveTextContent(/序时|完成/);
  });
});

describe('KpiTile: the value’s own period', () => {
  it('shows a figure’s latest value up to the period, with its own period where that is an earlier one', () => {
    const { tile } = renderTile('investment-signed', { period: '2023M07' });
    expect(tile).toHaveTextContent('180亿元');
    expect(within(tile).getByText('2023年上半年', { exact: true })).toBeInTheDocument();
    expect(tile).toHaveTextContent('2023年全年目标：400亿元');
  });

  it('shows 2022’s derived district output with no target', () => {
    const { tile } = renderTile('industrial-output', { period: '2022', path: '/?lang=en' });
    expect(tile).toHaveTextContent('¥91.87B');
    expect(tile).not.toHaveTextContent(/Target/);
    expect(within(tile).getByRole('button', { name: 'Data source: Derived' })).toHaveAccessibleDescription(
      /550\.29亿元 ÷ 59\.9% \(L36\)/,
    );
  });
});

describe('KpiTile: the month’s own value and 环比 of a running total', () => {
  const derived = (formula: string): Provenance => ({ kind: 'derived', formula });
  const patch: Partial<Kpi> = {
    monthValue: { ...yuan(25.6), provenance: derived('2023M08 − 2023M07') },
    mom: { value: -12.4, unit: 'percent', digits: 3, provenance: derived('当月 2023M08 ÷ 当月 2023M07 − 1') },
  };

  it('prints 当月 and 环比, the fall marked by shape and words (zh-CN)', () => {
    const { tile } = renderTile('investment-signed', { patch });
    expect(tile).toHaveTextContent('当月 25.6亿元');
    expect(tile).toHaveTextContent('▼下降环比 −12.4%');
    expect(within(tile).getByText(/环比/).closest('.kpi-badge')).toHaveClass('kpi-badge--down');
  });

  it('says them in English', () => {
    const { tile } = renderTile('investment-signed', { patch, path: '/?lang=en' });
    expect(tile).toHaveTextContent('¥2.56B in the month');
    expect(tile).toHaveTextContent('−12.4% on the month before');
  });

  it('does not repeat January’s own value, which is its total', () => {
    const { kpi } = reportKpi('investment-signed');
    const { tile } = renderTile('investment-signed', { patch: { monthValue: kpi.value } });
    expect(tile).not.toHaveTextContent('当月');
  });
});

describe('KpiTile: the way to the indicator’s history', () => {
  it('links to the indicator’s page, named after it, keeping the period and language in the address', () => {
    const { tile } = renderTile('investment-signed', { path: '/?period=2023H1&lang=en' });
    const link = within(tile).getByRole('link', { name: 'Trend Investment signed' });
    expect(link).toHaveTextContent(/^Trend Investment signed$/);
    expect(link).toHaveAttribute('href', '/indicators/investment-signed?period=2023H1&lang=en');
  });

  it('says 趋势 in Chinese', () => {
    const { tile } = renderTile('industry-gdp-share');
    expect(within(tile).getByRole('link', { name: '趋势 工业占GDP比重' })).toHaveAttribute(
      'href',
      '/indicators/industry-gdp-share',
    );
  });
});

describe('KpiTile: a figure better lower (城镇调查失业率)', () => {
  const rate = (value: number): Measure => ({
    value,
    unit: 'percent',
    provenance: { kind: 'reported', source: 'L32' },
  });
  const patch: Partial<Kpi> = {
    direction: 'lower',
    value: rate(5.1),
    yoy: rate(2),
    target: { period: '2023', kind: 'level', value: rate(5.5) },
  };

  it('below its level target is ahead, said as below it; a rise on the year is the bad news', () => {
    const { tile } = renderTile('industry-gdp-share', { patch });
    const verdict = tile.querySelector('.kpi-pace');
    expect(verdict).toHaveTextContent('低于目标 0.4 个百分点');
    expect(verdict).toHaveClass('kpi-pace--ahead');
    const badge = within(tile).getByText(/同比/).closest('.kpi-badge');
    expect(badge).toHaveClass('kpi-badge--up');
    expect(badge).toHaveClass('kpi-badge--inverse');
  });

  it('names its target as a ceiling, not as a growth rate', () => {
    const { tile, unmount } = renderTile('industry-gdp-share', { patch });
    expect(tile).toHaveTextContent(/目标：控制在5\.5%以内/);
    expect(tile).not.toHaveTextContent('增速目标');
    unmount();
    const english = renderTile('industry-gdp-share', { patch, path: '/?lang=en' });
    expect(english.tile).toHaveTextContent(/Target [^:]+: at most 5\.5%/);
    expect(english.tile).not.toHaveTextContent('growth rate');
  });

  it('above it is behind', () => {
    const { tile } = renderTile('industry-gdp-share', { patch: { ...patch, value: rate(5.8) } });
    const verdict = tile.querySelector('.kpi-pace');
    expect(verdict).toHaveTextContent('高于目标 0.3 个百分点');
    expect(verdict).toHaveClass('kpi-pace--behind');
  });
});
