import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { PeriodId } from '../../api/common';
import type { SectorFigure } from '../../api/sectors';
import { captureDownloads } from '../../../tests/downloads';
import { reportSectors } from '../../../tests/fixtures';
import { currentUrl, renderWithData } from '../../../tests/render';
import type { SectorChartProps } from './chartContext';
import { FigureChart } from './FigureChart';
import { ShareChart } from './ShareChart';

type BarFigure = 'output' | 'growth' | 'firms';

/** A sector chart of the report's figures for `period`, as the sectors page draws it. */
function renderChart(
  figure: BarFigure | 'share',
  period: PeriodId,
  { path = `/sectors?period=${period}`, ...props }: Partial<SectorChartProps> & { path?: string } = {},
) {
  const chart: SectorChartProps = {
    period,
    items: reportSectors(period),
    loading: false,
    error: undefined,
    onRetry: () => undefined,
    retrying: false,
    ...props,
  };
  return renderWithData(
    figure === 'share' ? <ShareChart {...chart} /> : <FigureChart figure={figure} {...chart} />,
    path,
  );
}

/** A chart's frame (a region named by its title), switched to its table view. */
async function chartTable(user: ReturnType<typeof renderChart>['user'], title: string, tableButton = '表格') {
  const frame = screen.getByRole('region', { name: title });
  await user.click(within(frame).getByRole('button', { name: tableButton }));
  return within(frame).getByRole('table');
}

/** A sector's row, found by its header cell (naming every row would read every cell of the table). */
const row = (table: HTMLElement, name: string | RegExp) =>
  within(table).getByRole('rowheader', { name }).closest('tr') as HTMLElement;
/** The value cell of a sector's row (after its group), as the table shows it. */
const value = (table: HTMLElement, name: string | RegExp) =>
  within(row(table, name)).getAllByRole('cell')[1]?.textContent;

describe('the sector charts’ tables', () => {
  it('give every reported output of Jan–Jul 2023 in one unit named in the header, and the others as not reported', async () => {
    const { user } = renderChart('output', '2023M07');
    const output = await chartTable(user, '分产业规上工业产值');
    // Money in one unit, named once in the column's header.
    expect(within(output).getByRole('columnheader', { name: '规上工业产值（亿元）' })).toBeInTheDocument();
    expect(value(output, /汽车/)).toBe('56.67');
    expect(value(output, /装备/)).toBe('54.66');
    expect(value(output, /医药/)).toBe('38.62');
    expect(value(output, /材料/)).toBe('27.36');
    expect(value(output, /能源/)).toBe('36.25');
    for (const name of [/电子信息/, /摩托车/, /消费品/]) expect(row(output, name)).toHaveTextContent('未公布');
    expect(row(output, /汽车/)).toHaveTextContent('主导产业');
    expect(row(output, /材料/)).toHaveTextContent('多点发展');
  });

  it('give every reported growth of Jan–Jul 2023, signed', async () => {
    const { user } = renderChart('growth', '2023M07');
    const growth = await chartTable(user, '分产业产值同比增速');
    expect(row(growth, /汽车/)).toHaveTextContent('+10.8%');
    expect(row(growth, /装备/)).toHaveTextContent('+7.4%');
    expect(row(growth, /医药/)).toHaveTextContent('+12.8%');
    expect(row(growth, /材料/)).toHaveTextContent('+54.9%');
    expect(row(growth, /能源/)).toHaveTextContent('+8.9%');
    expect(row(growth, /电子信息/)).toHaveTextContent('未公布');
  });

  it('give the firm counts as of the report’s date (目前, L36–L40)', async () => {
    const { user } = renderChart('firms', '2023D0826');
    const firms = await chartTable(user, '分产业规上工业企业数');
    expect(row(firms, /电子信息/)).toHaveTextContent('81家');
    expect(row(firms, /汽车/)).toHaveTextContent('53家');
    expect(row(firms, /装备/)).toHaveTextContent('76家');
    expect(row(firms, /医药/)).toHaveTextContent('未公布');
  });

  it('give 2022’s electronics output and share, and the rest of the district derived', async () => {
    const { user } = renderChart('output', '2022');
    const output = await chartTable(user, '分产业规上工业产值');
    expect(value(output, /电子信息/)).toBe('550.29');
    expect(row(output, /汽车/)).toHaveTextContent('未公布');
  });

  it('open a sector from a row, keeping the address’s period', async () => {
    const { user, router } = renderChart('growth', '2023M07');
    const growth = await chartTable(user, '分产业产值同比增速');
    await user.click(within(growth).getByRole('link', { name: '材料' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/sectors/materials?period=2023M07'));
  });
});

describe('the share chart', () => {
  it('gives 2022’s electronics share and the rest of the district, derived', async () => {
    const { user } = renderChart('share', '2022');
    const share = await chartTable(user, '占全区规上工业产值比重');
    expect(row(share, /电子信息/)).toHaveTextContent('59.9%');
    expect(row(share, /其他产业（推算）/)).toHaveTextContent('40.1%');
    expect(within(row(share, /其他产业（推算）/)).getByRole('button', { name: '数据来源：推算数据' })).toBeVisible();
  });
});

describe('the sector charts’ legends', () => {
  it('open a sector, keeping the other parameters', async () => {
    const { user, router } = renderChart('output', '2023M07', { path: '/sectors?period=2023M07&lang=zh-CN' });
    const frame = screen.getByRole('region', { name: '分产业规上工业产值' });
    await user.click(within(frame).getByRole('button', { name: '汽车', description: '打开汽车产业详情' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/sectors/automotive?period=2023M07&lang=zh-CN'));
  });
});

describe('the sector charts’ CSV', () => {
  it('holds the shown data with a BOM, headers in the UI language and the values', async () => {
    const downloads = captureDownloads();
    const { user } = renderChart('output', '2023M07');
    await user.click(screen.getByRole('button', { name: '下载 CSV：分产业规上工业产值' }));
    // The CSV code loads on the first download: wait for the file, as the user does.
    await waitFor(() => expect(downloads.blobs).toHaveLength(1));
    expect(downloads.blobs[0]?.type).toBe('text/csv;charset=utf-8');
    expect([...(await downloads.bytes()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = (await downloads.text()).split('\r\n');
    expect(lines[0]).toBe('产业,类别,规上工业产值（亿元）,出处');
    expect(lines).toContain('汽车,主导产业,56.67,L38');
    expect(lines).toContain('装备,主导产业,54.66,L40');
    expect(lines).toContain('医药,多点发展,38.62,L42');
    expect(lines).toContain('材料,多点发展,27.36,L42');
    expect(lines).toContain('能源,多点发展,36.25,L42');
    expect(lines).toContain('电子信息,主导产业,未公布,');
    expect(lines).toContain('摩托车,多点发展,未公布,');
  });

  it('has English headers when the UI is in English', async () => {
    const downloads = captureDownloads();
    const { user } = renderChart('growth', '2023M07', { path: '/sectors?period=2023M07&lang=en' });
    await user.click(screen.getByRole('button', { name: 'Download CSV: Output growth by sector, year on year' }));
    await waitFor(() => expect(downloads.blobs).toHaveLength(1));
    const lines = (await downloads.text()).split('\r\n');
    expect(lines[0]).toBe('Sector,Group,Growth year on year (%),Source');
    expect(lines).toContain('Automotive,Leading industries,10.8,L38');
    expect(lines).toContain('Materials,Diversified growth,54.9,L42');
    expect(lines).toContain('Motorcycles,Diversified growth,not reported,');
  });
});

describe('the growth chart’s drawing', () => {
  it('draws a shrinking sector to the left of zero, with its value clear of the sector names', async () => {
    const shrink: Record<string, number> = { automotive: -12.5, equipment: -3.1 };
    const items: SectorFigure[] = reportSectors('2023M07').map((s) =>
      s.growth && s.id in shrink ? { ...s, growth: { ...s.growth, value: shrink[s.id] ?? 0 } } : s,
    );
    renderChart('growth', '2023M07', { items });
    const frame = screen.getByRole('region', { name: '分产业产值同比增速' });
    // Wait for the drawn chart (its entry animation over), then read where each value is written.
    await within(frame).findByText('+54.9%', { selector: 'text.sector-bar__label' });
    const zero = () => Number(frame.querySelector('line.sector-zero-line')?.getAttribute('x1'));
    const label = (text: string) => {
      const found = within(frame).getByText(text, { selector: 'text.sector-bar__label' });
      return {
        side: Number(found.getAttribute('x')) < zero() ? 'left' : 'right',
        anchor: found.getAttribute('text-anchor'),
      };
    };
    // −3.1 % has room left of its bar; −12.5 % would run into the names, so it stands right of zero.
    await waitFor(() => expect(label('−3.1%')).toEqual({ side: 'left', anchor: 'end' }));
    expect(label('−12.5%')).toEqual({ side: 'right', anchor: 'start' });
    expect(label('+54.9%')).toEqual({ side: 'right', anchor: 'start' });
    // The value axis runs from −20 % in round steps that include zero, its unit said once, above the chart.
    expect(within(frame).getByText('单位：% · 时期：2023年1–7月累计')).toBeInTheDocument();
    const ticks = within(frame).getAllByText(/^[−+]?\d+$/, { selector: '.recharts-cartesian-axis-tick-labels *' });
    expect(ticks.map((t) => t.textContent)).toEqual(['−20', '0', '20', '40', '60']);
  });
});

describe('a sector chart that failed to load', () => {
  it('says which chart failed and why, with a retry', async () => {
    const onRetry = vi.fn();
    const { user } = renderChart('output', '2023M07', {
      items: [],
      error: new Error('boom'),
      onRetry,
    });
    const alert = within(screen.getByRole('region', { name: '分产业规上工业产值' })).getByRole('alert');
    expect(alert).toHaveTextContent('分产业规上工业产值加载失败');
    await user.click(within(alert).getByRole('button', { name: '重试' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });
});
