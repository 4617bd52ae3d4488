import { screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Provenance } from '../../api/common';
import { formatPeriod } from '../../lib/format';
import { malformed, projectsOf, sampleApi } from '../../../tests/fixtures';
import { currentUrl, renderWithData } from '../../../tests/render';
import SectorDetailPage from './SectorDetailPage';

/** The report's "to date" period, as the period filter names it. */
const TO_DATE = { zh: formatPeriod('2023D0826', 'zh-CN'), en: formatPeriod('2023D0826', 'en') };

/** A sector's page at `path` (the report's own data unless `handlers` say otherwise). */
const renderSector = (path: string, options: Parameters<typeof renderWithData>[2] = {}) =>
  renderWithData(
    <Routes>
      <Route path="/sectors/:sectorId" element={<SectorDetailPage />} />
    </Routes>,
    path,
    options,
  );

describe('/sectors/:sectorId (the page)', () => {
  it('shows what the report says of a sector’s firms and the figures it gives about them, each with its line', async () => {
    renderSector('/sectors/electronics?period=2022');
    const firms = await screen.findByRole('region', { name: '重点企业' });
    const item = (name: string) => within(firms).getByText(name).closest('li') as HTMLElement;
    expect(item('中科光智(重庆)科技有限公司')).toHaveTextContent('今年3月落户后投产用时90天');
    expect(item('中科光智(重庆)科技有限公司')).toHaveTextContent('目前产值580万余元');
    expect(item('中科光智(重庆)科技有限公司')).toHaveTextContent('年内有望实现产值1500万元');
    expect(within(item('斯太宝科技有限公司')).getByRole('button', { name: '数据来源：第68段' })).toBeInTheDocument();
    expect(item('斯太宝科技有限公司')).toHaveTextContent('“嘉陵创客科技创业种子投资基金”投资40万元');
  });

  it('on the report’s own data counts the projects the report names, with nothing marked illustrative', async () => {
    renderSector('/sectors/automotive?period=2023M07');
    const projects = await screen.findByRole('region', { name: '重大项目' });
    expect(within(projects).getByText('报告点名的重大项目中，汽车产业有 1 个。')).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(/示意/);
  });

  it('shows the sector figures with provenance, firms and projects, without a trend from illustrative months (sample data)', async () => {
    const { router } = renderSector('/sectors/automotive?period=2023M07', { handlers: sampleApi() });
    expect(await screen.findByRole('heading', { level: 1, name: '汽车' })).toBeInTheDocument();
    // The path names the sector: the address is not rewritten to repeat it (…&sector=automotive).
    expect(currentUrl(router)).toBe('/sectors/automotive?period=2023M07');

    const figures = await screen.findByRole('region', { name: '主要数据' });
    expect(await within(figures).findByText('56.67亿元')).toBeInTheDocument();
    expect(within(figures).getByText('+10.8%')).toBeInTheDocument();
    expect(within(figures).getAllByRole('button', { name: /^数据来源：报告第/ })[0]).toHaveTextContent('报告第38段');
    // What the period lacks is one line, not cards saying 未公布; the firm count is offered under its own period.
    expect(within(figures).queryByText('未公布')).not.toBeInTheDocument();
    await waitFor(() =>
      expect(within(figures).getByText(/^2023年1–7月累计未公布：/)).toHaveTextContent(
        `2023年1–7月累计未公布：规上工业企业、占全区规上工业产值比重。有数据的时期：规上工业企业 ${TO_DATE.zh}：53家`,
      ),
    );
    // One known month (Jan–Jul, the output above) is no trend: nothing is drawn.
    expect(screen.queryByRole('region', { name: '汽车产业规上工业产值月度累计' })).not.toBeInTheDocument();

    const firms = screen.getByRole('region', { name: '重点企业' });
    expect(within(firms).getByText('重庆睿蓝汽车')).toBeInTheDocument();
    expect(within(firms).getByText('华众汽车饰件')).toBeInTheDocument();
    expect(within(firms).getByText('报告第79段')).toBeInTheDocument();

    const projects = screen.getByRole('region', { name: '重大项目' });
    const count = projectsOf('sample').filter((p) => p.sector === 'automotive').length;
    // The report gives no project count by sector: the list's count is marked illustrative where it is shown.
    const line = await within(projects).findByText(`项目库中汽车产业有 ${count} 个重大项目。`);
    expect(within(line).getByRole('button', { name: '数据来源：示意数据' })).toBeInTheDocument();
    expect(within(projects).getByRole('link', { name: '在重大项目跟踪中查看汽车产业项目' })).toHaveAttribute(
      'href',
      '/projects?period=2023M07&sector=automotive',
    );
  });

  it('draws the trend from known months only, and writes fewer than three as text', async () => {
    const reported = { kind: 'reported', source: 'L38' } as const;
    const imported = {
      kind: 'imported',
      import: { file: '2023年8月.xlsx', version: 2, sheet: '产业', row: 5 },
    } as const;
    const month = (m: number, yi: number, provenance: Provenance) => ({
      period: `2023M0${m}`,
      value: yi * 1e8,
      provenance,
    });
    const withSeries = (points: ReturnType<typeof month>[]) =>
      malformed('sector', (body) => ({ ...body, series: { unit: 'cny', cumulative: true, points } }));
    const illustrative = [1, 2, 3, 4, 5, 6].map((m) => month(m, m * 8, { kind: 'illustrative' }));

    const { unmount } = renderSector('/sectors/automotive?period=2023M07', {
      handlers: [withSeries([...illustrative, month(7, 56.67, reported), month(8, 65.02, imported)])],
    });
    // One paragraph (its figures are spans of their own, kept on one line each).
    expect(
      await screen.findByText(
        (_, el) =>
          el?.tagName === 'P' &&
          el.textContent === '汽车产业规上工业产值走势：2023年1–7月累计 56.67亿元 → 2023年1–8月累计 65.02亿元',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: '汽车产业规上工业产值月度累计' })).not.toBeInTheDocument();
    unmount();

    const { user } = renderSector('/sectors/automotive?period=2023M07', {
      handlers: [
        withSeries([
          month(5, 41, imported),
          month(6, 48, { kind: 'illustrative' }),
          month(7, 56.67, reported),
          month(8, 65.02, imported),
        ]),
      ],
    });
    const frame = await screen.findByRole('region', { name: '汽车产业规上工业产值月度累计' });
    await user.click(within(frame).getByRole('button', { name: '表格' }));
    const table = within(frame).getByRole('table');
    // The months' totals in one unit, named in the column's header, each to the same 0.01亿.
    expect(within(table).getByRole('columnheader', { name: '累计产值（亿元）' })).toBeInTheDocument();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/^1–5月41\.00/),
      expect.stringMatching(/^1–7月56\.67/),
      expect.stringMatching(/^1–8月65\.02/),
    ]);
    expect(within(table).queryByRole('button', { name: '数据来源：示意数据' })).not.toBeInTheDocument();
  });

  it('says in one line that the report has no figures for a sector, and links to the sectors that have', async () => {
    const { user } = renderSector('/sectors/motorcycle?period=2023H1');
    const line = await screen.findByText(/^报告未公布摩托车产业的任何数据。/);
    await waitFor(() =>
      expect(line).toHaveTextContent(
        '报告未公布摩托车产业的任何数据。有数据的产业：电子信息、汽车、装备、材料、医药、能源',
      ),
    );
    expect(screen.queryByText('未公布')).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: '摩托车产业规上工业产值月度累计' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '在重大项目跟踪中查看摩托车产业项目' })).not.toBeInTheDocument();
    await user.click(within(line).getByRole('link', { name: '汽车' }));
    expect(await screen.findByRole('heading', { level: 1, name: '汽车' })).toBeInTheDocument();
  });

  it('says when the chosen period has no figures for the sector and links to one that has', async () => {
    renderSector('/sectors/pharma?period=2023H1');
    expect(await screen.findByText('2023年上半年报告未公布医药产业的数据。')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: '2023年1–7月累计' })).toHaveAttribute(
      'href',
      '/sectors/pharma?period=2023M07',
    );
  });

  it('opens on the nearest period with the sector’s chart when the default period has none, and says so', async () => {
    const { user, router } = renderSector('/sectors/pharma');
    const notice = await screen.findByText(
      /2023年上半年报告未公布医药产业的数据，这里显示时间最近、有数据的2023年1–7月累计。/,
    );
    // The address says what is shown.
    expect(currentUrl(router)).toBe('/sectors/pharma?period=2023M07');
    expect(await screen.findByText('38.62亿元')).toBeInTheDocument();
    await user.click(within(notice).getByRole('link', { name: '查看2023年上半年' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/sectors/pharma?period=2023H1'));
    expect(await screen.findByText('2023年上半年报告未公布医药产业的数据。')).toBeInTheDocument();
  });

  it('opens electronics on 2022, the nearest period with its output, and points to its firm count to date', async () => {
    const { router } = renderSector('/sectors/electronics?lang=en');
    const figures = await screen.findByRole('region', { name: 'Key figures' });
    expect(await within(figures).findByText('¥55.03B')).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/sectors/electronics?lang=en&period=2022');
    expect(await within(figures).findByRole('link', { name: `${TO_DATE.en}: 81 firms` })).toHaveAttribute(
      'href',
      expect.stringContaining('period=2023D0826'),
    );
  });

  it('shows a clear page with a way back for an unknown sector', async () => {
    renderSector('/sectors/rockets?period=2022');
    expect(await screen.findByRole('heading', { level: 1, name: '没有这个产业' })).toBeInTheDocument();
    expect(screen.getByText('地址中的“rockets”不是本平台统计的产业。')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '返回产业总览' })).toHaveAttribute('href', '/sectors?period=2022');
  });
});
