import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { ProjectDetail, ProjectFilter } from '../../api/projects';
import type { Provenance } from '../../api/common';
import { ENDPOINTS, problem, projectPage, projectsApi, projectsOf, sampleApi } from '../../../tests/fixtures';
import { currentUrl, renderWithData } from '../../../tests/render';
import ProjectsPage from './ProjectsPage';

/**
 * The tracker's rules of the address, filters, paging and loading, on the page alone: on 26 of the
 * sample's projects (the report's 23 named ones first), so that a page holds 25 and the next 1.
 */
const FEW = projectsOf('sample').slice(0, 26);
const names = (filter: ProjectFilter = {}) => projectPage(FEW, filter).items.map((p) => p.name);

/** The tracker at `path` (?lang=en for English), the API serving the sample with FEW as its projects. */
const renderTracker = (path = '/projects', handlers: Parameters<typeof renderWithData>[2] = {}) =>
  renderWithData(<ProjectsPage />, path, {
    ...handlers,
    handlers: [...(handlers.handlers ?? []), ...projectsApi(FEW), ...sampleApi()],
  });

const table = () => screen.findByRole('table', { name: '项目列表' });
const rowNames = async () =>
  within(await table())
    .getAllByRole('rowheader')
    .map((h) => h.textContent);
/** The rows once the table shows them (the rows of the previous answer stay until then). */
const expectRows = (expected: (string | undefined)[]) =>
  waitFor(async () => expect((await rowNames()).slice(0, expected.length)).toEqual(expected));
const totals = () => screen.findByRole('region', { name: '筛选结果合计' });
const expectCount = (n: number) =>
  waitFor(async () => expect(within(await totals()).getByText(String(n))).toBeInTheDocument());

describe('project tracker: search and filters', () => {
  it('searches names and descriptions from the box and writes q into the address', async () => {
    const { user, router } = renderTracker();
    await table();
    const box = screen.getByRole('searchbox', { name: '搜索项目' });
    await user.type(box, '高铁');
    await waitFor(() => expect(currentUrl(router)).toBe(`/projects?q=${encodeURIComponent('高铁')}`));
    await expectRows(['渝西高铁北碚段']);
    // Descriptions are searched too: every named L60 project says 加快推进 or 已开工.
    await user.clear(box);
    await user.type(box, '加快推进');
    await waitFor(async () => expect(await rowNames()).toContain('中国电子西部创新基地'));
  });

  it('lists every project for a sector the catalog does not have (the address names it; the API would refuse it)', async () => {
    renderTracker('/projects?sector=steel');
    await expectCount(FEW.length);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('reads the filters from a shared address', async () => {
    renderTracker('/projects?q=高铁');
    await expectRows(['渝西高铁北碚段']);
    expect(screen.getByRole('searchbox', { name: '搜索项目' })).toHaveValue('高铁');
  });

  it('combines the global sector filter with type and level', async () => {
    const { user, router } = renderTracker('/projects?sector=electronics');
    await user.selectOptions(await screen.findByRole('combobox', { name: '类型' }), 'manufacturing');
    await waitFor(() => expect(currentUrl(router)).toBe('/projects?sector=electronics&type=manufacturing'));
    const expected = names({ sector: 'electronics', type: 'manufacturing' });
    await expectCount(expected.length);
    await waitFor(async () => expect(await rowNames()).toEqual(expected));
    expect(expected).toEqual(['中国电子西部创新基地', '薄膜铂热敏芯片国产化扩产项目']);
    await user.selectOptions(screen.getByRole('combobox', { name: '级别' }), 'municipal');
    await waitFor(() =>
      expect(currentUrl(router)).toBe('/projects?sector=electronics&type=manufacturing&level=municipal'),
    );
    await expectRows(['中国电子西部创新基地']);
  });

  it('filters by level from its menu, and the totals follow', async () => {
    const { user, router } = renderTracker('/projects');
    await table();
    await user.selectOptions(screen.getByRole('combobox', { name: '级别' }), 'municipal');
    await waitFor(() => expect(currentUrl(router)).toBe('/projects?level=municipal'));
    await expectCount(projectPage(FEW, { level: 'municipal' }).total);
  });

  it('explains the level and type filters where they are chosen: the lists the report gives, levels assumed', async () => {
    renderTracker('/projects?q=高铁');
    await table();
    const level = screen.getByRole('combobox', { name: '级别' });
    await waitFor(() =>
      expect(level).toHaveAccessibleDescription(/48个项目纳入市级重点项目清单，其中北碚区牵头22个（报告第56–58行）/),
    );
    expect(level).toHaveAccessibleDescription(/除环缙云山生态建设及生态产业化项目外，各项目的级别为示意/);
    expect(screen.getByRole('combobox', { name: '类型' })).toHaveAccessibleDescription(
      /25个制造业重点项目建设（报告第44行）/,
    );
  });

  it('filters by the stage clicked in the pipeline, and clicks it off again', async () => {
    const { user, router } = renderTracker();
    await table();
    const stage = (name: string) => screen.findByRole('button', { name: new RegExp(`^${name} \\d+ 个 计划 `) });
    await user.click(await stage('前期'));
    await waitFor(() => expect(currentUrl(router)).toBe('/projects?stage=preliminary'));
    await waitFor(async () => expect(await stage('前期')).toHaveAttribute('aria-pressed', 'true'));
    await waitFor(async () => {
      const rows = await rowNames();
      expect(rows).toContain('宝山大桥西延段');
      expect(rows).not.toContain('宝山嘉陵江大桥');
    });
    await expectCount(projectPage(FEW, { stage: 'preliminary' }).total);
    await user.click(await stage('前期'));
    await waitFor(() => expect(currentUrl(router)).toBe('/projects'));
  });

  it('says when nothing matches and offers to clear the filters', async () => {
    const { user, router } = renderTracker('/projects?q=没有这个项目&stage=signed');
    expect(await screen.findByText('没有符合条件的项目')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: '项目列表' })).not.toBeInTheDocument();
    const empty = screen.getByText('没有符合条件的项目').closest('[role="status"]') as HTMLElement;
    await user.click(within(empty).getByRole('button', { name: '清除筛选' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/projects'));
    await waitFor(async () => expect(await rowNames()).toHaveLength(FEW.length));
    expect(screen.getByRole('searchbox', { name: '搜索项目' })).toHaveValue('');
  });
});

describe('project tracker: order and pages', () => {
  it('sorts by a column header, ascending then descending then off, in the API’s order', async () => {
    const { user, router } = renderTracker('/projects?type=manufacturing');
    const sortButton = async () => within(await table()).getByRole('button', { name: '计划投资（万元）' });
    const firstThree = (sort?: string) => names({ type: 'manufacturing', sort }).slice(0, 3);
    await expectRows(firstThree());
    await user.click(await sortButton());
    await waitFor(() => expect(currentUrl(router)).toBe('/projects?type=manufacturing&sort=planned'));
    await expectRows(firstThree('planned'));
    await user.click(await sortButton());
    await waitFor(() => expect(currentUrl(router)).toBe('/projects?type=manufacturing&sort=-planned'));
    await expectRows(firstThree('-planned'));
    await user.click(await sortButton());
    await waitFor(() => expect(currentUrl(router)).toBe('/projects?type=manufacturing'));
    await expectRows(firstThree());
  });

  it('pages through the API and keeps the rows on show until the next page has come', async () => {
    // Page 1 is held back until the test has seen the "previous rows while loading" state.
    let answerPage1: () => void = () => undefined;
    const page1Held = new Promise<void>((resolve) => (answerPage1 = resolve));
    const { user, router } = renderTracker('/projects?pageSize=25&page=2', {
      handlers: [
        http.get(ENDPOINTS.projects, async ({ request }) => {
          if (!new URL(request.url).searchParams.has('page', '2')) await page1Held;
        }),
      ],
    });
    const page2 = names({ page: 2, pageSize: 25 });
    await expectRows(page2);
    expect(screen.getByText('第 2 / 2 页，第 26–26 项，共 26 项')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '上一页' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/projects?pageSize=25'));
    await waitFor(async () => expect(await table()).toHaveAttribute('aria-busy', 'true'));
    expect(await rowNames()).toEqual(page2);
    answerPage1();
    await expectRows(names({ pageSize: 25 }));
    expect(await table()).toHaveAttribute('aria-busy', 'false');
    expect(screen.getByText('第 1 / 2 页，第 1–25 项，共 26 项')).toBeInTheDocument();
    // A new page size starts again at page 1.
    await user.click(screen.getByRole('button', { name: '下一页' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/projects?pageSize=25&page=2'));
    await user.selectOptions(screen.getByRole('combobox', { name: '每页' }), '50');
    await waitFor(() => expect(currentUrl(router)).toBe('/projects?pageSize=50'));
    expect(await screen.findByText('第 1 / 1 页，第 1–26 项，共 26 项')).toBeInTheDocument();
  });

  it('moves a page number past the end of the list to the last page', async () => {
    const { router } = renderTracker('/projects?pageSize=25&page=99');
    await waitFor(() => expect(currentUrl(router)).toBe('/projects?pageSize=25&page=2'));
    expect(await screen.findByText('第 2 / 2 页，第 26–26 项，共 26 项')).toBeInTheDocument();
    await waitFor(async () => expect(await rowNames()).toHaveLength(1));
    expect(screen.getByRole('button', { name: '下一页' })).toBeDisabled();
    expect(screen.getByRole('button', { name: '上一页' })).toBeEnabled();
  });

  it('explains a failed load and recovers on retry', async () => {
    const { user } = renderTracker('/projects?type=manufacturing', {
      handlers: [http.get(ENDPOINTS.projects, () => problem(503, 'down', 'maintenance'), { once: true })],
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('项目数据加载失败');
    expect(alert).toHaveTextContent('HTTP 503');
    await user.click(within(alert).getByRole('button', { name: '重试' }));
    await expectRows(names({ type: 'manufacturing' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('project tracker on a phone', () => {
  it('holds the order as one choice, which a phone’s window shows instead of the column headers', async () => {
    const { user, router } = renderTracker('/projects?type=manufacturing');
    await expectRows(names({ type: 'manufacturing' }));
    // Hidden unless the window is as narrow as a phone's (the stylesheet, which jsdom does not apply).
    const order = screen.getByLabelText('排序');
    expect(order.closest('[hidden]')).not.toBeNull();
    await user.selectOptions(order, '完成投资：降序');
    await waitFor(() => expect(currentUrl(router)).toBe('/projects?type=manufacturing&sort=-completed'));
    await expectRows(names({ type: 'manufacturing', sort: '-completed' }));
  });
});

describe('project tracker in English', () => {
  it('speaks English, with the English names', async () => {
    renderTracker('/projects?lang=en&q=高铁');
    expect(await screen.findByRole('heading', { level: 1, name: 'Major projects' })).toBeInTheDocument();
    const list = await screen.findByRole('table', { name: 'Project list' });
    expect(
      within(list).getByRole('link', { name: 'Chongqing–Xi’an High-Speed Railway, Beibei section 渝西高铁北碚段' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search projects' })).toHaveValue('高铁');
  });
});

/** An office's import of August: its file's rows. */
const fromImport = (row: number): Provenance => ({
  kind: 'imported',
  import: { file: '8月项目.xlsx', version: 2, sheet: '项目', row },
});
/** The report's named projects with the amounts an office imported for the first of them. */
const withAmounts = (): ProjectDetail[] => {
  const [first, ...rest] = projectsOf('report');
  const yuan = (value: number) => ({ value, unit: 'cny' as const, provenance: fromImport(2) });
  return [{ ...first!, investmentPeriod: '2023M08', planned: yuan(8e8), completed: yuan(5e8) }, ...rest];
};
/** The report's named projects and one of an office's own, with no amounts. */
const withOwnProject = (): ProjectDetail[] => [
  ...projectsOf('report'),
  {
    ...projectsOf('report')[0]!,
    id: 'office-own-project',
    name: '区级道路改造工程',
    provenance: fromImport(3),
    fieldProvenance: undefined,
    milestones: [],
  },
];
const REPORT_TABLE = '表中各项均出自所标的报告行号';

describe('project tracker: what its notes say of the list', () => {
  it('on the report’s own list: the report names 23 of 198 and gives no amounts, each entry from its line', async () => {
    renderWithData(<ProjectsPage />, '/projects');
    await table();
    expect(screen.getByText(/^报告点名了198个重点项目中的23个/)).toHaveTextContent(REPORT_TABLE);
    expect(await totals()).toHaveTextContent('报告未公布单个项目的投资额：此处列出报告点名的项目');
  });

  it('says nothing of the rows of a search that finds none', async () => {
    renderWithData(<ProjectsPage />, '/projects?q=没有这个项目');
    expect(await screen.findByRole('status')).toHaveTextContent('没有符合条件的项目');
    expect(document.body).not.toHaveTextContent('表中含导入的数据');
    expect(document.body).not.toHaveTextContent(REPORT_TABLE);
  });

  it('once an office has imported amounts, it no longer says every entry is the report’s: each project’s page says', async () => {
    renderWithData(<ProjectsPage />, '/projects', { handlers: projectsApi(withAmounts()) });
    await table();
    expect(screen.getByText('表中含导入的数据：各项目及其金额的出处见项目详情。')).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(REPORT_TABLE);
  });

  it('with an office’s own project and no amounts at all, says none was filled in, not that the report gave none', async () => {
    renderWithData(<ProjectsPage />, '/projects?lang=en', { handlers: projectsApi(withOwnProject()) });
    await screen.findByRole('table', { name: 'Project list' });
    const region = await screen.findByRole('region', { name: 'Totals of the filtered projects' });
    expect(region).toHaveTextContent('None of the listed projects gives its investment.');
    expect(region).not.toHaveTextContent(/report|source/i);
    expect(
      screen.getByText(
        'The table includes imported data: each project’s page says where it and its amounts come from.',
      ),
    ).toBeInTheDocument();
  });
});
