import { screen, waitFor } from '@testing-library/react';
import type { RequestHandler } from 'msw';
import { describe, expect, it } from 'vitest';
import type { ProjectFilter } from '../../../api/projects';
import { captureDownloads } from '../../../../tests/downloads';
import { failWith, projectPage, projectsApi, projectsOf, sampleApi } from '../../../../tests/fixtures';
import { renderWithData } from '../../../../tests/render';
import { SampleBanner } from '../../../components/SampleBanner';
import { ExportButton } from './ExportButton';

/**
 * The export of a filtered list of the sample (the mock API serves it, `handlers` in front), once
 * the page says it shows the sample.
 */
async function renderExport(
  filter: Omit<ProjectFilter, 'page' | 'pageSize'>,
  { path = '/projects', handlers = [] }: { path?: string; handlers?: RequestHandler[] } = {},
) {
  const { total } = projectPage('sample', filter);
  const rendered = renderWithData(
    <>
      <SampleBanner compact />
      <ExportButton filter={filter} total={total} />
    </>,
    path,
    { handlers: [...handlers, ...sampleApi()] },
  );
  await screen.findByRole('note');
  return rendered;
}

/** The CSV's lines after its first, the sample's label. */
const csvLines = (csv: string) => csv.trimEnd().split('\r\n');

describe('ExportButton', () => {
  it('exports the whole filtered set, not a page, with a BOM and Chinese headers, under the sample’s label', async () => {
    const downloads = captureDownloads();
    const { user } = await renderExport({ stage: 'construction' });
    const expected = projectPage('sample', { stage: 'construction', pageSize: 500 });
    expect(expected.total).toBeGreaterThan(50);
    await user.click(screen.getByRole('button', { name: `导出 CSV（${expected.total} 个项目）` }));
    await waitFor(() => expect(downloads.blobs).toHaveLength(1));
    expect(downloads.names).toEqual(['北碚区重大项目.csv']);
    expect([...(await downloads.bytes()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = await downloads.text();
    const [note, ...lines] = csvLines(csv);
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
    const hostile = projectsOf('sample').map((p, i) =>
      i === 0 ? { ...p, name: '=HYPERLINK("http://evil.example","点击")', description: '@SUM(A1:A9), -1+2' } : p,
    );
    const { user } = await renderExport(
      { level: 'municipal' },
      { path: '/projects?lang=en', handlers: projectsApi(hostile) },
    );
    await user.click(screen.getByRole('button', { name: 'Export CSV (22 projects)' }));
    await waitFor(() => expect(downloads.blobs).toHaveLength(1));
    const [note, ...lines] = csvLines(await downloads.text());
    expect(note).toBe('"Sample data, not official statistics"');
    expect(lines[0]?.startsWith('ID,Project,Description,Sector,Type,Stage,Level,Investment period,')).toBe(true);
    expect(lines).toHaveLength(23);
    const row = lines.find((l) => l.startsWith(`${hostile[0]?.id},`));
    expect(row).toContain(`,"'=HYPERLINK(""http://evil.example"",""点击"")","'@SUM(A1:A9), -1+2",`);
    expect(row).toContain(',Under construction,Municipal,2023H1,');
  });

  it('says so when the export fails', async () => {
    const { user } = await renderExport({}, { handlers: [failWith('projects', 500)] });
    await user.click(screen.getByRole('button', { name: '导出 CSV（198 个项目）' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('导出失败：数据服务出错（HTTP 500）。');
  });
});
