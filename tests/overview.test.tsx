import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { KpiList } from '../src/api/kpis';
import { server } from '../mocks/node';
import { breakers, failWith, malformed, slow } from '../mocks/scenarios';
import { formatPeriod } from '../src/lib/format';
import { currentUrl, renderApp } from './render';

/** The report's "to date" period (2023D0826), as the app names it. */
const TO_DATE = formatPeriod('2023D0826', 'zh-CN');

/** The tile (an article named by its label) once the figures have arrived. */
const tile = async (name: string) => screen.findByRole('article', { name });

interface Expectation {
  path: string;
  tile: string;
  texts: string[];
  /** The value's own period, printed on the tile only when it is not the period chosen. */
  period?: string;
  /** The source as a screen reader hears it (the badge's description). */
  source: RegExp;
}

/** Every row of DATA.md "Headline figures", as the overview prints it. */
const HEADLINE_FIGURES: Record<'zh-CN' | 'en', Expectation[]> = {
  'zh-CN': [
    {
      path: '/',
      tile: '工业占GDP比重',
      texts: ['45.3%'],
      source: /报告数据；出处：报告第32段/,
    },
    {
      // The district's output is known for 2022 only: the latest figure, with its year, beside the 2023 target.
      path: '/',
      tile: '规上工业总产值',
      texts: ['918.7亿元', '2023年全年目标：1000亿元'],
      period: '2022年',
      source: /推算数据；算法：550\.29亿元 ÷ 59\.9% \(L36\)/,
    },
    {
      path: '/',
      tile: '签约资金',
      texts: [
        '180亿元',
        '2023年全年目标：400亿元',
        '完成 45.0% · 序时 49.6%',
        '完成当期招商目标任务 156%，当期目标已完成',
      ],
      source: /报告第52段/,
    },
    {
      path: '/',
      tile: '到位资金',
      texts: ['70亿元', '同比 +41%', '2023年全年目标：150亿元以上', '完成当期招商目标任务 156%，当期目标已完成'],
      source: /报告第52段/,
    },
    { path: '/', tile: '完成当期招商目标任务', texts: ['156%'], source: /报告第52段/ },
    {
      path: '/',
      tile: '落地开工率',
      texts: ['65%', '比全市平均（58%）高 7个百分点'],
      source: /报告第52段/,
    },
    {
      path: '/',
      tile: '重点建设项目完成投资',
      texts: ['139.73亿元', '完成当期计划的 119.8%', '重点建设项目198个'],
      source: /报告第56段/,
    },
    {
      path: '/',
      tile: '区牵头市级重点项目完成投资',
      texts: ['19.23亿元', '完成当期计划的 139.2%', '区牵头市级重点建设项目22个', '纳入市级重点项目清单48个'],
      source: /报告第58段/,
    },
    {
      path: '/',
      tile: '民营经济市场主体',
      texts: ['8.71万户', '同比 +10.0%', '新发展市场主体8000余户'],
      source: /报告第81段/,
    },
    {
      path: '/',
      tile: '规上民营工业总产值增速',
      texts: ['2.4%', '比全区（−5.4%）高 7.8个百分点', '拉动全区增长 1.8个百分点'],
      source: /报告第81段/,
    },
    {
      path: '/',
      tile: '规上工业总产值增速',
      texts: ['−5.4%'],
      source: /推算数据；算法：2\.4 − 7\.8 \(L81\)/,
    },
    {
      path: '/',
      tile: '科技型企业获得贷款',
      texts: ['5500万元', '获贷科技型企业32家', '种子基金投资迅检、重庆联航2家企业120万元'],
      source: /报告第104段/,
    },
    {
      path: '/',
      tile: '推荐市级备案新型研发机构',
      texts: ['1家', '储备区级新型研发机构4家'],
      source: /报告第104段/,
    },
    {
      path: '/?period=2023D0826',
      tile: '国家专精特新“小巨人”企业',
      texts: ['18家', '今年组织新申报16家', '今年组织复核2家'],
      source: /报告第102段/,
    },
    {
      path: '/?period=2023D0826',
      tile: '市级“专精特新”企业',
      // L102: the city rank (第四) is the 79 newly recognised firms', not the 242's.
      texts: ['242家', '今年新认定79家', '新认定数量全市排名第4'],
      source: /报告第102段/,
    },
    {
      path: '/?period=2023D0826',
      tile: '政策资金惠及民营企业',
      texts: ['108家', '发放创业担保贷款1023万元', '直接扶持市场主体47家', '协调解决企业困难问题1100余件'],
      source: /报告第74段/,
    },
  ],
  en: [
    {
      path: '/',
      tile: 'Industry share of GDP',
      texts: ['45.3%'],
      source: /Reported; Source: the report, paragraph 32/,
    },
    {
      path: '/',
      tile: 'Above-scale industrial gross output',
      texts: ['¥91.87B', 'Target 2023 (full year): ¥100.0B'],
      period: '2022',
      source: /Derived; Formula: 550\.29亿元 ÷ 59\.9% \(L36\)/,
    },
    {
      path: '/',
      tile: 'Investment signed',
      texts: [
        '¥18.0B',
        'Target 2023 (full year): ¥40.0B',
        '45.0% done · 49.6% of year',
        'Investment attraction vs period target: 156%, period target met',
      ],
      source: /paragraph 52/,
    },
    {
      path: '/',
      tile: 'Investment arrived',
      texts: [
        '¥7.0B',
        '+41% year on year',
        'Target 2023 (full year): ≥ ¥15.0B',
        'Investment attraction vs period target: 156%, period target met',
      ],
      source: /paragraph 52/,
    },
    {
      path: '/',
      tile: 'Investment attraction vs period target',
      texts: ['156%'],
      source: /paragraph 52/,
    },
    {
      path: '/',
      tile: 'Project start rate',
      texts: ['65%', '7 pp above the city average (58%)'],
      source: /paragraph 52/,
    },
    {
      path: '/',
      tile: 'Key construction projects: investment completed',
      texts: ['¥13.97B', '119.8% of the period’s plan', 'Key construction projects198 projects'],
      source: /paragraph 56/,
    },
    {
      path: '/',
      tile: 'Municipal key projects led by Beibei: investment completed',
      texts: [
        '¥1.92B',
        '139.2% of the period’s plan',
        'Municipal key projects led by Beibei22 projects',
        'Projects on the municipal key list48 projects',
      ],
      source: /paragraph 58/,
    },
    {
      path: '/',
      tile: 'Private market entities',
      texts: ['87,100 entities', '+10.0% year on year', 'New entities8,000+ entities'],
      source: /paragraph 81/,
    },
    {
      path: '/',
      tile: 'Above-scale private industrial output growth',
      texts: ['2.4%', '7.8 pp above the district as a whole (−5.4%)', 'adds 1.8 pp to the district’s growth'],
      source: /paragraph 81/,
    },
    {
      path: '/',
      tile: 'Above-scale industrial output growth',
      texts: ['−5.4%'],
      source: /Derived; Formula: 2\.4 − 7\.8 \(L81\)/,
    },
    {
      path: '/',
      tile: 'Loans to tech firms',
      texts: [
        '¥55M',
        'Tech firms financed32 firms',
        'Seed fund investment in 2 firms (Xunjian, Chongqing Lianhang)¥1.2M',
      ],
      source: /paragraph 104/,
    },
    {
      path: '/',
      tile: 'Recommended as municipal new-type R&D institutions',
      texts: ['1 firm', 'Held in reserve as district R&D institutions4 firms'],
      source: /paragraph 104/,
    },
    {
      path: '/?period=2023D0826',
      tile: 'National "little giant" firms',
      texts: ['18 firms', 'Applications organised this year16 firms', 'Re-reviews organised this year2 firms'],
      source: /paragraph 102/,
    },
    {
      path: '/?period=2023D0826',
      tile: 'Municipal specialised SMEs (专精特新)',
      texts: ['242 firms', 'Newly recognised in 202379 firms', 'City rank by newly recognised firms4th'],
      source: /paragraph 102/,
    },
    {
      path: '/?period=2023D0826',
      tile: 'Private firms receiving policy funds',
      texts: [
        '108 firms',
        'Guaranteed start-up loans¥10.23M',
        'Businesses supported directly47 firms',
        'Firm problems solved1,100+ cases',
      ],
      source: /paragraph 74/,
    },
  ],
};

describe('overview: a change is marked, a fall as much as a rise', () => {
  it('marks the derived −5.4% growth with ▼ and says 下降, and +41% year on year with ▲ and 上升', async () => {
    renderApp('/');
    const fall = await tile('规上工业总产值增速');
    expect(within(fall).getByText('▼')).toBeInTheDocument();
    expect(fall).toHaveTextContent('下降−5.4%');
    const rise = await tile('到位资金');
    expect(within(rise).getByText('▲')).toBeInTheDocument();
    expect(rise).toHaveTextContent('上升');
  });
});

describe('overview: every headline figure of the report', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    for (const path of ['/', '/?period=2023D0826']) {
      it(`renders with unit, period and provenance (${locale}, ${path})`, async () => {
        renderApp(path, { locale });
        for (const fig of HEADLINE_FIGURES[locale].filter((f) => f.path === path)) {
          const article = await tile(fig.tile);
          for (const text of fig.texts) expect(article, `${fig.tile}: ${text}`).toHaveTextContent(text);
          if (fig.period) expect(within(article).getByText(fig.period, { exact: true })).toBeInTheDocument();
          // A figure of the period chosen does not repeat the period the page already names.
          else {
            for (const id of ['2022', '2023H1', '2023M07', '2023D0826']) {
              expect(within(article).queryByText(formatPeriod(id, locale), { exact: true })).toBeNull();
            }
          }
          // The tile's own badge comes first; each fact has its own after it.
          const [badge] = within(article).getAllByRole('button', {
            name: locale === 'en' ? /^Data source:/ : /^数据来源：/,
          });
          expect(badge, fig.tile).toHaveAccessibleDescription(fig.source);
        }
      });
    }
  }

  it('puts six headline figures in a row of larger tiles, each tagged with its group', async () => {
    renderApp('/');
    const row = await screen.findByRole('region', { name: '核心指标' });
    const tiles = await within(row).findAllByRole('article');
    expect(tiles.map((t) => within(t).getByRole('heading').textContent)).toEqual([
      '工业占GDP比重',
      '签约资金',
      '到位资金',
      '落地开工率',
      '重点建设项目完成投资',
      '民营经济市场主体',
    ]);
    expect(tiles[1]).toHaveTextContent('招商引资');
    for (const group of ['工业', '招商引资', '重点项目', '民营经济', '专精特新']) {
      expect(screen.getByRole('region', { name: group })).toBeInTheDocument();
    }
  });

  it('lists the provenance of every figure in the sources dialog', async () => {
    const { user } = renderApp('/');
    await tile('签约资金');
    await user.click(screen.getByRole('button', { name: '数据来源' }));
    const dialog = await screen.findByRole('dialog', { name: '全部数据来源' });
    const rows = within(dialog).getAllByRole('row');
    const row = (figure: string, value: string) =>
      rows.find((r) => r.textContent.includes(figure) && r.textContent.includes(value));
    expect(row('落地开工率', '58%')).toHaveTextContent('推算数据算法：65 − 7 (L52)');
    expect(row('签约资金', '400亿元')).toHaveTextContent('全年目标400亿元2023年全年报告数据报告第54段');
    expect(row('重点建设项目完成投资', '139.73亿元')).toHaveTextContent('报告第56段');
    await user.click(within(dialog).getByRole('button', { name: '关闭' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});

/** The KPI list with one figure changed, as a server with different figures would send it. */
const withKpi = (id: string, patch: (k: Record<string, unknown>) => Record<string, unknown>) =>
  malformed('kpis', (body) => ({
    ...body,
    items: (body.items as KpiList['items']).map((k) => (k.id === id ? patch(k) : k)),
  }));
const yuan = (yi: number) => ({ value: yi * 1e8, unit: 'cny', provenance: { kind: 'reported', source: 'L52' } });

const L52 = { kind: 'reported', source: 'L52' } as const;
const IMPORTED = { kind: 'imported', import: { file: '2023年3月.xlsx', version: 2, sheet: '指标', row: 4 } } as const;
const ILLUSTRATIVE = { kind: 'illustrative' } as const;
const point = (month: number, yi: number, provenance: object) => ({
  period: `2023M${String(month).padStart(2, '0')}`,
  value: yi * 1e8,
  provenance,
});
const cumulative = (...points: ReturnType<typeof point>[]) => ({ unit: 'cny', cumulative: true, points });

describe('overview: trends from known points only', () => {
  it('draws no illustrative point, writes fewer than three known points as text, and a line from three', async () => {
    const series: Record<string, ReturnType<typeof cumulative>> = {
      'investment-signed': cumulative(
        ...[1, 2, 3, 4, 5].map((m) => point(m, m * 25, ILLUSTRATIVE)),
        point(6, 180, L52),
      ),
      'investment-arrived': cumulative(point(1, 8, ILLUSTRATIVE), point(3, 30, IMPORTED), point(6, 70, L52)),
      'key-projects': cumulative(
        point(3, 60, IMPORTED),
        point(4, 80, IMPORTED),
        point(5, 110, ILLUSTRATIVE),
        point(6, 139.73, L52),
      ),
    };
    renderApp('/', {
      handlers: [
        malformed('kpis', (body) => ({
          ...body,
          items: (body.items as KpiList['items']).map((k) => (series[k.id] ? { ...k, series: series[k.id] } : k)),
        })),
      ],
    });
    // One known point is the value itself: no trend at all.
    const signed = await tile('签约资金');
    expect(within(signed).queryByRole('img')).not.toBeInTheDocument();
    expect(signed).not.toHaveTextContent(/走势|示意/);
    // Two known points are words, with their periods and values.
    const arrived = await tile('到位资金');
    expect(within(arrived).queryByRole('img')).not.toBeInTheDocument();
    expect(arrived).toHaveTextContent('走势：2023年1–3月累计 30亿元 → 2023年1–6月累计 70亿元');
    // Three known points make a line; the illustrative May is not on it.
    const projects = await tile('重点建设项目完成投资');
    const line = within(projects).getByRole('img', { name: /^重点建设项目完成投资走势：/ });
    expect(line).toHaveAccessibleName(
      '重点建设项目完成投资走势：2023年1–3月累计 60亿元 → 2023年1–4月累计 80亿元 → 2023年1–6月累计 139.73亿元',
    );
  });
});

describe('overview: schedule pace (序时进度)', () => {
  it('judges 180 of 400亿元 at the end of June by the reported period target (156 %), the calendar as context', async () => {
    renderApp('/');
    const signed = await tile('签约资金');
    expect(within(signed).getByRole('progressbar', { name: '2023年全年目标：400亿元' })).toHaveAttribute(
      'aria-valuetext',
      '已完成全年目标的 45.0%，序时进度 49.6%',
    );
    expect(signed).toHaveTextContent('完成当期招商目标任务 156%，当期目标已完成');
    expect(signed).not.toHaveTextContent('慢于序时进度');
  });

  it('says behind schedule by the calendar where no period target is reported', async () => {
    renderApp('/', { handlers: [withKpi('investment-signed', (k) => ({ ...k, periodTarget: null }))] });
    expect(await tile('签约资金')).toHaveTextContent('慢于序时进度 4.6 个百分点');
  });

  it('judges a figure by the end of its own period, not the period chosen', async () => {
    renderApp('/?period=2023D0826', {
      handlers: [withKpi('investment-signed', (k) => ({ ...k, periodTarget: null }))],
    });
    const signed = await tile('签约资金');
    expect(within(signed).getByText('2023年上半年', { exact: true })).toBeInTheDocument();
    // 45.0 % of the target at the end of June, not at 26 August (65.2 % of the year).
    expect(signed).toHaveTextContent('完成 45.0% · 序时 49.6%');
    expect(signed).toHaveTextContent('慢于序时进度 4.6 个百分点');
  });

  it('says ahead of schedule when progress runs ahead of the year', async () => {
    renderApp('/?lang=en', {
      locale: 'en',
      handlers: [withKpi('investment-signed', (k) => ({ ...k, value: yuan(250), periodTarget: null }))],
    });
    const signed = await tile('Investment signed');
    expect(within(signed).getByRole('progressbar')).toHaveAttribute(
      'aria-valuetext',
      '62.5% of the annual target reached; 49.6% of the year elapsed',
    );
    expect(signed).toHaveTextContent('62.5% done · 49.6% of year');
    expect(signed).toHaveTextContent('ahead of schedule by 12.9 points');
  });

  it('says the annual target is reached once it is, as the briefing does, not how far ahead of the year', async () => {
    renderApp('/', {
      handlers: [withKpi('investment-signed', (k) => ({ ...k, value: yuan(420), periodTarget: null }))],
    });
    const signed = await tile('签约资金');
    expect(signed).toHaveTextContent('完成 105.0% · 序时 49.6%');
    expect(signed).toHaveTextContent('已完成全年目标');
    expect(signed).not.toHaveTextContent('快于序时进度');
  });

  it('says on schedule when progress equals the elapsed share of the year', async () => {
    renderApp('/', {
      handlers: [withKpi('investment-signed', (k) => ({ ...k, value: yuan((400 * 181) / 365), periodTarget: null }))],
    });
    const signed = await tile('签约资金');
    expect(signed).toHaveTextContent('与序时进度持平');
    expect(signed).not.toHaveTextContent('落后');
  });

  it('judges a growth target by the rate itself', async () => {
    renderApp('/', {
      handlers: [
        withKpi('industrial-value-added-growth', (k) => ({
          ...k,
          valuePeriod: '2023H1',
          value: { value: 6.5, unit: 'percent', digits: 2, provenance: { kind: 'reported', source: 'L32' } },
        })),
      ],
    });
    const growth = await tile('规上工业增加值增速');
    expect(growth).toHaveTextContent('6.5%');
    expect(growth).toHaveTextContent('低于目标 1.5 个百分点');
    expect(within(growth).queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('shows no progress or verdict where there is no target for the year', async () => {
    renderApp('/?period=2022');
    const output = await tile('规上工业总产值');
    expect(output).toHaveTextContent('918.7亿元');
    expect(within(output).queryByRole('progressbar')).not.toBeInTheDocument();
    expect(output).not.toHaveTextContent(/目标|序时进度/);
  });

  it('does not judge a figure of one year against the target of the next', async () => {
    renderApp('/');
    const output = await tile('规上工业总产值');
    expect(output).toHaveTextContent('918.7亿元');
    expect(output).toHaveTextContent('2023年全年目标：1000亿元');
    expect(within(output).queryByRole('progressbar')).not.toBeInTheDocument();
    expect(output).not.toHaveTextContent(/序时|完成/);
  });
});

describe('overview: filters', () => {
  it('shows each figure’s latest value up to the period, with its own period where that is an earlier one', async () => {
    renderApp('/?period=2023M07');
    const signed = await tile('签约资金');
    expect(signed).toHaveTextContent('180亿元');
    expect(within(signed).getByText('2023年上半年', { exact: true })).toBeInTheDocument();
    expect(signed).toHaveTextContent('2023年全年目标：400亿元');
    expect(screen.queryByText(/本期无数据/)).not.toBeInTheDocument();
  });

  it('at the default period draws no empty tile: targets in one row, what is not yet published in one line', async () => {
    const { user, router } = renderApp('/');
    await tile('签约资金');
    expect(screen.queryByText(/本期无数据/)).not.toBeInTheDocument();
    for (const article of screen.getAllByRole('article')) {
      expect(within(article).getByText(/\d/, { selector: '.kpi-tile__value .figure__number' })).toBeInTheDocument();
    }
    const targets = screen.getByRole('region', { name: '2023年全年目标' });
    expect(targets).toHaveTextContent('规上工业增加值增速 8%（增速目标）');
    expect(targets).toHaveTextContent('制造业投资 150亿元');
    expect(screen.queryByRole('article', { name: '制造业投资' })).not.toBeInTheDocument();
    const pending = screen.getByText('尚未公布：').parentElement as HTMLElement;
    expect(pending).toHaveTextContent(
      `尚未公布：政策资金惠及民营企业、国家专精特新“小巨人”企业、市级“专精特新”企业以后时期有数据：${TO_DATE}`,
    );
    await user.click(within(pending).getByRole('link', { name: TO_DATE }));
    await waitFor(() => expect(currentUrl(router)).toBe('/?period=2023D0826'));
    expect(await tile('国家专精特新“小巨人”企业')).toHaveTextContent('18家');
  });

  it('opens an old link to the full year 2023 on the latest figures, each with its period, and the targets', async () => {
    renderApp('/?period=2023');
    const giants = await tile('国家专精特新“小巨人”企业');
    expect(giants).toHaveTextContent('18家');
    expect(within(giants).getByText(TO_DATE, { exact: true })).toBeInTheDocument();
    const signed = await tile('签约资金');
    expect(within(signed).getByText('2023年上半年', { exact: true })).toBeInTheDocument();
    expect(signed).toHaveTextContent('2023年全年目标：400亿元');
    expect(screen.queryByText('尚未公布：')).not.toBeInTheDocument();
  });

  it('shows a 2022 tile with the derived district output and no target', async () => {
    renderApp('/?period=2022', { locale: 'en' });
    const output = await tile('Above-scale industrial gross output');
    expect(output).toHaveTextContent('¥91.87B');
    expect(output).not.toHaveTextContent(/Target/);
    expect(within(output).getByRole('button', { name: 'Data source: Derived' })).toHaveAccessibleDescription(
      /550\.29亿元 ÷ 59\.9% \(L36\)/,
    );
  });

  it('shows the chosen sector first and dims the district-wide figures with an explanation', async () => {
    renderApp('/?period=2023M07&sector=automotive');
    const group = await screen.findByRole('region', { name: '汽车产业' });
    const output = await within(group).findByRole('article', { name: '汽车产业规上工业产值' });
    expect(output).toHaveTextContent('56.67亿元');
    expect(output).toHaveTextContent('同比 +10.8%');
    // "目前…53家" is a count as of the report: after Jan–Jul, so not yet published for it.
    expect(within(group).queryByRole('article', { name: '汽车产业规上工业企业' })).not.toBeInTheDocument();
    const pending = within(group).getByText('尚未公布：').parentElement as HTMLElement;
    expect(pending).toHaveTextContent('尚未公布：汽车产业规上工业企业');
    expect(within(pending).getByRole('link', { name: TO_DATE })).toBeInTheDocument();
    expect(
      screen.getByText('以下为全区指标，不按产业细分，与所选的“汽车”产业无直接对应，仅供参考。'),
    ).toBeInTheDocument();
    expect(within(group).queryByRole('article', { name: '签约资金' })).not.toBeInTheDocument();
    expect(screen.queryByRole('article', { name: /装备/ })).not.toBeInTheDocument();
  });

  it('says so when the report has no figures for the chosen sector', async () => {
    renderApp('/?sector=motorcycle', { locale: 'en' });
    const group = await screen.findByRole('region', { name: 'Motorcycles sector' });
    expect(
      await within(group).findByText('The report gives no separate figures for the Motorcycles sector.'),
    ).toBeInTheDocument();
    expect(await tile('Investment signed')).toHaveTextContent('¥18.0B');
  });
});

describe('overview: loading', () => {
  it('holds the final layout, every group with its heading, while the figures load', async () => {
    renderApp('/', { handlers: [slow('kpis', 500)] });
    expect(await screen.findByText('正在加载指标…')).toBeInTheDocument();
    for (const group of ['核心指标', '工业', '招商引资', '重点项目', '民营经济', '专精特新']) {
      expect(screen.getByRole('region', { name: group })).toBeInTheDocument();
    }
    expect(screen.queryAllByRole('article')).toHaveLength(0);
    expect(await tile('签约资金')).toHaveTextContent('180亿元');
    expect(screen.getAllByRole('article')).toHaveLength(13);
    expect(screen.queryByText('正在加载指标…')).not.toBeInTheDocument();
  });
});

describe('overview: failures', () => {
  it('shows per group which figures failed, why, and a retry; the header keeps working', async () => {
    const { user } = renderApp('/', { handlers: [failWith('kpis', 500)] });
    const industry = await screen.findByRole('region', { name: '工业' });
    const alert = await within(industry).findByRole('alert');
    expect(alert).toHaveTextContent('工业指标加载失败');
    expect(alert).toHaveTextContent('数据服务出错（HTTP 500）。');
    expect(within(screen.getByRole('region', { name: '专精特新' })).getByRole('alert')).toHaveTextContent(
      '专精特新指标加载失败',
    );
    // The headline row names its figures once (not 核心指标指标).
    expect(within(screen.getByRole('region', { name: '核心指标' })).getByRole('alert')).toHaveTextContent(
      /^主要指标加载失败/,
    );
    expect(screen.getByRole('combobox', { name: '时期' })).toBeEnabled();
    expect(screen.getByRole('navigation', { name: '主导航' })).toBeInTheDocument();

    server.resetHandlers();
    await user.click(within(alert).getByRole('button', { name: '重试' }));
    expect(await tile('签约资金')).toHaveTextContent('180亿元');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows the error panel, not wrong numbers, for a schema-violating payload', async () => {
    renderApp('/', { locale: 'en', handlers: [malformed('kpis', breakers.kpis)] });
    const alerts = await screen.findAllByRole('alert');
    expect(alerts[0]).toHaveTextContent('Could not load headline figures');
    expect(alerts[0]).toHaveTextContent('The data service sent data in an unexpected format (at items[0].value.value)');
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Economic overview' })).toBeInTheDocument();
  });
});

describe('overview: derived figures', () => {
  it('computes each derived figure from the reported ones, with its formula', async () => {
    const { derivedFigures } = await import('../data/report');
    expect(derivedFigures.districtOutputGrowth).toMatchObject({
      value: -5.4,
      provenance: { kind: 'derived', formula: '2.4 − 7.8 (L81)' },
    });
    expect(derivedFigures.cityAverageStartRate).toMatchObject({
      value: 58,
      provenance: { kind: 'derived', formula: '65 − 7 (L52)' },
    });
    expect(derivedFigures.districtOutput2022.value / 1e8).toBeCloseTo(550.29 / 0.599, 1);
  });
});
