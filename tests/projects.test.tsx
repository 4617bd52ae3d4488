/**
 * The project tracker and a project's page in the whole app, on what a new database serves (the
 * report's 23 named projects): one journey each, showing that the header, the page, its parts and
 * the address meet. The rules of each part are tested beside it (src/features/projects/).
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { projectPage } from './fixtures';
import { currentUrl, renderApp } from './render';

const table = () => screen.findByRole('table', { name: '项目列表' });
const rowNames = async () =>
  within(await table())
    .getAllByRole('rowheader')
    .map((h) => h.textContent);

describe('/projects', () => {
  it('lists the projects the report names with the totals it states, searches them, and opens one keeping the search', async () => {
    const { user, router } = renderApp('/projects');
    expect(await screen.findByRole('heading', { level: 1, name: '重大项目' })).toBeInTheDocument();
    await waitFor(async () => expect(await rowNames()).toHaveLength(23));
    const totals = screen.getByRole('region', { name: '筛选结果合计' });
    expect(within(totals).getByText('23')).toBeInTheDocument();
    expect(within(totals).getByText('198')).toBeInTheDocument();
    expect(within(totals).getByText('139.73亿元')).toBeInTheDocument();
    // The report's own data: nothing on the page is marked as sample or illustrative.
    expect(document.body).not.toHaveTextContent(/示意|演示数据/);

    await user.type(screen.getByRole('searchbox', { name: '搜索项目' }), '高铁');
    const q = `q=${encodeURIComponent('高铁')}`;
    await waitFor(() => expect(currentUrl(router)).toBe(`/projects?${q}`));
    await waitFor(async () => expect(await rowNames()).toEqual(['渝西高铁北碚段']));
    await user.click(within(await table()).getByRole('link', { name: '渝西高铁北碚段' }));
    await waitFor(() => expect(currentUrl(router)).toBe(`/projects/yuxi-high-speed-rail-beibei?${q}`));
    expect(await screen.findByRole('heading', { level: 1, name: '渝西高铁北碚段' })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: '返回项目列表' }));
    await waitFor(() => expect(currentUrl(router)).toBe(`/projects?${q}`));
    await waitFor(async () => expect(await rowNames()).toEqual(['渝西高铁北碚段']));
  });
});

describe('/projects/:projectId', () => {
  it('goes from the filtered list to a project and walks the same list with previous / next', async () => {
    const { user, router } = renderApp('/projects?stage=preliminary&sort=name');
    const list = projectPage('report', { stage: 'preliminary', sort: 'name' }).items;
    await waitFor(async () => expect(await rowNames()).toEqual(list.map((p) => p.name)));
    await user.click(screen.getByRole('link', { name: '宝山大桥西延段' }));
    await waitFor(() =>
      expect(currentUrl(router)).toBe('/projects/baoshan-bridge-west-extension?stage=preliminary&sort=name'),
    );
    expect(await screen.findByRole('heading', { level: 1, name: '宝山大桥西延段' })).toBeInTheDocument();
    const i = list.findIndex((p) => p.id === 'baoshan-bridge-west-extension');
    const nav = await screen.findByRole('navigation', { name: '在当前筛选结果中浏览' });
    expect(nav).toHaveTextContent(`第 ${i + 1} / ${list.length} 个`);
    await user.click(within(nav).getByRole('link', { name: `下一个：${list[i + 1]?.name}` }));
    await waitFor(() => expect(currentUrl(router)).toBe(`/projects/${list[i + 1]?.id}?stage=preliminary&sort=name`));
    expect(await screen.findByRole('heading', { level: 1, name: list[i + 1]?.name })).toBeInTheDocument();
    await user.click(await screen.findByRole('link', { name: `上一个：宝山大桥西延段` }));
    expect(await screen.findByRole('heading', { level: 1, name: '宝山大桥西延段' })).toBeInTheDocument();
    await user.click(await screen.findByRole('link', { name: '返回项目列表' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/projects?stage=preliminary&sort=name'));
  });
});
