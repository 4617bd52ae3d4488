/**
 * Text that came in through a monthly import is shown as text everywhere: markup in a project's
 * name or description stays inert (no element is made of it, no script runs), and an imported
 * figure names its file, data version, sheet and row.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { reportProjects } from '../data/projects';
import { projectHandlers } from '../mocks/handlers/projects';
import type { ProjectDetail } from '../src/api/projects';
import { renderApp } from './render';

const MARKUP = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

const imported = (p: ProjectDetail): ProjectDetail => ({
  ...p,
  name: `${MARKUP}项目`,
  description: `<b>加粗</b>${MARKUP}`,
  provenance: { kind: 'imported', import: { file: '8月数据.xlsx', version: 2, sheet: '项目', row: 3 } },
});

describe('imported text', () => {
  const projects = [imported(reportProjects[0] as ProjectDetail), ...reportProjects.slice(1)];

  it('shows markup in a project name as text in the tracker, and names the import as its source', async () => {
    renderApp('/projects', { handlers: projectHandlers(() => projects) });
    const table = await screen.findByRole('table', { name: '项目列表' });
    const cell = await within(table).findByText(`${MARKUP}项目`);
    expect(cell.querySelector('img, script, b')).toBeNull();
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
    const row = cell.closest('tr') as HTMLElement;
    expect(row).toHaveTextContent('导入数据');
    expect(row).toHaveTextContent('出处：8月数据.xlsx（第 2 版数据，项目表第 3 行）');
  });

  it('shows markup in a project description as text on its page', async () => {
    renderApp(`/projects/${projects[0]?.id ?? ''}`, { handlers: projectHandlers(() => projects) });
    expect(await screen.findByRole('heading', { level: 1, name: `${MARKUP}项目` })).toBeInTheDocument();
    expect(screen.getByText(`<b>加粗</b>${MARKUP}`)).toBeInTheDocument();
    expect(document.querySelector('img[src="x"], main b, main script')).toBeNull();
  });

  it('says where a named project’s new name and description come from, beside its report line', async () => {
    const named = reportProjects.find((p) => p.provenance.kind === 'reported') as ProjectDetail;
    const source = { kind: 'imported', import: { file: '9月数据.xlsx', version: 3, sheet: '项目', row: 7 } } as const;
    const renamed: ProjectDetail = {
      ...named,
      name: '新的项目名称',
      description: '新的项目简介。',
      fieldProvenance: { ...named.fieldProvenance, name: source, description: source },
    };
    renderApp(`/projects/${named.id}`, {
      handlers: projectHandlers(() => reportProjects.map((p) => (p.id === named.id ? renamed : p))),
    });
    expect(await screen.findByRole('heading', { level: 1, name: '新的项目名称' })).toBeInTheDocument();
    const description = screen.getByText('新的项目简介。');
    expect(description).toHaveTextContent('导入数据');
    const nameRow = screen.getByText('项目名称', { selector: 'dt' }).closest('div') as HTMLElement;
    expect(nameRow).toHaveTextContent('新的项目名称');
    expect(nameRow).toHaveTextContent('导入数据');
    // The project itself still comes from the report.
    const own = screen.getByText('项目来源', { selector: 'dt' }).closest('div') as HTMLElement;
    expect(own).toHaveTextContent('报告数据');
  });
});
