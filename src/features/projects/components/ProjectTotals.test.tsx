import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ReportedProjectTotals } from '../../../api/meta';
import type { ProjectDetail, ProjectFilter } from '../../../api/projects';
import { largeProjectSet, metaOfDataset, projectPage } from '../../../../tests/fixtures';
import type { DatasetName } from '../../../../tests/fixtures';
import { renderWithData } from '../../../../tests/render';
import { totalsProvenance } from '../ProjectsPage';
import { ProjectTotals } from './ProjectTotals';

const SUM = '按所列项目加总';

/**
 * The totals of a filtered list as the tracker shows them: labelled with the source's own totals
 * (/meta's reportedProjectTotals, `stated`) where the list is a set the source states them for.
 */
function renderTotals(
  projects: DatasetName | readonly ProjectDetail[],
  filter: ProjectFilter = {},
  { stated = metaOfDataset('sample').reportedProjectTotals, path = '/projects' } = {},
) {
  const { totals } = projectPage(projects, filter);
  const statedForList: ReportedProjectTotals | null = stated.find((r) => r.level === filter.level) ?? null;
  renderWithData(
    <ProjectTotals totals={totals} provenance={totalsProvenance(filter, totals, stated, SUM)} stated={statedForList} />,
    path,
  );
  return screen.getByRole('region', {
    name: path.includes('lang=en') ? 'Totals of the filtered projects' : '筛选结果合计',
  });
}

describe('ProjectTotals', () => {
  it('gives the report’s totals for the whole sample: 198 projects, 139.73亿元, 119.8 % of plan (L56)', () => {
    const region = renderTotals('sample');
    expect(within(region).getByText('198')).toBeInTheDocument();
    expect(within(region).getByText('139.73亿元')).toBeInTheDocument();
    expect(within(region).getByText('119.8%')).toBeInTheDocument();
    expect(within(region).getByRole('button', { name: '数据来源：报告第56段' })).toBeInTheDocument();
  });

  it('gives the 22 municipal key projects at 19.23亿元, 139.2 % as the report does (L56–L58)', () => {
    const region = renderTotals('sample', { level: 'municipal' });
    expect(within(region).getByText('22')).toBeInTheDocument();
    expect(within(region).getByText('19.23亿元')).toBeInTheDocument();
    expect(within(region).getByText('139.2%')).toBeInTheDocument();
    expect(within(region).getByRole('button', { name: '数据来源：报告第56–58段' })).toBeInTheDocument();
  });

  it('counts the 25 manufacturing key projects of L44 under the manufacturing type', () => {
    expect(within(renderTotals('sample', { type: 'manufacturing' })).getByText('25')).toBeInTheDocument();
  });

  it('labels the totals of any other list as a sum, not as the report figure', () => {
    const region = renderTotals(largeProjectSet(10_000));
    expect(within(region).getByText('10,000')).toBeInTheDocument();
    expect(within(region).getByRole('button', { name: /^数据来源：推算数据/ })).toBeInTheDocument();
    expect(within(region).queryByText(/L56/)).not.toBeInTheDocument();
  });

  it('takes the stated totals from /meta: a source that states none gives the same list as a sum', () => {
    const region = renderTotals('sample', {}, { stated: [] });
    expect(within(region).getByText('139.73亿元')).toBeInTheDocument();
    expect(within(region).getByRole('button', { name: /^数据来源：推算数据/ })).toBeInTheDocument();
    expect(within(region).queryByText(/L56/)).not.toBeInTheDocument();
  });

  it('on the report’s own data, with no money per project, gives the totals the report states for all 198', () => {
    const region = renderTotals('report', {}, { stated: metaOfDataset('report').reportedProjectTotals });
    expect(within(region).getByText('23')).toBeInTheDocument();
    expect(within(region).getByText('198')).toBeInTheDocument();
    expect(within(region).getByText('139.73亿元')).toBeInTheDocument();
    expect(region).toHaveTextContent('报告未公布单个项目的投资额');
    expect(within(region).getByRole('button', { name: '数据来源：报告第56段' })).toBeInTheDocument();
  });

  it('speaks English, in the English unit', () => {
    const region = renderTotals('sample', {}, { path: '/projects?lang=en' });
    expect(within(region).getByText('¥13.97B')).toBeInTheDocument();
  });
});
