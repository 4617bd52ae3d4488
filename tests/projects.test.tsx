import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoProjects, largeProjectSet } from '../data/projects';
import { queryProjects } from '../server/answers/projects';
import { reportDataset } from '../data/dataset';
import { MOCK_VERSION, problem } from '../mocks/handlers/common';
import { projectHandlers } from '../mocks/handlers/projects';
import { server } from '../mocks/node';
import { ENDPOINTS, scenarioHandlers } from '../mocks/scenarios';
import { SEARCH_DEBOUNCE_MS } from '../src/features/projects/components/SearchBox';
import { CARDS_QUERY } from '../src/features/projects/narrow';
import { currentUrl, renderApp } from './render';

const table = () => screen.findByRole('table', { name: '项目列表' });
const rowNames = (t: HTMLElement) =>
  within(t)
    .getAllByRole('rowheader')
    .map((h) => h.textContent);
const totals = () => screen.findByRole('region', { name: '筛选结果合计' });
const stageButton = (stage: string) => screen.findByRole('button', { name: new RegExp(`^${stage} \\d+ 个 计划 `) });

/**
 * For journeys of several steps (sort three times, page and resize, filter and walk a list): each
 * step may wait up to testing-library's 10 s for the screen on a busy machine, more in all than
 * the default 30 s of a test.
 */
const JOURNEY = { timeout: 60_000 };

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/**
 * The tracker's journeys need volume: they run on the sample dataset's 198 projects (the demo).
 * What a new database serves, the report's 23 projects without money, is the first describe.
 */
let onSample = true;
beforeEach(() => {
  if (onSample) server.use(...scenarioHandlers('demo'));
});

describe('project tracker on the report’s own data', () => {
  beforeEach(() => {
    onSample = false;
    server.resetHandlers();
  });
  afterEach(() => {
    onSample = true;
  });

  it('lists the 23 projects the report names, without invented money, and the totals the report states', async () => {
    renderApp('/projects');
    const rows = rowNames(await table());
    expect(rows).toHaveLength(23);
    expect(rows).toContain('渝西高铁北碚段');
    const region = await totals();
    expect(within(region).getByText('23')).toBeInTheDocument();
    expect(within(region).getByText('198')).toBeInTheDocument();
    expect(within(region).getByText('139.73亿元')).toBeInTheDocument();
    expect(region).toHaveTextContent('报告未公布单个项目的投资额');
    expect(within(region).getByRole('button', { name: '数据来源：报告第56段' })).toBeInTheDocument();
    // No column of money that is unknown on every row: the totals' note says once that there is none.
    const headers = within(await table())
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['项目名称', '产业', '类型', '阶段', '级别', '开工', '预计建成', '更新', '来源']);
    expect(screen.queryByText('未公布')).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(/示意|演示数据/);
  });

  it('says on a named project’s page that the report gives no money for it, and shows no assumed level', async () => {
    renderApp('/projects/yuxi-high-speed-rail-beibei');
    expect(await screen.findByRole('heading', { level: 1, name: '渝西高铁北碚段' })).toBeInTheDocument();
    expect(screen.getByText('报告未公布单个项目的投资额')).toBeInTheDocument();
    expect(screen.queryByText('级别', { selector: 'dt' })).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(/示意|演示数据/);
  });
});

/** The first `n` rows' names, once the table shows them (the rows of the previous answer stay until then). */
const expectFirstRows = (names: (string | undefined)[]) =>
  waitFor(async () => expect(rowNames(await table()).slice(0, names.length)).toEqual(names));

describe('project tracker: pipeline and totals', () => {
  it('shows the report totals for the unfiltered list: 198 projects, 139.73亿元, 119.8 % of plan', async () => {
    renderApp('/projects');
    expect(await screen.findByRole('heading', { level: 1, name: '重大项目' })).toBeInTheDocument();
    const region = await totals();
    expect(within(region).getByText('198')).toBeInTheDocument();
    expect(within(region).getByText('139.73亿元')).toBeInTheDocument();
    expect(within(region).getByText('119.8%')).toBeInTheDocument();
    expect(await within(region).findByRole('button', { name: '数据来源：报告第56段' })).toBeInTheDocument();
  });

  it('shows the 22 municipal key projects at 19.23亿元, 139.2 % when filtered by level', async () => {
    const { user, router } = renderApp('/projects');
    await table();
    await user.selectOptions(screen.getByRole('combobox', { name: '级别' }), 'municipal');
    await waitFor(() => expect(currentUrl(router)).toBe('/projects?level=municipal'));
    await waitFor(async () => expect(within(await totals()).getByText('22')).toBeInTheDocument());
    const region = await totals();
    expect(within(region).getByText('19.23亿元')).toBeInTheDocument();
    expect(within(region).getByText('139.2%')).toBeInTheDocument();
    expect(await within(region).findByRole('button', { name: '数据来源：报告第56–58段' })).toBeInTheDocument();
  });

  it('explains the level filter where it is chosen: 48 projects on the municipal list, 22 led by Beibei, levels assumed', async () => {
    renderApp('/projects');
    await table();
    const level = screen.getByRole('combobox', { name: '级别' });
    expect(level).toHaveAccessibleDescription(/48个项目纳入市级重点项目清单，其中北碚区牵头22个（报告第56–58行）/);
    expect(level).toHaveAccessibleDescription(/除环缙云山生态建设及生态产业化项目外，各项目的级别为示意/);
    expect(screen.getByRole('combobox', { name: '类型' })).toHaveAccessibleDescription(
      /25个制造业重点项目建设（报告第44行）/,
    );
  });

  it('lists the 25 manufacturing key projects of L44 under the manufacturing type', async () => {
    const { user } = renderApp('/projects');
    await table();
    await user.selectOptions(screen.getByRole('combobox', { name: '类型' }), 'manufacturing');
    await waitFor(async () => expect(within(await totals()).getByText('25')).toBeInTheDocument());
  });

  it('marks the pipeline’s counts illustrative where they are shown: only the named projects’ stages are reported', async () => {
    renderApp('/projects');
    await table();
    const funnel = screen.getByRole('region', { name: '项目推进阶段' });
    expect(within(funnel).getByText(/各阶段的项目数和金额为示意：报告只给出它点名的项目的阶段/)).toBeInTheDocument();
    expect(within(funnel).getByRole('button', { name: '数据来源：示意数据' })).toBeInTheDocument();
  });

  it('labels totals of any other list as a sum, not as the report figure', async () => {
    const large = largeProjectSet(10_000);
    renderApp('/projects', { handlers: projectHandlers(() => large) });
    await waitFor(async () => expect(within(await totals()).getByText('10,000')).toBeInTheDocument());
    const region = await totals();
    expect(await within(region).findByRole('button', { name: /^数据来源：推算数据/ })).toBeInTheDocument();
    expect(within(region).queryByText(/L56/)).not.toBeInTheDocument();
  });

  it('takes the stated totals from /meta: a source that states none gives the same list as a sum', async () => {
    const meta = reportDataset.meta;
    renderApp('/projects', {
      handlers: [
        http.get('*/api/v1/meta', () =>
          HttpResponse.json({ ...meta, dataVersion: MOCK_VERSION, reportedProjectTotals: [] }),
        ),
      ],
    });
    await waitFor(async () => expect(within(await totals()).getByText('139.73亿元')).toBeInTheDocument());
    const region = await totals();
    expect(await within(region).findByRole('button', { name: /^数据来源：推算数据/ })).toBeInTheDocument();
    expect(within(region).queryByText(/L56/)).not.toBeInTheDocument();
  });

  it(
    'lists every stage with counts and money, and a stage click filters the table (and clicks off again)',
    JOURNEY,
    async () => {
      const { user, router } = renderApp('/projects');
      const all = queryProjects(demoProjects, {});
      for (const [label, id] of [
        ['在谈', 'negotiating'],
        ['已签约', 'signed'],
        ['前期', 'preliminary'],
        ['在建', 'construction'],
        ['建成', 'completed'],
      ] as const) {
        const count = all.stageTotals.find((s) => s.stage === id)?.count;
        const button = await stageButton(label);
        // The name is what the button shows: stage, count, planned and completed money.
        expect(button).toHaveAccessibleName(new RegExp(`^${label} ${count} 个 计划 .+元 完成 .+元$`));
        expect(button).toHaveAttribute('aria-pressed', 'false');
      }
      await user.click(await stageButton('前期'));
      await waitFor(() => expect(currentUrl(router)).toBe('/projects?stage=preliminary'));
      await waitFor(async () => expect(await stageButton('前期')).toHaveAttribute('aria-pressed', 'true'));
      await waitFor(async () => {
        const names = rowNames(await table());
        expect(names).toContain('宝山大桥西延段');
        expect(names).not.toContain('宝山嘉陵江大桥');
      });
      const preliminary = all.stageTotals.find((s) => s.stage === 'preliminary')?.count ?? 0;
      await waitFor(async () => expect(within(await totals()).getByText(String(preliminary))).toBeInTheDocument());
      // The funnel still shows the other stages so the user can switch.
      expect(await stageButton('在建')).toHaveAccessibleName(/^在建 \d+ 个 计划 /);
      await user.click(await stageButton('前期'));
      await waitFor(() => expect(currentUrl(router)).toBe('/projects'));
    },
  );
});

describe('project tracker: search, filters, sort and paging', () => {
  it('searches names and descriptions from the box and writes q into the address', async () => {
    const { user, router } = renderApp('/projects');
    await table();
    await user.type(screen.getByRole('searchbox', { name: '搜索项目' }), '高铁');
    await waitFor(() => expect(currentUrl(router)).toBe(`/projects?q=${encodeURIComponent('高铁')}`));
    await waitFor(async () => expect(rowNames(await table())).toEqual(['渝西高铁北碚段']));
    // Descriptions are searched too: every named L60 project says 加快推进 or 已开工.
    await user.clear(screen.getByRole('searchbox', { name: '搜索项目' }));
    await user.type(screen.getByRole('searchbox', { name: '搜索项目' }), '加快推进');
    await waitFor(async () => expect(rowNames(await table())).toContain('中国电子西部创新基地'));
  });

  it('waits for an input method to finish composing before it searches', async () => {
    const { router } = renderApp('/projects');
    await table();
    const addresses: string[] = [];
    router.subscribe(() => addresses.push(currentUrl(router)));
    const searched: string[] = [];
    const onRequest = ({ request }: { request: Request }) => {
      searched.push(new URL(request.url).searchParams.get('q') ?? '');
    };
    server.events.on('request:start', onRequest);
    // The search box's pause runs on a clock the test moves past it, instead of sleeping.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
    const box = screen.getByRole('searchbox', { name: '搜索项目' });
    fireEvent.compositionStart(box);
    fireEvent.change(box, { target: { value: 'gaotie' } });
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    fireEvent.change(box, { target: { value: '高铁' } });
    fireEvent.compositionEnd(box);
    await waitFor(() => expect(currentUrl(router)).toBe(`/projects?q=${encodeURIComponent('高铁')}`));
    await waitFor(async () => expect(rowNames(await table())).toEqual(['渝西高铁北碚段']));
    server.events.removeListener('request:start', onRequest);
    // The composed text was searched for; the letters typed on the way to it never were.
    expect(searched).toContain('高铁');
    expect(searched).not.toContain('gaotie');
    expect(addresses.filter((a) => a.includes('gaotie'))).toEqual([]);
  });

  it('reads the filters from a shared address', async () => {
    renderApp('/projects?q=高铁');
    await waitFor(async () => expect(rowNames(await table())).toEqual(['渝西高铁北碚段']));
    expect(screen.getByRole('searchbox', { name: '搜索项目' })).toHaveValue('高铁');
  });

  it('combines the global sector filter with type and level', async () => {
    const { user, router } = renderApp('/projects?sector=electronics');
    const expected = queryProjects(demoProjects, { sector: 'electronics', type: 'manufacturing' });
    await user.selectOptions(await screen.findByRole('combobox', { name: '类型' }), 'manufacturing');
    await waitFor(() => expect(currentUrl(router)).toBe('/projects?sector=electronics&type=manufacturing'));
    await waitFor(async () => expect(within(await totals()).getByText(String(expected.total))).toBeInTheDocument());
    await waitFor(async () => expect(rowNames(await table())).toEqual(expected.items.map((p) => p.name)));
    expect(rowNames(await table())).toContain('中国电子西部创新基地');
    expect(rowNames(await table())).toContain('薄膜铂热敏芯片国产化扩产项目');
  });

  it('sorts by a column header button with aria-sort, ascending then descending then off', JOURNEY, async () => {
    // Pages of 25: the order is the API's, the first rows tell it; fewer rows to render each time.
    const { user, router } = renderApp('/projects?pageSize=25');
    // The column names its unit once, for every figure under it.
    const header = async () => within(await table()).getByRole('columnheader', { name: '计划投资（万元）' });
    const firstThree = (sort?: string) =>
      queryProjects(demoProjects, { sort, pageSize: 25 })
        .items.slice(0, 3)
        .map((p) => p.name);
    await expectFirstRows(firstThree());
    expect(await header()).toHaveAttribute('aria-sort', 'none');

    await user.click(within(await header()).getByRole('button', { name: '计划投资（万元）' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/projects?pageSize=25&sort=planned'));
    await expectFirstRows(firstThree('planned'));
    expect(await header()).toHaveAttribute('aria-sort', 'ascending');

    await user.click(within(await header()).getByRole('button', { name: '计划投资（万元）' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/projects?pageSize=25&sort=-planned'));
    await expectFirstRows(firstThree('-planned'));
    expect(await header()).toHaveAttribute('aria-sort', 'descending');

    await user.click(within(await header()).getByRole('button', { name: '计划投资（万元）' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/projects?pageSize=25'));
    await expectFirstRows(firstThree());
    expect(await header()).toHaveAttribute('aria-sort', 'none');
  });

  it('pages through the API and keeps the previous rows visible while the next page loads', JOURNEY, async () => {
    // Page 2 is held back until the test has seen the "previous rows while loading" state.
    let answerPage2: () => void = () => undefined;
    const page2Held = new Promise<void>((resolve) => (answerPage2 = resolve));
    // Pages of 25 (the default of 50 is the other tests'): fewer rows to render each time.
    const { user, router } = renderApp('/projects?pageSize=25', {
      handlers: [
        http.get(ENDPOINTS.projects, async ({ request }) => {
          if (new URL(request.url).searchParams.get('page') === '2') await page2Held;
        }),
      ],
    });
    const firstPage = queryProjects(demoProjects, { pageSize: 25 }).items.map((p) => p.name);
    await waitFor(async () => expect(rowNames(await table())).toEqual(firstPage));
    expect(screen.getByText('第 1 / 8 页，第 1–25 项，共 198 项')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '下一页' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/projects?pageSize=25&page=2'));
    await waitFor(async () => expect(await table()).toHaveAttribute('aria-busy', 'true'));
    expect(rowNames(await table())).toEqual(firstPage);
    answerPage2();
    const second = queryProjects(demoProjects, { page: 2, pageSize: 25 }).items.map((p) => p.name);
    await waitFor(async () => expect(rowNames(await table())).toEqual(second));
    expect(await table()).toHaveAttribute('aria-busy', 'false');
    expect(screen.getByText('第 2 / 8 页，第 26–50 项，共 198 项')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: '每页' }), '50');
    await waitFor(() => expect(currentUrl(router)).toBe('/projects?pageSize=50'));
    await waitFor(async () => expect(within(await table()).getAllByRole('rowheader')).toHaveLength(50));
    expect(screen.getByText('第 1 / 4 页，第 1–50 项，共 198 项')).toBeInTheDocument();
  });

  it('is keyboard navigable: Tab reaches the sort buttons, arrow keys move between project rows', async () => {
    const { user, router } = renderApp('/projects');
    const t = await table();
    const links = within(t).getAllByRole('link');
    links[0]?.focus();
    await user.keyboard('{ArrowDown}');
    expect(links[1]).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(links[0]).toHaveFocus();
    const sortName = within(t).getByRole('button', { name: '项目名称' });
    sortName.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(currentUrl(router)).toBe('/projects?sort=name'));
  });

  it('ignores invalid address values with a visible note instead of failing', async () => {
    const { router } = renderApp('/projects?stage=bogus&page=abc&sort=price&q=高铁');
    const note = await screen.findByRole('status', { name: '提示' });
    expect(note).toHaveTextContent('stage=“bogus”');
    expect(note).toHaveTextContent('page=“abc”');
    expect(note).toHaveTextContent('sort=“price”');
    await waitFor(() => expect(currentUrl(router)).toBe(`/projects?q=${encodeURIComponent('高铁')}`));
    await waitFor(async () => expect(rowNames(await table())).toEqual(['渝西高铁北碚段']));
  });

  it('moves a page number past the end of the list to the last page', async () => {
    const { router } = renderApp('/projects?page=99');
    await waitFor(() => expect(currentUrl(router)).toBe('/projects?page=4'));
    expect(await screen.findByText('第 4 / 4 页，第 151–198 项，共 198 项')).toBeInTheDocument();
    await waitFor(async () => expect(within(await table()).getAllByRole('rowheader')).toHaveLength(48));
    expect(screen.getByRole('button', { name: '下一页' })).toBeDisabled();
    expect(screen.getByRole('button', { name: '上一页' })).toBeEnabled();
  });

  it('says when nothing matches and offers to clear the filters', async () => {
    const { user, router } = renderApp('/projects?q=没有这个项目&stage=signed');
    expect(await screen.findByText('没有符合条件的项目')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: '项目列表' })).not.toBeInTheDocument();
    const empty = screen.getByText('没有符合条件的项目').closest('[role="status"]') as HTMLElement;
    await user.click(within(empty).getByRole('button', { name: '清除筛选' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/projects'));
    expect(within(await table()).getAllByRole('rowheader')).toHaveLength(50);
    expect(screen.getByRole('searchbox', { name: '搜索项目' })).toHaveValue('');
  });

  it('explains a failed load and recovers on retry', async () => {
    renderApp('/projects', {
      handlers: [http.get(ENDPOINTS.projects, () => problem(503, 'down', 'maintenance'), { once: true })],
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('项目数据加载失败');
    expect(alert).toHaveTextContent('HTTP 503');
    await screen.findByRole('button', { name: '重试' }).then((b) => b.click());
    expect(within(await table()).getAllByRole('rowheader')).toHaveLength(50);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('speaks English with the English stage names, and English project names with the Chinese beside them', async () => {
    const { user } = renderApp('/projects', { locale: 'en' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Major projects' })).toBeInTheDocument();
    for (const stage of ['Negotiating', 'Signed', 'Preliminary', 'Under construction', 'Completed']) {
      expect(await screen.findByRole('button', { name: new RegExp(`^${stage} \\d+ Planned ¥`) })).toBeInTheDocument();
    }
    expect(
      within(screen.getByRole('region', { name: 'Totals of the filtered projects' })).getByText('¥13.97B'),
    ).toBeInTheDocument();
    const list = await screen.findByRole('table', { name: 'Project list' });
    const link = within(list).getByRole('link', { name: 'Yuwu Expressway Second Line 渝武高速公路复线' });
    expect(within(link).getByText('渝武高速公路复线')).toHaveAttribute('lang', 'zh-CN');
    await user.click(link);
    const heading = await screen.findByRole('heading', {
      level: 1,
      name: 'Yuwu Expressway Second Line 渝武高速公路复线',
    });
    expect(within(heading).getByText('渝武高速公路复线')).toHaveAttribute('lang', 'zh-CN');
    expect(screen.getByText(/^All T-beams of the 446-metre main bridge/)).toBeInTheDocument();
  });
});

describe('project tracker on a phone', () => {
  beforeEach(() => {
    // A window as narrow as a phone's: the cards' media query matches, no other does.
    vi.spyOn(window, 'matchMedia').mockImplementation((query) => {
      const list = new EventTarget() as MediaQueryList;
      return Object.assign(list, { matches: query === CARDS_QUERY, media: query, onchange: null });
    });
  });

  it('lists the projects as cards (step of the pipeline, money in one unit) with a sort choice', JOURNEY, async () => {
    const { user, router } = renderApp('/projects?pageSize=25');
    const list = await screen.findByRole('list', { name: '项目列表' });
    const cards = () => within(list).getAllByRole('listitem');
    const names = () => cards().map((c) => within(c).getByRole('link').textContent);
    await waitFor(() =>
      expect(names()).toEqual(queryProjects(demoProjects, { pageSize: 25 }).items.map((p) => p.name)),
    );
    expect(screen.queryByRole('table')).not.toBeInTheDocument();

    const card = cards()[1] as HTMLElement;
    expect(within(card).getByRole('link', { name: '渝武高速公路复线' })).toHaveAttribute(
      'href',
      '/projects/yuwu-expressway-second-line?pageSize=25',
    );
    expect(card).toHaveTextContent('在建（推进阶段第4步，共5步）');
    expect(card).toHaveTextContent('完成 / 计划投资5454万元 / 5015万元 108.8%');

    await user.selectOptions(screen.getByRole('combobox', { name: '排序' }), '完成投资：降序');
    await waitFor(() => expect(currentUrl(router)).toBe('/projects?pageSize=25&sort=-completed'));
    const sorted = queryProjects(demoProjects, { sort: '-completed', pageSize: 25 }).items;
    await waitFor(() => expect(names()).toEqual(sorted.map((p) => p.name)));
    // The largest amounts first are still in the list's unit.
    expect(cards()[0]).toHaveTextContent(/完成 \/ 计划投资[\d,]+万元 \/ [\d,]+万元/);
  });
});

describe('project detail', () => {
  it('shows all fields, the milestone timeline and provenance of 渝武高速公路复线', async () => {
    renderApp('/projects/yuwu-expressway-second-line');
    expect(await screen.findByRole('heading', { level: 1, name: '渝武高速公路复线' })).toBeInTheDocument();
    const fields = screen.getByRole('region', { name: '项目信息' });
    for (const label of [
      '阶段',
      '产业',
      '类型',
      '级别',
      '投资时期',
      '计划投资',
      '完成投资',
      '完成计划',
      '总投资',
      '开工',
      '预计建成',
      '更新',
    ]) {
      expect(within(fields).getByText(label)).toBeInTheDocument();
    }
    const value = (label: string) => within(fields).getByText(label).nextElementSibling as HTMLElement;
    // The stage is what L48 says; the level is not in the report, so it is marked illustrative.
    expect(value('阶段')).toHaveTextContent('在建');
    expect(within(value('阶段')).getByRole('button', { name: '数据来源：第48段' })).toBeInTheDocument();
    expect(value('级别')).toHaveTextContent('市级');
    expect(within(value('级别')).getByRole('button', { name: /^数据来源：示意数据/ })).toBeInTheDocument();
    // "明年如期通车": the year, as the report gives it, not a made-up day.
    expect(value('预计建成')).toHaveTextContent(/^2024年 第48段/);
    expect(value('施家梁互通主线桥总长')).toHaveTextContent('446米');
    expect(within(fields).getByText('2023年上半年')).toBeInTheDocument();
    expect(within(value('项目来源')).getByRole('button', { name: '数据来源：报告第48段' })).toBeInTheDocument();
    expect(within(value('金额来源')).getByRole('button', { name: /^数据来源：示意数据/ })).toBeInTheDocument();
    const timeline = screen.getByRole('region', { name: '里程碑' });
    const items = within(timeline).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('2023年8月26日前近日，施家梁互通主线桥（446米）上跨绕城高速T型梁架桥全部完成');
    expect(items[0]).toHaveTextContent('已完成');
    expect(items[1]).toHaveTextContent(/^2024年计划2024年通车/);
  });

  it('shows 斯太宝’s milestones at the precision L70 gives (如今, 未来3年至5年) and its money within the report’s', async () => {
    renderApp('/projects/thin-film-platinum-chip-expansion');
    const timeline = await screen.findByRole('region', { name: '里程碑' });
    const items = within(timeline).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(/^2023年8月26日前首期投资3000万元，建起工业化规模化生产线已完成/);
    expect(items[1]).toHaveTextContent(/^2026–2028年生产线扩充到3至5条计划/);
    expect(within(items[1] as HTMLElement).getByRole('button', { name: '数据来源：第70段' })).toBeInTheDocument();
    const fields = screen.getByRole('region', { name: '项目信息' });
    const value = (label: string) => within(fields).getByText(label).nextElementSibling as HTMLElement;
    expect(value('总投资')).toHaveTextContent(/^近1亿元 第70段/);
    expect(value('首期投资')).toHaveTextContent(/^3000万元 第70段/);
  });

  it('shows the groundbreaking of 广中医一附院重庆医院 phase 1 on 26 August 2023', async () => {
    renderApp('/projects/gzucm-chongqing-hospital');
    const timeline = await screen.findByRole('region', { name: '里程碑' });
    expect(within(timeline).getByRole('listitem')).toHaveTextContent('2023年8月26日一期开工仪式已完成');
  });

  it('goes from the filtered list to a project and walks the same list with previous / next', JOURNEY, async () => {
    const { user, router } = renderApp('/projects?stage=preliminary&sort=name');
    const list = queryProjects(demoProjects, { stage: 'preliminary', sort: 'name' }).items;
    await waitFor(async () => expect(rowNames(await table())).toContain('宝山大桥西延段'));
    await user.click(screen.getByRole('link', { name: '宝山大桥西延段' }));
    await waitFor(() =>
      expect(currentUrl(router)).toBe('/projects/baoshan-bridge-west-extension?stage=preliminary&sort=name'),
    );
    expect(await screen.findByRole('heading', { level: 1, name: '宝山大桥西延段' })).toBeInTheDocument();
    const i = list.findIndex((p) => p.id === 'baoshan-bridge-west-extension');
    const nav = await screen.findByRole('navigation', { name: '在当前筛选结果中浏览' });
    expect(nav).toHaveTextContent(`第 ${i + 1} / ${list.length} 个`);
    const next = within(nav).getByRole('link', { name: `下一个：${list[i + 1]?.name}` });
    await user.click(next);
    await waitFor(() => expect(currentUrl(router)).toBe(`/projects/${list[i + 1]?.id}?stage=preliminary&sort=name`));
    expect(await screen.findByRole('heading', { level: 1, name: list[i + 1]?.name })).toBeInTheDocument();
    await user.click(await screen.findByRole('link', { name: `上一个：宝山大桥西延段` }));
    await user.click(await screen.findByRole('link', { name: '返回项目列表' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/projects?stage=preliminary&sort=name'));
  });

  it('crosses page boundaries with previous / next', async () => {
    const page1 = queryProjects(demoProjects, { page: 1 }).items;
    const page2 = queryProjects(demoProjects, { page: 2 }).items;
    renderApp(`/projects/${page2[0]?.id}?page=2`);
    const nav = await screen.findByRole('navigation', { name: '在当前筛选结果中浏览' });
    const prev = await within(nav).findByRole('link', { name: `上一个：${page1[49]?.name}` });
    expect(prev).toHaveAttribute('href', `/projects/${page1[49]?.id}`);
    expect(within(nav).getByRole('link', { name: `下一个：${page2[1]?.name}` })).toHaveAttribute(
      'href',
      `/projects/${page2[1]?.id}?page=2`,
    );
  });

  it('says clearly when a project does not exist, with a way back to the list', async () => {
    renderApp('/projects/no-such-project?stage=signed');
    expect(await screen.findByRole('heading', { level: 1, name: '没有找到这个项目' })).toBeInTheDocument();
    expect(screen.getByText(/no-such-project/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '返回项目列表' })).toHaveAttribute('href', '/projects?stage=signed');
  });
});

describe('CSV export', () => {
  function captureDownloads() {
    const blobs: Blob[] = [];
    const names: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    return { blobs, names };
  }
  const text = async (b: Blob) => new TextDecoder().decode(await b.arrayBuffer());

  it('exports the whole filtered set, not only the visible page, with a BOM and Chinese headers', async () => {
    const downloads = captureDownloads();
    const { user } = renderApp('/projects?stage=construction&pageSize=25');
    const expected = queryProjects(demoProjects, { stage: 'construction', pageSize: 500 });
    expect(within(await table()).getAllByRole('rowheader')).toHaveLength(25);
    await user.click(screen.getByRole('button', { name: `导出 CSV（${expected.total} 个项目）` }));
    await waitFor(() => expect(downloads.blobs).toHaveLength(1));
    expect(downloads.names).toEqual(['北碚区重大项目.csv']);
    const bytes = new Uint8Array(await (downloads.blobs[0] as Blob).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = await text(downloads.blobs[0] as Blob);
    const [note, ...lines] = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    // Sample data says so on the first line, before the headers.
    expect(note).toBe('演示数据 · 非正式统计');
    expect(lines[0]).toBe(
      '编号,项目名称,简介,产业,类型,阶段,级别,投资时期,当期计划投资（元）,当期完成投资（元）,完成计划（%）,总投资（元）,开工日期,预计建成日期,最近更新,数据来源,报告行号,报告未给出的字段（示意）',
    );
    expect(lines).toHaveLength(expected.total + 1);
    expect(lines.every((l, i) => i === 0 || l.includes(',在建,'))).toBe(true);
    expect(csv).toContain('yuwu-expressway-second-line,渝武高速公路复线,');
    expect(csv).toContain(',报告数据,L48');
  });

  it('writes English headers in English and neutralises formula-like cells', async () => {
    const downloads = captureDownloads();
    const hostile = demoProjects.map((p, i) =>
      i === 0 ? { ...p, name: '=HYPERLINK("http://evil.example","点击")', description: '@SUM(A1:A9), -1+2' } : p,
    );
    const { user } = renderApp('/projects?level=municipal', { locale: 'en', handlers: projectHandlers(() => hostile) });
    await user.click(await screen.findByRole('button', { name: 'Export CSV (22 projects)' }));
    await waitFor(() => expect(downloads.blobs).toHaveLength(1));
    const csv = await text(downloads.blobs[0] as Blob);
    const [note, ...lines] = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(note).toBe('"Sample data, not official statistics"');
    expect(lines[0]?.startsWith('ID,Project,Description,Sector,Type,Stage,Level,Investment period,')).toBe(true);
    expect(lines).toHaveLength(23);
    const row = lines.find((l) => l.startsWith(`${hostile[0]?.id},`));
    expect(row).toContain(`,"'=HYPERLINK(""http://evil.example"",""点击"")","'@SUM(A1:A9), -1+2",`);
    expect(row).toContain(',Under construction,Municipal,2023H1,');
  });

  it('says so when the export fails', async () => {
    const { user } = renderApp('/projects');
    await table();
    const button = screen.getByRole('button', { name: '导出 CSV（198 个项目）' });
    const { server } = await import('../mocks/node');
    server.use(http.get(ENDPOINTS.projects, () => problem(500, 'boom', 'boom')));
    await user.click(button);
    expect(await screen.findByRole('alert')).toHaveTextContent('导出失败：数据服务出错（HTTP 500）。');
  });
});
