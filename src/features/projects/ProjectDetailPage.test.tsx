import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { projectPage, projectsApi, projectsOf, sampleApi } from '../../../tests/fixtures';
import { renderWithData } from '../../../tests/render';
import ProjectDetailPage from './ProjectDetailPage';

/** A project's page at `path`, the API serving the sample (or the report's own data). */
const renderDetail = (path: string, { sample = true } = {}) =>
  renderWithData(
    <Routes>
      <Route path="/projects/:projectId" element={<ProjectDetailPage />} />
    </Routes>,
    path,
    { handlers: sample ? sampleApi() : [] },
  );

/** The value beside a field's label. */
const fieldValue = (fields: HTMLElement, label: string) =>
  within(fields).getByText(label).nextElementSibling as HTMLElement;

describe('project detail', () => {
  it('shows all fields, the milestone timeline and provenance of 渝武高速公路复线', async () => {
    renderDetail('/projects/yuwu-expressway-second-line');
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
    const value = (label: string) => fieldValue(fields, label);
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
    renderDetail('/projects/thin-film-platinum-chip-expansion');
    const timeline = await screen.findByRole('region', { name: '里程碑' });
    const items = within(timeline).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(/^2023年8月26日前首期投资3000万元，建起工业化规模化生产线已完成/);
    expect(items[1]).toHaveTextContent(/^2026–2028年生产线扩充到3至5条计划/);
    expect(within(items[1] as HTMLElement).getByRole('button', { name: '数据来源：第70段' })).toBeInTheDocument();
    const fields = screen.getByRole('region', { name: '项目信息' });
    expect(fieldValue(fields, '总投资')).toHaveTextContent(/^近1亿元 第70段/);
    expect(fieldValue(fields, '首期投资')).toHaveTextContent(/^3000万元 第70段/);
  });

  it('shows the groundbreaking of 广中医一附院重庆医院 phase 1 on 26 August 2023', async () => {
    renderDetail('/projects/gzucm-chongqing-hospital');
    const timeline = await screen.findByRole('region', { name: '里程碑' });
    expect(within(timeline).getByRole('listitem')).toHaveTextContent('2023年8月26日一期开工仪式已完成');
  });

  it('on the report’s own data says the report gives no money for the project, and shows no assumed level', async () => {
    renderDetail('/projects/yuxi-high-speed-rail-beibei', { sample: false });
    expect(await screen.findByRole('heading', { level: 1, name: '渝西高铁北碚段' })).toBeInTheDocument();
    expect(screen.getByText('报告未公布单个项目的投资额')).toBeInTheDocument();
    expect(screen.queryByText('级别', { selector: 'dt' })).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(/示意|演示数据/);
  });

  it('says an office’s own project has no amount filled in, not that the report gave none', async () => {
    const own = {
      ...projectsOf('report')[0]!,
      id: 'office-own-project',
      name: '区级道路改造工程',
      provenance: { kind: 'imported', import: { file: '8月项目.xlsx', version: 2, sheet: '项目', row: 3 } } as const,
      fieldProvenance: undefined,
      milestones: [],
    };
    renderWithData(
      <Routes>
        <Route path="/projects/:projectId" element={<ProjectDetailPage />} />
      </Routes>,
      '/projects/office-own-project',
      { handlers: projectsApi([...projectsOf('report'), own]) },
    );
    expect(await screen.findByRole('heading', { level: 1, name: '区级道路改造工程' })).toBeInTheDocument();
    const fields = screen.getByRole('region', { name: '项目信息' });
    expect(fieldValue(fields, '投资额')).toHaveTextContent(/^未填报$/);
    expect(document.body).not.toHaveTextContent('报告未公布');
  });

  it('crosses page boundaries with previous / next', async () => {
    const page1 = projectPage('sample', { page: 1 }).items;
    const page2 = projectPage('sample', { page: 2 }).items;
    renderDetail(`/projects/${page2[0]?.id}?page=2`);
    const nav = await screen.findByRole('navigation', { name: '在当前筛选结果中浏览' });
    const prev = await within(nav).findByRole('link', { name: `上一个：${page1[49]?.name}` });
    expect(prev).toHaveAttribute('href', `/projects/${page1[49]?.id}`);
    expect(within(nav).getByRole('link', { name: `下一个：${page2[1]?.name}` })).toHaveAttribute(
      'href',
      `/projects/${page2[1]?.id}?page=2`,
    );
  });

  it('says clearly when a project does not exist, with a way back to the list', async () => {
    renderDetail('/projects/no-such-project?stage=signed');
    expect(await screen.findByRole('heading', { level: 1, name: '没有找到这个项目' })).toBeInTheDocument();
    expect(screen.getByText(/no-such-project/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '返回项目列表' })).toHaveAttribute('href', '/projects?stage=signed');
  });

  it('in English names the project in English with the Chinese beside it, and describes it in English', async () => {
    renderDetail('/projects/yuwu-expressway-second-line?lang=en');
    const heading = await screen.findByRole('heading', {
      level: 1,
      name: 'Yuwu Expressway Second Line 渝武高速公路复线',
    });
    expect(within(heading).getByText('渝武高速公路复线')).toHaveAttribute('lang', 'zh-CN');
    expect(screen.getByText(/^All T-beams of the 446-metre main bridge/)).toBeInTheDocument();
  });
});
