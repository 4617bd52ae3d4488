import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatPeriod } from '../../lib/format';
import { failingUntilHealed } from '../../../tests/fixtures';
import { currentUrl, renderWithData } from '../../../tests/render';
import SectorsPage from './SectorsPage';

/** The report's "to date" period, as the period filter names it. */
const TO_DATE = formatPeriod('2023D0826', 'zh-CN');

const renderSectors = (path: string, options: Parameters<typeof renderWithData>[2] = {}) =>
  renderWithData(<SectorsPage />, path, options);

/** The output chart switched to its table, and automotive's value there. */
async function automotiveOutput(user: ReturnType<typeof renderSectors>['user']) {
  const frame = await screen.findByRole('region', { name: '分产业规上工业产值' });
  await user.click(within(frame).getByRole('button', { name: '表格' }));
  const table = within(frame).getByRole('table');
  const automotive = within(table).getByRole('rowheader', { name: /汽车/ }).closest('tr') as HTMLElement;
  return within(automotive).getAllByRole('cell')[1]?.textContent;
}

describe('/sectors (the page)', () => {
  it('draws a chart only for a figure some sector has, and names the others in one line with the periods that have them', async () => {
    renderSectors('/sectors?period=2023M07');
    // The firm counts are "目前" (L36–L40): as of the report, not for Jan–Jul. A figure no sector has
    // for the period gets no empty chart: once the figures are in, one line names it, with the
    // periods that have it.
    const missing = await screen.findByText(/^2023年1–7月累计未公布：/);
    expect(screen.getByRole('region', { name: '分产业规上工业产值' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: '分产业产值同比增速' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: '分产业规上工业企业数' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: '占全区规上工业产值比重' })).not.toBeInTheDocument();
    await waitFor(() =>
      expect(missing).toHaveTextContent(
        `2023年1–7月累计未公布：各产业占全区比重、分产业企业数。有数据的时期：各产业占全区比重 2022年；分产业企业数 ${TO_DATE}`,
      ),
    );
    expect(within(missing).getByRole('link', { name: TO_DATE })).toHaveAttribute('href', '/sectors?period=2023D0826');
  });

  it('draws 2022’s output and share, says what is not reported, and draws no empty chart', async () => {
    renderSectors('/sectors?period=2022');
    expect(await screen.findByText(/^2022年未公布：/)).toHaveTextContent(/^2022年未公布：分产业增速、分产业企业数。/);
    expect(screen.getByRole('region', { name: '分产业规上工业产值' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: '占全区规上工业产值比重' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: '分产业产值同比增速' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: '分产业规上工业企业数' })).not.toBeInTheDocument();
    // No chart frame on the page is an empty box.
    for (const frame of document.querySelectorAll('.chart-frame')) {
      expect(frame.querySelector('.chart-frame__empty')).toBeNull();
    }
  });

  it('shows the firm counts under the report’s date (目前, L36–L40), a period that says so', async () => {
    renderSectors('/sectors?period=2023D0826');
    expect(
      await screen.findByText(`${TO_DATE}各产业规上工业产值、增速、占比和企业数。点击产业查看详情。`),
    ).toBeInTheDocument();
    expect(await screen.findByRole('region', { name: '分产业规上工业企业数' })).toBeInTheDocument();
  });

  it('groups sectors into leading industries and diversified growth (多点发展)', async () => {
    renderSectors('/sectors?period=2023M07');
    const leading = await screen.findByRole('heading', { level: 3, name: '主导产业' });
    const multipoint = screen.getByRole('heading', { level: 3, name: '多点发展' });
    const list = (h: HTMLElement) =>
      within(h.parentElement as HTMLElement)
        .getAllByRole('link')
        .map((a) => a.textContent);
    await waitFor(() => expect(list(leading)).toEqual(['电子信息', '汽车', '装备']));
    expect(list(multipoint)).toEqual(['摩托车', '材料', '医药', '消费品', '能源']);
  });

  it('lists the firms the report names without a sector apart, filed under none', async () => {
    renderSectors('/sectors?period=2023M07');
    const other = await screen.findByRole('region', { name: '报告提到的其他企业' });
    for (const name of ['川仪', '四联', '颜宏齿轮', '华虹仪表', '重庆川仪十七厂有限公司', '重庆联航科技有限公司']) {
      expect(within(other).getByText(name)).toBeInTheDocument();
    }
    expect(within(other).getAllByRole('button', { name: '数据来源：报告第44段' })).toHaveLength(4);
  });

  it('opens on the nearest period with sector figures when the default period has none, says so, and goes back in one click', async () => {
    const { user, router } = renderSectors('/sectors');
    const notice = await screen.findByText(
      /2023年上半年报告未公布分产业数据，这里显示时间最近、有数据的2023年1–7月累计。/,
    );
    // The page shows the period it moved to at once; the address follows.
    await waitFor(() => expect(currentUrl(router)).toBe('/sectors?period=2023M07'));
    expect(await automotiveOutput(user)).toBe('56.67');
    await user.click(within(notice).getByRole('link', { name: '查看2023年上半年' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/sectors?period=2023H1'));
    expect(await screen.findByText('2023年上半年报告未公布任何分产业数据。')).toBeInTheDocument();
    expect(screen.queryByText(/这里显示时间最近/)).not.toBeInTheDocument();
  });

  it('points to the periods that have figures when the chosen one has none', async () => {
    renderSectors('/sectors?period=2023H1');
    expect(await screen.findByText('2023年上半年报告未公布任何分产业数据。')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: '2022年' })).toHaveAttribute('href', '/sectors?period=2022');
    expect(screen.getByRole('link', { name: '2023年1–7月累计' })).toHaveAttribute('href', '/sectors?period=2023M07');
  });

  it('shows the error in each chart with a retry that loads the figures', async () => {
    const { handler, heal } = failingUntilHealed('sectors');
    const { user } = renderSectors('/sectors?period=2023M07', { handlers: [handler] });
    const frame = await screen.findByRole('region', { name: '分产业规上工业产值' });
    const alert = await within(frame).findByRole('alert');
    expect(alert).toHaveTextContent('分产业规上工业产值加载失败');
    expect(alert).toHaveTextContent('数据服务出错（HTTP 500）');
    expect(screen.getAllByRole('alert')).toHaveLength(4);
    heal();
    await user.click(within(alert).getByRole('button', { name: '重试' }));
    await waitFor(() => expect(screen.queryAllByRole('alert')).toHaveLength(0));
    expect(await automotiveOutput(user)).toBe('56.67');
  });
});
