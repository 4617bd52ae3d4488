import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ProjectPage, ProjectSortField } from '../../../api/projects';
import { projectPage } from '../../../../tests/fixtures';
import { renderWithData } from '../../../../tests/render';
import { ProjectList } from '../ProjectsPage';

/** The page's list of `page` as a table, at an address (its language), sorted by `sort`. */
function renderTable(
  page: ProjectPage,
  {
    path = '/projects',
    sort = null,
    busy = false,
    linkSearch = '',
  }: {
    path?: string;
    sort?: { field: ProjectSortField; desc: boolean } | null;
    busy?: boolean;
    linkSearch?: string;
  } = {},
) {
  const onSort = vi.fn<(field: ProjectSortField) => void>();
  const table = (s: typeof sort) => (
    <ProjectList rows={page.items} totals={page.totals} sort={s} onSort={onSort} linkSearch={linkSearch} busy={busy} />
  );
  const rendered = renderWithData(table(sort), path);
  return { ...rendered, onSort, resort: (s: typeof sort) => rendered.rerender(table(s)) };
}

const table = () => screen.getByRole('table', { name: '项目列表' });
const rowNames = () =>
  within(table())
    .getAllByRole('rowheader')
    .map((h) => h.textContent);
const headers = () =>
  within(table())
    .getAllByRole('columnheader')
    .map((h) => h.textContent);

/** The first projects of the sample's list, with the list's totals (they choose the money's unit). */
const sample = (filter = {}) => {
  const page = projectPage('sample', filter);
  return { ...page, items: page.items.slice(0, 4) };
};

describe('ProjectTable', () => {
  it('lists the 23 projects the report names without a column of money no project has', () => {
    renderTable(projectPage('report'));
    expect(rowNames()).toHaveLength(23);
    expect(rowNames()).toContain('渝西高铁北碚段');
    // No column of money that is unknown on every row: the totals' note says once that there is none.
    expect(headers()).toEqual(['项目名称', '产业', '类型', '阶段', '级别', '开工', '预计建成', '更新', '来源']);
    expect(within(table()).queryByText('未公布')).not.toBeInTheDocument();
  });

  it('names the money’s unit once in its column, and sorts by a header button that says its order with aria-sort', async () => {
    const { user, onSort, resort } = renderTable(sample());
    const header = () => within(table()).getByRole('columnheader', { name: '计划投资（万元）' });
    expect(header()).toHaveAttribute('aria-sort', 'none');
    await user.click(within(header()).getByRole('button', { name: '计划投资（万元）' }));
    expect(onSort).toHaveBeenLastCalledWith('planned');
    resort({ field: 'planned', desc: false });
    expect(header()).toHaveAttribute('aria-sort', 'ascending');
    resort({ field: 'planned', desc: true });
    expect(header()).toHaveAttribute('aria-sort', 'descending');
    resort(null);
    expect(header()).toHaveAttribute('aria-sort', 'none');
  });

  it('is keyboard navigable: arrow keys move between project rows, Enter on a header sorts', async () => {
    const { user, onSort } = renderTable(sample());
    const links = within(table()).getAllByRole('link');
    links[0]?.focus();
    await user.keyboard('{ArrowDown}');
    expect(links[1]).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(links[0]).toHaveFocus();
    within(table()).getByRole('button', { name: '项目名称' }).focus();
    await user.keyboard('{Enter}');
    expect(onSort).toHaveBeenLastCalledWith('name');
  });

  it('links each project to its page with the list’s filters, and says when the rows are being replaced', () => {
    renderTable(sample(), { linkSearch: '?stage=construction&pageSize=25', busy: true });
    expect(within(table()).getByRole('link', { name: '渝武高速公路复线' })).toHaveAttribute(
      'href',
      '/projects/yuwu-expressway-second-line?stage=construction&pageSize=25',
    );
    expect(table()).toHaveAttribute('aria-busy', 'true');
  });

  it('names each value by its column where a phone lays the row out as a card, in the list’s unit', () => {
    renderTable(sample());
    const row = within(table()).getByRole('rowheader', { name: '渝武高速公路复线' }).closest('tr') as HTMLElement;
    // The stylesheet writes each cell's label before its value on a phone's window (jsdom applies none).
    const labelled: Record<string, string> = {};
    for (const c of within(row).getAllByRole('cell')) if (c.dataset.label) labelled[c.dataset.label] = c.textContent;
    expect(labelled).toMatchObject({
      '完成投资（万元）': '5454',
      '计划投资（万元）': '5015',
      完成计划: '108.8%',
    });
    // Each label is its column's header.
    for (const label of Object.keys(labelled)) expect(headers()).toContain(label);
  });

  it('in English names a project in English with the Chinese beside it, marked as Chinese', () => {
    renderTable(sample(), { path: '/projects?lang=en' });
    const list = screen.getByRole('table', { name: 'Project list' });
    const link = within(list).getByRole('link', { name: 'Yuwu Expressway Second Line 渝武高速公路复线' });
    expect(within(link).getByText('渝武高速公路复线')).toHaveAttribute('lang', 'zh-CN');
  });
});
