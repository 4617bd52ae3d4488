/**
 * The sector pages in the whole app: one journey each, showing that the header's filters, the
 * pages, their charts and the address meet. The rules of each part are tested beside it
 * (src/features/sectors/).
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { currentUrl, renderApp } from './render';

describe('/sectors', () => {
  it('opens on the nearest period with figures and keeps saying so through a change of theme or language, not of period', async () => {
    const { user, router } = renderApp('/sectors');
    const moved = /2023年上半年报告未公布分产业数据，这里显示时间最近、有数据的2023年1–7月累计/;
    // The page shows the period from its first render; the address and the header follow it.
    expect(await screen.findByText(moved)).toBeInTheDocument();
    await waitFor(() => expect(currentUrl(router)).toBe('/sectors?period=2023M07'));
    expect(screen.getByRole('combobox', { name: '时期' })).toHaveValue('2023M07');
    await user.click(screen.getByRole('button', { name: '切换到深色主题' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/sectors?period=2023M07&theme=dark'));
    expect(screen.getByText(moved)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByText(/shown here is the nearest period that has them/)).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Period' }), '2022');
    await waitFor(() => expect(currentUrl(router)).toBe('/sectors?period=2022&theme=dark&lang=en'));
    expect(screen.queryByText(/shown here is the nearest period that has them/)).not.toBeInTheDocument();
  });
});

describe('/sectors/:sectorId', () => {
  it('opens from a chart’s legend, shown in the header’s sector filter and carried on by its links, and changes with that filter', async () => {
    const { user, router } = renderApp('/sectors?period=2023M07');
    const frame = await screen.findByRole('region', { name: '分产业规上工业产值' });
    await user.click(await within(frame).findByRole('button', { name: '汽车', description: '打开汽车产业详情' }));
    expect(await screen.findByRole('heading', { level: 1, name: '汽车' })).toBeInTheDocument();
    // The path names the sector: the address is not rewritten to repeat it, and the header's filter shows it.
    expect(currentUrl(router)).toBe('/sectors/automotive?period=2023M07');
    await waitFor(() => expect(screen.getByRole('combobox', { name: '产业' })).toHaveValue('automotive'));
    const nav = screen.getByRole('navigation', { name: '主导航' });
    expect(within(nav).getByRole('link', { name: '总览' })).toHaveAttribute(
      'href',
      '/?period=2023M07&sector=automotive',
    );
    await user.selectOptions(screen.getByRole('combobox', { name: '产业' }), 'equipment');
    expect(await screen.findByRole('heading', { level: 1, name: '装备' })).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/sectors/equipment?period=2023M07');
  });
});
