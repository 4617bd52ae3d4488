import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { metaOf } from '../server/answers/figures';
import { demoDataset } from '../data/demo';
import { metaKeys } from '../src/api/meta';
import { SampleLabelProvider } from '../src/components/SampleBanner';
import { ChartFrame } from '../src/components/ChartFrame';
import type { ChartFrameProps, ChartLegendGroup, ChartRenderArgs } from '../src/components/ChartFrame';
import { plotToPng } from '../src/lib/chartImage';
import { AtAddress } from './render';

// jsdom draws no canvas: the image export is replaced by a spy that records what it was given.
vi.mock('../src/lib/chartImage', () => ({ plotToPng: vi.fn(() => Promise.resolve(null)) }));

const seen: ChartRenderArgs[] = [];

/** The frame at an address: its words in the language the address asks for. */
function frame(props: Partial<ChartFrameProps> = {}, path = '/') {
  return <AtAddress path={path}>{chartFrame(props)}</AtAddress>;
}

function chartFrame(props: Partial<ChartFrameProps> = {}) {
  return (
    <ChartFrame
      title="分产业产值"
      unit="亿元"
      period="2022年"
      source="来源：第 36 行"
      columns={[
        { key: 'sector', header: '产业' },
        { key: 'value', header: '产值（亿元）', numeric: true },
      ]}
      rows={[{ key: 'electronics', cells: ['电子信息', '550.29亿元'], csv: ['电子信息', 550.29] }]}
      filename="test"
      size={{ width: 400, height: 200 }}
      {...props}
    >
      {(args) => {
        seen.push(args);
        return <svg role="img" aria-label="chart" width={args.width} height={args.height} />;
      }}
    </ChartFrame>
  );
}

afterEach(() => {
  seen.length = 0;
  vi.useRealTimers();
});

describe('ChartFrame', () => {
  it('shows title, unit, period and source, and the same data as a table on demand', async () => {
    const user = userEvent.setup();
    render(frame());
    const region = screen.getByRole('region', { name: '分产业产值' });
    expect(within(region).getByText('单位：亿元 · 时期：2022年')).toBeInTheDocument();
    expect(within(region).getByText('来源：第 36 行')).toBeInTheDocument();
    expect(within(region).getByRole('img', { name: 'chart' })).toHaveAttribute('width', '400');
    await user.click(within(region).getByRole('button', { name: '表格' }));
    const table = within(region).getByRole('table', { name: '分产业产值（2022年）' });
    expect(within(table).getByRole('columnheader', { name: '产值（亿元）' })).toBeInTheDocument();
    expect(within(table).getByRole('rowheader', { name: '电子信息' })).toBeInTheDocument();
    expect(within(table).getByRole('cell', { name: '550.29亿元' })).toBeInTheDocument();
    // A table wider than a phone scrolls inside its frame: the keyboard can reach it to scroll.
    const scroller = within(region).getByRole('region', { name: '分产业产值（2022年）' });
    expect(scroller).toContainElement(table);
    act(() => scroller.focus());
    expect(scroller).toHaveFocus();
    expect(within(region).getByRole('button', { name: '下载 PNG 图片：分产业产值' })).toBeDisabled();
    await user.click(within(region).getByRole('button', { name: '图表' }));
    expect(within(region).getByRole('img', { name: 'chart' })).toBeInTheDocument();
  });

  it('animates only on entry: later renders (data refreshes) get animate = false', () => {
    vi.useFakeTimers();
    const { rerender } = render(frame());
    expect(seen.at(-1)?.animate).toBe(true);
    act(() => {
      vi.advanceTimersByTime(2000);
    });
    expect(seen.at(-1)?.animate).toBe(false);
    rerender(frame({ rows: [{ key: 'x', cells: ['汽车', '56.67亿元'], csv: ['汽车', 56.67] }] }));
    expect(seen.at(-1)?.animate).toBe(false);
  });

  it('shows loading, then an error with a retry, and never draws meanwhile', async () => {
    const user = userEvent.setup();
    const onRetry = vi.fn();
    const { rerender } = render(frame({ loading: true }));
    expect(screen.getByRole('status', { name: '正在加载图表…' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '下载 CSV：分产业产值' })).toBeDisabled();
    rerender(frame({ error: new Error('boom'), onRetry }));
    expect(screen.getByRole('alert')).toHaveTextContent('分产业产值加载失败');
    await user.click(screen.getByRole('button', { name: '重试' }));
    expect(onRetry).toHaveBeenCalledOnce();
    expect(seen).toHaveLength(0);
  });

  it('says why nothing is drawn when there is no data to draw', () => {
    render(frame({ empty: 'No figures for 2023.' }, '/?lang=en'));
    expect(screen.getByText('No figures for 2023.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download PNG image: 分产业产值' })).toBeDisabled();
    expect(seen).toHaveLength(0);
  });

  it('shows its legend under the chart, entries clickable when they have an action', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    render(
      frame({
        legend: [
          {
            key: 'leading',
            label: '主导产业',
            items: [
              { key: 'a', label: '汽车', color: '#B26B00', onSelect, actionLabel: '打开汽车' },
              { key: 'b', label: '示意数', color: '#B26B00', marker: 'hollow' },
            ],
          },
        ],
      }),
    );
    const legend = screen.getByRole('group', { name: '图例' });
    expect(within(legend).getByText('主导产业')).toBeInTheDocument();
    expect(within(legend).getByText('示意数')).toBeInTheDocument();
    // Named by what it shows, described by what it does.
    await user.click(within(legend).getByRole('button', { name: '汽车', description: '打开汽车' }));
    expect(onSelect).toHaveBeenCalledOnce();
  });

  it('draws the legend it shows into the PNG, with the title, period and source', async () => {
    const user = userEvent.setup();
    const legend: ChartLegendGroup[] = [
      { key: 'trend', items: [{ key: 'r', label: '报告数', color: '#B26B00', marker: 'circle' }] },
    ];
    render(frame({ legend }));
    await user.click(screen.getByRole('button', { name: '下载 PNG 图片：分产业产值' }));
    await waitFor(() => expect(plotToPng).toHaveBeenCalledOnce());
    expect(vi.mocked(plotToPng).mock.calls[0]?.[2]).toEqual({
      title: '分产业产值',
      subtitle: '单位：亿元 · 时期：2022年',
      source: '来源：第 36 行',
      legend,
    });
  });

  it('titles the PNG of sample data as sample data', async () => {
    const user = userEvent.setup();
    const client = new QueryClient();
    client.setQueryData(metaKeys.all, metaOf(demoDataset, { id: 3, publishedAt: '2023-09-01T00:00:00.000Z' }));
    vi.mocked(plotToPng).mockClear();
    render(
      <AtAddress>
        <QueryClientProvider client={client}>
          <SampleLabelProvider>{chartFrame()}</SampleLabelProvider>
        </QueryClientProvider>
      </AtAddress>,
    );
    await user.click(screen.getByRole('button', { name: '下载 PNG 图片：分产业产值' }));
    await waitFor(() => expect(plotToPng).toHaveBeenCalledOnce());
    expect(vi.mocked(plotToPng).mock.calls[0]?.[2]).toMatchObject({ title: '分产业产值（演示数据 · 非正式统计）' });
  });

  it('says the image failed, rather than doing nothing, when no chart could be drawn into it', async () => {
    const user = userEvent.setup();
    render(frame());
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '下载 PNG 图片：分产业产值' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('图片生成失败，请改用表格或 CSV。');
  });

  it('says nothing of an image the reader stopped waiting for by switching to the table', async () => {
    const user = userEvent.setup();
    let answer: (blob: Blob | null) => void = () => undefined;
    vi.mocked(plotToPng).mockClear();
    vi.mocked(plotToPng).mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    render(frame());
    await user.click(screen.getByRole('button', { name: '下载 PNG 图片：分产业产值' }));
    await waitFor(() => expect(plotToPng).toHaveBeenCalledOnce());
    await user.click(screen.getByRole('button', { name: '表格' }));
    expect(screen.getByRole('table')).toBeInTheDocument();
    // An async act: React settles what the answer leads to before the check below.
    await act(() => {
      answer(null);
      return Promise.resolve();
    });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
